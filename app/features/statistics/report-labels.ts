// The words the statistics are shown with, passed in so that the page and the
// exports use the same translations, and the row layout both exports share,
// so that the CSV and the workbook cannot drift apart.
import {
	QUARTERS,
	type PublishedCell,
	type PublishedTable,
	type TableId,
} from '~/features/statistics/report'

export type ReportLabels = {
	tableTitle: (id: TableId) => string
	rowLabel: (id: TableId, key: string) => string
	total: string
	year: string
	quarter: (q: number) => string
	hours: string
	participants: string
	/** The mark of a hidden cell ("×"). */
	suppressed: string
	/** The note under a table with hidden cells: what "×" stands for. */
	suppressedNote: (threshold: number) => string
	trendTitle: string
	trendCases: string
	trendNotDiscrimination: string
	reportTitle: string
	generatedOn: string
	thresholdNote: (threshold: number) => string
}

/** A number cell of an export; `undefined` in a row stands for an empty cell. */
export type ExportValue = { value: PublishedCell; unit: 'count' | 'hours' }

/** One line of an export: the table's title, the row's label and the Q1–Q4 and year cells. */
export type ExportRow = { table: string; category: string; values: Array<ExportValue | undefined> }

// The labels have no words for the first two columns, so these keep their English keys.
export function exportHeader(labels: ReportLabels): string[] {
	return ['table', 'category', ...QUARTERS.map((q) => labels.quarter(q)), labels.year]
}

export function withSuffix(label: string, suffix: string): string {
	return `${label} (${suffix})`
}

/**
 * A table's category rows then its total row; for services each followed by
 * its hours, for activities by its participants and hours.
 */
export function exportTableRows(table: PublishedTable, labels: ReportLabels): ExportRow[] {
	const title = labels.tableTitle(table.id)
	const lines = [
		...table.rows.map((row) => ({ ...row, label: labels.rowLabel(table.id, row.key) })),
		{ ...table.totals, label: labels.total },
	]
	const series = (
		category: string,
		quarters: PublishedCell[] | undefined,
		total: PublishedCell | undefined,
		unit: ExportValue['unit'],
	): ExportRow[] =>
		quarters === undefined || total === undefined
			? []
			: [{ table: title, category, values: [...quarters, total].map((value) => ({ value, unit })) }]
	return lines.flatMap((line) => [
		...series(line.label, line.quarters, line.total, 'count'),
		...series(
			withSuffix(line.label, labels.participants),
			line.participantsQuarters,
			line.participantsTotal,
			'count',
		),
		...series(withSuffix(line.label, labels.hours), line.hoursQuarters, line.hoursTotal, 'hours'),
	])
}

/** The note an export puts under a table with these cells, or null when none is hidden. */
export function suppressedNote(
	cells: Array<ExportValue | undefined>,
	labels: ReportLabels,
	threshold: number,
): string | null {
	return cells.some((cell) => cell?.value === 'suppressed')
		? labels.suppressedNote(threshold)
		: null
}
