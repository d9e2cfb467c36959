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
 * services: counselling services given (with hours alongside).
 */
export type TableKind = 'cases' | 'mentions' | 'services'

export type TableId =
	| 'requesterType'
	| 'statusOutcome'
	| 'channel'
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
	/** Services only: hours, 'suppressed' exactly where the count is. */
	hoursQuarters?: PublishedCell[]
	hoursTotal?: PublishedCell
}

export type PublishedTable = {
	id: TableId
	kind: TableKind
	rows: PublishedRow[]
	totals: {
		quarters: PublishedCell[]
		total: PublishedCell
		hoursQuarters?: PublishedCell[]
		hoursTotal?: PublishedCell
	}
}

export type TrendPoint = { year: number; cases: PublishedCell; notDiscrimination: PublishedCell }

export type PublishedReport = {
	officeName: string
	year: number
	threshold: number
	generatedAt: string
	tables: PublishedTable[]
	trend: TrendPoint[]
}
