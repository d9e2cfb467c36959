// The day of a moment, for the date columns of what the public side does (a
// request's arrival, a message): the server's local calendar day, as the UTC
// midnight that Prisma writes into a `@db.Date` column. No time of day is
// kept for these (docs/data-protection.md).
export function calendarDay(moment: Date): Date {
	return new Date(Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()))
}
