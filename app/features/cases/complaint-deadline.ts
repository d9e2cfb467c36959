// The deadline hint's date (Art. 31 StGB): a complaint must be filed within
// three months of the day the entitled person learned who the offender was.
// The report gives the incident's month and year only, so the hint counts
// from the first day of that month: the earliest the period can end, if the
// offender was known at once. Later knowledge moves it later.

/** The first of the incident's month and three months on, as `YYYY-MM-DD`; null without both. */
export function complaintDeadline(month: number | null, year: number | null) {
	if (!month || !year) return null
	const from = new Date(Date.UTC(year, month - 1, 1))
	const until = new Date(Date.UTC(year, month - 1 + 3, 1))
	return { from: from.toISOString().slice(0, 10), until: until.toISOString().slice(0, 10) }
}
