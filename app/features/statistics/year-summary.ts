// The year at a glance (issue 12, item 9): five figures taken from the
// published tables of the year and of the year before, and their change in
// per cent. A figure hidden by disclosure control stays hidden here, and a
// change is given only between two published figures, the earlier above
// zero: a change against a hidden figure would tell how large it is.
import type { PublishedCell, PublishedTable, SummaryFigure, TableId, YearSummary } from './report'

type Published = { tables: PublishedTable[]; activities: PublishedTable[] }

function totalsOf(published: Published, id: TableId) {
	return [...published.tables, ...published.activities].find((table) => table.id === id)?.totals
}

function figures(published: Published): Record<keyof YearSummary, PublishedCell> {
	const activities = totalsOf(published, 'activityKinds')
	return {
		cases: totalsOf(published, 'requesterType')?.total ?? 0,
		// The mentions the national monitoring report leads with: forms of discrimination.
		mentions: totalsOf(published, 'forms')?.total ?? 0,
		counsellingHours: totalsOf(published, 'services')?.hoursTotal ?? 0,
		activities: activities?.total ?? 0,
		participants: activities?.participantsTotal ?? 0,
	}
}

export function yearSummary(current: Published, previous: Published): YearSummary {
	const now = figures(current)
	const before = figures(previous)
	const figure = (key: keyof YearSummary): SummaryFigure => ({
		current: now[key],
		previous: before[key],
	})
	return {
		cases: figure('cases'),
		mentions: figure('mentions'),
		counsellingHours: figure('counsellingHours'),
		activities: figure('activities'),
		participants: figure('participants'),
	}
}

/** The change in whole per cent, or null when there is nothing to compare with. */
export function changeInPercent(figure: SummaryFigure): number | null {
	const { current, previous } = figure
	if (typeof current !== 'number' || typeof previous !== 'number' || previous === 0) return null
	return Math.round(((current - previous) / previous) * 100)
}
