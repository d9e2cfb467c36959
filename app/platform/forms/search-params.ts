// Filter forms are plain GET forms: their query string is read with a zod
// schema that ignores what it does not understand (a stale bookmark, a hand-
// edited URL) instead of refusing the page.
import { z } from 'zod'

/** The query string as an object for a schema (empty values and NUL bytes dropped). */
export function searchParamsObject(url: URL): Record<string, string> {
	return Object.fromEntries(
		[...url.searchParams]
			.map(([key, value]) => [key, value.replaceAll('\u0000', '')] as const)
			.filter(([, value]) => value !== ''),
	)
}

/**
 * A `YYYY-MM-DD` day of a date filter, or no filter. Only a day the calendar
 * has (no 13th month, no 30 February), from 1900 on (PostgreSQL knows no
 * year 0): any other would make the query fail.
 */
export const filterDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((value) => {
		const day = new Date(`${value}T00:00:00Z`)
		return (
			!Number.isNaN(day.getTime()) &&
			day.toISOString().slice(0, 10) === value &&
			day.getUTCFullYear() >= 1900
		)
	})
	.transform((value) => new Date(`${value}T00:00:00Z`))
	.optional()
	.catch(undefined)

/** Text a filter matches, or no filter. */
export const filterText = (max: number) => z.string().max(max).optional().catch(undefined)

export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1)

/**
 * The query string with some parameters set, or removed (null): the links
 * of a filtered page (sorting, queues, pages) keep the filters it has.
 */
export function changedSearch(search: string, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(search)
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key)
		else params.set(key, value)
	}
	return `?${params}`
}
