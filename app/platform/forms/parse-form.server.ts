// Reads a posted form into a zod schema. On failure it returns the errors
// (translation keys, one per field) and everything that was typed, so the
// page can show both; nothing a person wrote is lost.
import type { z } from 'zod'

import type { FormErrors, FormValues } from './form-values'

export type { FormErrors, FormValues }

export type ParsedForm<T> =
	| { success: true; data: T; values: FormValues }
	| { success: false; errors: FormErrors; values: FormValues }

/** `lists` names the fields that may repeat (checkboxes); all others are single values. */
export function parseForm<S extends z.ZodTypeAny>(
	formData: FormData,
	schema: S,
	lists: readonly string[] = [],
): ParsedForm<z.output<S>> {
	const values: FormValues = {}
	for (const key of new Set(formData.keys())) {
		// PostgreSQL text cannot hold a NUL byte, and no person types one.
		const all = formData
			.getAll(key)
			.filter((value): value is string => typeof value === 'string')
			.map((value) => value.replaceAll('\u0000', ''))
		values[key] = lists.includes(key) ? all : (all[0] ?? '')
	}
	for (const list of lists) values[list] ??= []
	const result = schema.safeParse(values)
	if (result.success) return { success: true, data: result.data, values }
	const errors: FormErrors = {}
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form')
		errors[field] ??= issue.message
	}
	return { success: false, errors, values }
}

/**
 * The posted form, or a 400 for a body that is not one (a wrong content
 * type, a broken multipart body): a malformed post is the sender's mistake,
 * never a server error.
 */
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData()
	} catch {
		throw new Response('Bad request', { status: 400 })
	}
}
