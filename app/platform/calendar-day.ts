// The day of a moment, for the date columns of what the public side does (a
// request's arrival, a message): the server's local calendar day, as the UTC
// midnight that Prisma writes into a `@db.Date` column. No time of day is
// kept for these (docs/data-protection.md).
export function calendarDay(moment: Date): Date {
	return new Date(Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()))
}

/**
 * A moment the back office records with its time (a note, a status change),
 * as the office reads it: the server's local day and minute, "2026-12-02 14:05".
 */
export function localMinute(moment: Date): string {
	const two = (value: number) => String(value).padStart(2, '0')
	return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())} ${two(moment.getHours())}:${two(moment.getMinutes())}`
}
