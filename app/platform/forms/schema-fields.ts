// The zod pieces every back-office form is built from. Messages are keys of
// the `staff` translation namespace. These schemas run on the server and, in
// the browser, through Conform, which hands them the form's values with
// empty fields as `undefined` and numbers already converted: "missing" and
// "empty" are one case here, and each gets the same message.
import { z } from 'zod'

/** Text a person must type: trimmed, not empty, at most `max` characters. */
export const text = (max: number) =>
	z
		.string({ message: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(max, 'errors.tooLong')

/** Text that may stay empty: trimmed, null when empty. */
export const optionalText = (max: number) =>
	z
		.string({ message: 'errors.tooLong' })
		.trim()
		.max(max, 'errors.tooLong')
		.optional()
		.transform((value) => value || null)

export const email = z
	.string({ message: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.max(200, 'errors.tooLong')
	.email('errors.email')

/** One of a list's values. */
export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { message: 'errors.invalidChoice' })

/** One of a list's values, or nothing (null). */
export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	choice(values)
		.optional()
		.transform((value) => value ?? null)

/** Checkboxes: any of a list's values, each once at most. */
export const several = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.array(choice(values), { message: 'errors.invalidChoice' })
		.max(values.length, 'errors.invalidChoice')

/** A whole number within bounds; one message for every way of missing them. */
export const wholeNumber = (min: number, max: number, message: string) =>
	z.number({ message }).int(message).min(min, message).max(max, message)

/** The id of a record the page lists (a hidden field): anything else names none. */
export const recordId = z.string({ message: 'errors.invalidChoice' }).uuid('errors.invalidChoice')

/**
 * The second step of a destructive action (confirm-step.tsx): absent on the
 * first post, which only asks; `yes` on the confirmation.
 */
export const confirmedStep = z
	// An error map, not `message`: zod 3 gives `message` to a missing value only, not a wrong one.
	.literal('yes', { errorMap: () => ({ message: 'errors.invalidChoice' }) })
	.optional()

/** A real calendar day (no 30 February), not before the office existed, not in the future. */
export const pastDay = z
	.string({ message: 'errors.date' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.refine((value) => {
		const date = new Date(`${value}T00:00:00Z`)
		return (
			!Number.isNaN(date.getTime()) &&
			date.toISOString().slice(0, 10) === value &&
			date.getUTCFullYear() >= 2000 &&
			date <= new Date()
		)
	}, 'errors.date')
	.transform((value) => new Date(`${value}T00:00:00Z`))
