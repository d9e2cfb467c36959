import { parseWithZod } from '@conform-to/zod/v3'
import type { z } from 'zod'

/**
 * Conform reserves the fields `__intent__` and `__state__` for its own
 * buttons, which our forms do not use, and throws on a value there it
 * cannot read: a post that has them is forged, and gets a 400 rather than
 * a 500.
 */
function refuseConformFields(formData: FormData) {
	if (formData.has('__intent__') || formData.has('__state__')) {
		throw new Response('Bad request', { status: 400 })
	}
}

/** A posted form read by Conform with the form's zod schema, the same one the browser validates with. */
export function parseSubmission<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema) {
	refuseConformFields(formData)
	return parseWithZod(formData, { schema })
}

/**
 * The same for a schema with checks that only the server runs, and that
 * take their time (the strength of a new password): the browser validates
 * with the schema they extend.
 */
export function parseSubmissionAsync<Schema extends z.ZodTypeAny>(
	formData: FormData,
	schema: Schema,
) {
	refuseConformFields(formData)
	return parseWithZod(formData, { schema, async: true })
}
