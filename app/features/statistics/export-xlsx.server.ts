// The report as an Excel workbook: a cover sheet, one sheet per table with
// the CSV's columns, the trend, and one sheet per table of activities. Cells
// hold the published values only: hidden cells are the text "×", so no
// formula or hidden value can restore them, and a note under the table says
// what "×" stands for.
import type ExcelJS from 'exceljs'
import { type PublishedReport, type PublishedTable } from '~/features/statistics/report'
import {
	exportHeader,
	exportTableRows,
	suppressedNote,
	type ExportValue,
	type ReportLabels,
} from './report-labels'

const SHEET_NAME_MAX = 31
const MIN_WIDTH = 8
const MAX_WIDTH = 60
const NUMBER_FORMAT = { count: '0', hours: '0.0' } as const

export async function reportToXlsx(report: PublishedReport, labels: ReportLabels): Promise<Buffer> {
	// Loaded on the first export, not at start: exceljs and what it pulls in
	// (zip, streams, XML) weigh several megabytes that most processes never use.
	const { default: exceljs } = await import('exceljs')
	const workbook = new exceljs.Workbook()
	// Otherwise exceljs names "Unknown" as author and dates the file to the
	// download rather than to the figures it holds.
	const generatedAt = new Date(report.generatedAt)
	workbook.creator = report.officeName
	workbook.lastModifiedBy = report.officeName
	workbook.company = report.officeName
	workbook.title = `${labels.reportTitle} ${report.year}`
	workbook.created = generatedAt
	workbook.modified = generatedAt

	const names = new Set<string>()
	const { suppressed } = labels
	const addNote = (sheet: ExcelJS.Worksheet, cells: Array<ExportValue | undefined>) => {
		const note = suppressedNote(cells, labels, report.threshold)
		// After the columns are fitted, so that the long note runs over the empty cells beside it
		// instead of widening the first column.
		if (note) sheet.addRow([note]).font = { italic: true }
	}

	const cover = workbook.addWorksheet(sheetName(labels.reportTitle, 'report', names))
	cover.addRow([labels.reportTitle]).font = { bold: true, size: 14 }
	cover.addRow([report.officeName])
	cover.addRow([labels.year, report.year])
	// The (UTC) day only: Excel cells have no time zone, so a time of day would mislead.
	cover.addRow([labels.generatedOn, new Date(report.generatedAt.slice(0, 10))])
	cover.getCell('B4').numFmt = 'yyyy-mm-dd'
	cover.addRow([labels.thresholdNote(report.threshold)])
	cover.getColumn(1).width = 24
	cover.getColumn(2).width = 16
	cover.getCell('B3').alignment = { horizontal: 'left' }
	cover.getCell('B4').alignment = { horizontal: 'left' }

	const addTable = (table: PublishedTable) => {
		const name = sheetName(labels.tableTitle(table.id), table.id, names)
		const sheet = addTableSheet(workbook, name, exportHeader(labels))
		const rows = exportTableRows(table, labels)
		for (const row of rows) {
			const added = sheet.addRow([row.table, row.category])
			row.values.forEach((value, index) => writeValue(added.getCell(3 + index), value, suppressed))
		}
		fitColumns(sheet)
		addNote(
			sheet,
			rows.flatMap((row) => row.values),
		)
	}

	report.tables.forEach(addTable)

	const trend = addTableSheet(workbook, sheetName(labels.trendTitle, 'trend', names), [
		labels.year,
		labels.trendCases,
		labels.trendNotDiscrimination,
	])
	const trendValues = report.trend.map((point): ExportValue[] => [
		{ value: point.cases, unit: 'count' },
		{ value: point.notDiscrimination, unit: 'count' },
	])
	report.trend.forEach((point, index) => {
		const added = trend.addRow([point.year])
		trendValues[index]!.forEach((value, column) =>
			writeValue(added.getCell(2 + column), value, suppressed),
		)
	})
	fitColumns(trend)
	addNote(trend, trendValues.flat())

	report.activities.forEach(addTable)

	return Buffer.from(await workbook.xlsx.writeBuffer())
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, header: string[]) {
	const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
	sheet.addRow(header).font = { bold: true }
	return sheet
}

function writeValue(cell: ExcelJS.Cell, value: ExportValue | undefined, suppressed: string) {
	if (value === undefined) return
	if (value.value === 'suppressed') {
		cell.value = suppressed
		cell.alignment = { horizontal: 'right' }
		return
	}
	cell.value = value.value
	cell.numFmt = NUMBER_FORMAT[value.unit]
}

function fitColumns(sheet: ExcelJS.Worksheet) {
	sheet.columns.forEach((column) => {
		let longest = 0
		column.eachCell?.((cell) => {
			longest = Math.max(longest, String(cell.value ?? '').length)
		})
		column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2))
	})
}

/**
 * Excel refuses names longer than 31 characters, with `\ / ? * [ ] :`, with
 * an apostrophe at either end, or equal to another sheet's ignoring case.
 */
function sheetName(wanted: string, fallback: string, taken: Set<string>): string {
	const clean = (text: string) => text.replace(/[\\/?*[\]:]/g, '').replace(/^[\s']+|[\s']+$/g, '')
	const base = clean(wanted) || fallback
	for (let attempt = 1; ; attempt++) {
		const suffix = attempt === 1 ? '' : ` (${attempt})`
		const name = clean(truncate(base, SHEET_NAME_MAX - suffix.length)) + suffix
		const key = name.toLowerCase()
		if (!taken.has(key) && key !== 'history') {
			taken.add(key)
			return name
		}
	}
}

// By code points, so that no emoji or other astral character is cut in half.
function truncate(text: string, max: number): string {
	const chars = Array.from(text)
	while (chars.join('').length > max) chars.pop()
	return chars.join('')
}
