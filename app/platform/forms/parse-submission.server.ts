import { parseWithZod } from '@conform-to/zod/v3'
import type { z } from 'zod'

/**
 * A posted form read by Conform with the form's zod schema, the same one the
 * browser validates with. Conform reserves the fields `__intent__` and
 * `__state__` for its own buttons, which our forms do not use, and throws on
 * a value there it cannot read: a post that has them is forged, and gets a
 * 400 rather than a 500.
 */
export function parseSubmission<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema) {
	if (formData.has('__intent__') || formData.has('__state__')) {
		throw new Response('Bad request', { status: 400 })
	}
	return parseWithZod(formData, { schema })
}
