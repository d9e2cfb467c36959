// The practice of the code page (code-page.tsx) without JavaScript: the
// page posts the code back, since the server keeps none, with the four
// characters typed, and is shown again with the outcome. The code is checked
// for the shape of a code and never logged. Nothing here reads or writes the
// database. Saving the code as a file is request_.code[.txt].tsx.
import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CodePage } from '~/features/intake/code-page'
import { isLastFourOf, PractiseCodeSchema } from '~/features/intake/code-practice'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	return { title: t('intake:pageTitle') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

const PractiseFormSchema = PractiseCodeSchema.extend({ withContact: z.literal('yes').optional() })

export async function action({ request }: ActionFunctionArgs) {
	const form = await readFormData(request, FORM_BODY_LIMIT)
	const parsed = PractiseFormSchema.safeParse({
		code: form.get('code'),
		lastFour: form.get('lastFour') ?? undefined,
		withContact: form.get('withContact') ?? undefined,
	})
	if (!parsed.success) throw new Response('Bad request', { status: 400 })
	const { code, lastFour, withContact } = parsed.data
	// The code is in this answer: never from a cache.
	return data(
		{
			code,
			address: `${new URL(request.url).origin}/follow-up`,
			withContact: withContact === 'yes',
			practised: isLastFourOf(code, lastFour),
		},
		{ headers: { 'Cache-Control': 'no-store' } },
	)
}

export default function CodeRoute() {
	const result = useActionData<typeof action>()
	const { t } = useTranslation('code')
	if (result && 'code' in result)
		return (
			<CodePage
				code={result.code}
				address={result.address}
				withContact={result.withContact}
				practised={result.practised}
			/>
		)
	// Opened by its address, or a code that is none: this page shows a code only just after sending.
	return (
		<article className="confirmation">
			<h1>{t('gone')}</h1>
			<p>
				<a href="/request">{t('newRequest')}</a>
			</p>
		</article>
	)
}
