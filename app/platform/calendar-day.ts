// The day of a moment, for the date columns of what the public side does (a
// request's arrival, a message) and for "today" in the inbox's queues: the
// office's calendar day in St. Gallen (Europe/Zurich), whatever the server's
// own time zone, as the UTC midnight that Prisma writes into a `@db.Date`
// column. No time of day is kept for these (docs/data-protection.md).
const OFFICE_DAY = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Zurich',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

export function calendarDay(moment: Date): Date {
	const parts = OFFICE_DAY.formatToParts(moment)
	const part = (type: 'year' | 'month' | 'day') =>
		Number(parts.find((each) => each.type === type)!.value)
	return new Date(Date.UTC(part('year'), part('month') - 1, part('day')))
}

/** Whole days from one calendar day to a later one (both UTC midnights). */
export function daysBetween(from: Date, to: Date): number {
	return Math.round((to.getTime() - from.getTime()) / 86_400_000)
}

const OFFICE_MINUTE = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Zurich',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
})

/**
 * A moment the back office records with its time (a note, a status change),
 * as the office reads it: its day and minute in St. Gallen, "2026-12-02 14:05".
 */
export function localMinute(moment: Date): string {
	const parts = OFFICE_MINUTE.formatToParts(moment)
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((each) => each.type === type)!.value
	return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}
