// The period a statistics page or export asks for: a year with cases (or the
// current one) and optionally a quarter. Anything else falls back, rather
// than failing, since it only ever comes from a link or a select.
import { z } from 'zod'

export const StatisticsPeriodSchema = z.object({
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
	quarter: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
})

export function periodOf(url: URL, now = new Date()) {
	const parsed = StatisticsPeriodSchema.parse(Object.fromEntries(url.searchParams))
	return { year: parsed.year ?? now.getUTCFullYear(), quarter: parsed.quarter ?? null }
}
