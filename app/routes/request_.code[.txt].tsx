// "Save as a text file" on the code page (code-page.tsx): the page posts the
// code back, since the server keeps none; it is checked for the shape of a
// code, never logged, and answered as a download. A resource route: a page
// route's action cannot answer with a file.
import type { ActionFunctionArgs } from '@remix-run/node'
import { codeFileResponse, codeFileText } from '~/features/intake/code-file.server'
import { SaveCodeSchema } from '~/features/intake/code-practice'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'

export async function action({ request }: ActionFunctionArgs) {
	const form = await readFormData(request, FORM_BODY_LIMIT)
	const parsed = SaveCodeSchema.safeParse({ code: form.get('code') })
	if (!parsed.success) throw new Response('Bad request', { status: 400 })
	const { t } = getTranslator(request)
	return codeFileResponse(codeFileText(t, parsed.data.code, new URL(request.url).origin))
}
