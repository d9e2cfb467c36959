// The whole report as one CSV file, one line per table row, so that it can be
// filtered and pivoted in a spreadsheet. Semicolons and a BOM because Excel
// with Swiss regional settings splits on `;` and otherwise guesses the
// encoding wrong; the decimal point matches the de-CH number format. A table
// with hidden cells ("×") is followed by a line with its note and no values.
// The activities beyond cases come last, after the trend of the cases.
import { QUARTERS, type PublishedReport, type PublishedTable } from '~/features/statistics/report'
import {
	exportHeader,
	exportTableRows,
	suppressedNote,
	withSuffix,
	type ExportRow,
	type ExportValue,
	type ReportLabels,
} from './report-labels'

const BOM = '\uFEFF'
const CRLF = '\r\n'
/** Q1–Q4 and the year. */
const VALUE_COLUMNS = QUARTERS.length + 1

export function reportToCsv(report: PublishedReport, labels: ReportLabels): string {
	const empty = [undefined, undefined, undefined, undefined]
	const trendRows = report.trend.flatMap((point): ExportRow[] => [
		{
			table: labels.trendTitle,
			category: withSuffix(String(point.year), labels.trendCases),
			values: [...empty, { value: point.cases, unit: 'count' }],
		},
		{
			table: labels.trendTitle,
			category: withSuffix(String(point.year), labels.trendNotDiscrimination),
			values: [...empty, { value: point.notDiscrimination, unit: 'count' }],
		},
	])
	const withNote = (title: string, rows: ExportRow[]): ExportRow[] => {
		const note = suppressedNote(
			rows.flatMap((row) => row.values),
			labels,
			report.threshold,
		)
		return note ? [...rows, { table: title, category: note, values: [] }] : rows
	}
	const tableRows = (table: PublishedTable) =>
		withNote(labels.tableTitle(table.id), exportTableRows(table, labels))
	const rows = [
		...report.tables.flatMap(tableRows),
		...withNote(labels.trendTitle, trendRows),
		...report.activities.flatMap(tableRows),
	]
	const lines = [
		exportHeader(labels).map(textField),
		...rows.map((row) => [
			textField(row.table),
			textField(row.category),
			...Array.from({ length: VALUE_COLUMNS }, (_, index) => valueField(row.values[index], labels)),
		]),
	]
	return BOM + lines.map((fields) => fields.join(';') + CRLF).join('')
}

function valueField(cell: ExportValue | undefined, labels: ReportLabels): string {
	if (cell === undefined) return ''
	if (cell.value === 'suppressed') return textField(labels.suppressed)
	return cell.unit === 'hours' ? cell.value.toFixed(1) : String(cell.value)
}

function textField(text: string): string {
	return quoted(neutralised(text))
}

// A spreadsheet runs a field starting like this as a formula (OWASP "CSV
// injection"); the labels are translations, and nothing checks how they begin.
function neutralised(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function quoted(field: string): string {
	return /[;"\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field
}
