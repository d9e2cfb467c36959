// The whole report as one CSV file, one line per table row, so that it can be
// filtered and pivoted in a spreadsheet. Semicolons and a BOM because Excel
// with Swiss regional settings splits on `;` and otherwise guesses the
// encoding wrong; the decimal point matches the de-CH number format.
import { type PublishedReport } from '~/features/statistics/report'
import {
	exportHeader,
	exportTableRows,
	withSuffix,
	type ExportRow,
	type ExportValue,
	type ReportLabels,
} from './report-labels'

const BOM = '\uFEFF'
const CRLF = '\r\n'

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
	const rows = [...report.tables.flatMap((table) => exportTableRows(table, labels)), ...trendRows]
	const lines = [
		exportHeader(labels).map(textField),
		...rows.map((row) => [
			textField(row.table),
			textField(row.category),
			...row.values.map((value) => valueField(value, report.threshold, labels)),
		]),
	]
	return BOM + lines.map((fields) => fields.join(';') + CRLF).join('')
}

function valueField(
	cell: ExportValue | undefined,
	threshold: number,
	labels: ReportLabels,
): string {
	if (cell === undefined) return ''
	if (cell.value === null) return textField(labels.suppressed(threshold))
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
