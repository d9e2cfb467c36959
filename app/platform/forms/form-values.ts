// What a form posted, as the server hands it back to the page after a
// validation error (shared by the server and the browser).
export type FormErrors = Record<string, string>
export type FormValues = Record<string, string | string[]>

/** A single value of what was typed, for a field's default. */
export function valueOf(values: FormValues | undefined, name: string): string | undefined {
	const value = values?.[name]
	return typeof value === 'string' ? value : undefined
}
