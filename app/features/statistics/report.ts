// The shape of the anonymised statistics (product.md, "Annual statistics"),
// shared by the pages, the exports and the JSON endpoint. Every table is a
// category × quarter table with its margins; a published cell is a number or
// the word 'suppressed' (the value itself never leaves the server).

export const QUARTERS = [1, 2, 3, 4] as const
export type Quarter = (typeof QUARTERS)[number]

/**
 * A count (or hours) as published, or 'suppressed' when disclosure control hides it: because
 * it is between 1 and threshold − 1, or so that no such count can be worked out from totals or
 * from the year's other tables. One word for both on purpose: telling the reader which hidden
 * counts are the small ones would let sums pin them down (decision 0009).
 */
export type PublishedCell = number | 'suppressed'

/**
 * cases: each case counted once per table (rows partition the cases);
 * mentions: a case counted once per category it names (several per case);
 * services: counselling services given (with hours alongside);
 * activities: events, trainings and advice beyond cases (with participants
 * and hours alongside), published as counted (decision 0009, "Activities").
 */
export type TableKind = 'cases' | 'mentions' | 'services' | 'activities'

export type TableId =
	| 'requesterType'
	| 'statusOutcome'
	| 'channel'
	| 'responseWish'
	| 'ageGroup'
	| 'gender'
	| 'nationalityGroup'
	| 'residenceStatus'
	| 'areas'
	| 'forms'
	| 'motives'
	| 'actors'
	| 'services'
	| 'notDiscrimination'
	| 'activityKinds'
	| 'activityAudiences'

/** Raw counts before disclosure control: server-side only. */
export type RawTable = {
	id: TableId
	kind: TableKind
	/** One row per category, in display order; `quarters` has 4 counts. */
	rows: Array<{ key: string; quarters: number[] }>
	/** For services: hours per row and quarter, published where the count is. */
	hours?: number[][]
}

export type PublishedRow = {
	key: string
	quarters: PublishedCell[]
	total: PublishedCell
	/** Services and activities: hours, for services 'suppressed' exactly where the count is. */
	hoursQuarters?: PublishedCell[]
	hoursTotal?: PublishedCell
	/** Activities only: the participants counted. */
	participantsQuarters?: PublishedCell[]
	participantsTotal?: PublishedCell
}

export type PublishedTable = {
	id: TableId
	kind: TableKind
	rows: PublishedRow[]
	totals: Omit<PublishedRow, 'key'>
}

export type TrendPoint = { year: number; cases: PublishedCell; notDiscrimination: PublishedCell }

/** A figure of the year's summary, and the same figure as the year before's report publishes it. */
export type SummaryFigure = { current: PublishedCell; previous: PublishedCell }

/**
 * The year at a glance: cases, mentions of forms of discrimination,
 * counselling hours, activities and their participants, each against the
 * year before. Taken from the published tables, so a hidden total stays hidden.
 */
export type YearSummary = {
	cases: SummaryFigure
	mentions: SummaryFigure
	counsellingHours: SummaryFigure
	activities: SummaryFigure
	participants: SummaryFigure
}

export type PublishedReport = {
	officeName: string
	year: number
	threshold: number
	generatedAt: string
	/** The case tables, after disclosure control. */
	tables: PublishedTable[]
	trend: TrendPoint[]
	/** The activities beyond cases, as counted. */
	activities: PublishedTable[]
	summary: YearSummary
}
