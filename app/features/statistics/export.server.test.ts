import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import {
	type PublishedCell,
	type PublishedReport,
	type PublishedTable,
	type TableId,
} from '~/features/statistics/report'
import { reportToCsv } from './export-csv.server'
import { reportToXlsx } from './export-xlsx.server'
import { type ReportLabels } from './report-labels'

const ROW_LABELS: Record<string, string> = {
	work: 'Work; "paid" or not',
	housing: '=SUM(A1:A9)',
	counselling: 'Counselling',
	referral: 'Referral',
	information_event: 'Information event',
	institution_advice: 'Advice to an institution',
}

const TABLE_TITLES: Partial<Record<TableId, string>> = {
	areas: 'Mentions by area of life: work/school [all]',
	services: 'Services and hours',
	activityKinds: 'Activities by kind',
}

function testLabels(overrides: Partial<ReportLabels> = {}): ReportLabels {
	return {
		tableTitle: (id) => TABLE_TITLES[id] ?? id,
		rowLabel: (_id, key) => ROW_LABELS[key] ?? key,
		total: 'Total',
		year: 'year',
		quarter: (q) => `Q${q}`,
		hours: 'hours',
		participants: 'participants',
		suppressed: '×',
		suppressedNote: (threshold) =>
			`× hidden: below ${threshold}, or so that none below can be found`,
		trendTitle: 'Trend',
		trendCases: 'cases',
		trendNotDiscrimination: 'not discrimination',
		reportTitle: 'Annual statistics',
		generatedOn: 'Generated on',
		thresholdNote: (threshold) => `Values below ${threshold} and others are hidden (×).`,
		...overrides,
	}
}

const AREAS: PublishedTable = {
	id: 'areas',
	kind: 'mentions',
	rows: [
		{ key: 'work', quarters: [12, 'suppressed', 7, 9], total: 31 },
		{ key: 'housing', quarters: ['suppressed', 6, 'suppressed', 5], total: 14 },
	],
	totals: { quarters: [15, 9, 10, 14], total: 48 },
}

const SERVICES: PublishedTable = {
	id: 'services',
	kind: 'services',
	rows: [
		{
			key: 'counselling',
			quarters: [10, 8, 'suppressed', 6],
			total: 27,
			hoursQuarters: [12.5, 9, 'suppressed', 7.5],
			hoursTotal: 32,
		},
		{
			key: 'referral',
			quarters: ['suppressed', 'suppressed', 5, 'suppressed'],
			total: 'suppressed',
			hoursQuarters: ['suppressed', 'suppressed', 2.5, 'suppressed'],
			hoursTotal: 'suppressed',
		},
	],
	totals: {
		quarters: [12, 9, 8, 7],
		total: 36,
		hoursQuarters: [14, 10.5, 4, 8],
		hoursTotal: 36.5,
	},
}

/** Nothing hidden, so no note under it. */
const CHANNEL: PublishedTable = {
	id: 'channel',
	kind: 'cases',
	rows: [
		{ key: 'WEB_ANONYMOUS', quarters: [5, 6, 0, 7], total: 18 },
		{ key: 'WEB_WITH_CONTACT', quarters: [10, 0, 8, 9], total: 27 },
	],
	totals: { quarters: [15, 6, 8, 16], total: 45 },
}

/** Activities are published as counted: small numbers and all, never a "×". */
const ACTIVITY_KINDS: PublishedTable = {
	id: 'activityKinds',
	kind: 'activities',
	rows: [
		{
			key: 'information_event',
			quarters: [1, 0, 2, 0],
			total: 3,
			participantsQuarters: [40, 0, 65, 0],
			participantsTotal: 105,
			hoursQuarters: [3, 0, 5.5, 0],
			hoursTotal: 8.5,
		},
		{
			key: 'institution_advice',
			quarters: [0, 1, 0, 0],
			total: 1,
			participantsQuarters: [0, 0, 0, 0],
			participantsTotal: 0,
			hoursQuarters: [0, 1.5, 0, 0],
			hoursTotal: 1.5,
		},
	],
	totals: {
		quarters: [1, 1, 2, 0],
		total: 4,
		participantsQuarters: [40, 0, 65, 0],
		participantsTotal: 105,
		hoursQuarters: [3, 1.5, 5.5, 0],
		hoursTotal: 10,
	},
}

const REPORT: PublishedReport = {
	officeName: 'Beratungsstelle gegen Rassismus',
	year: 2024,
	threshold: 5,
	generatedAt: '2025-01-15T09:30:00.000Z',
	tables: [AREAS, SERVICES, CHANNEL],
	trend: [
		{ year: 2023, cases: 40, notDiscrimination: 6 },
		{ year: 2024, cases: 48, notDiscrimination: 'suppressed' },
	],
	activities: [ACTIVITY_KINDS],
	summary: {
		cases: { current: 48, previous: 40 },
		mentions: { current: 48, previous: 'suppressed' },
		counsellingHours: { current: 36.5, previous: 30 },
		activities: { current: 4, previous: 0 },
		participants: { current: 105, previous: 0 },
	},
}

type ExpectedRow = {
	table: string
	category: string
	cells: PublishedCell[]
	unit: 'count' | 'hours'
}

const hasHidden = (cells: PublishedCell[]) => cells.includes('suppressed')

/** The export lines a table calls for, derived from the table alone. */
function expectedRows(table: PublishedTable, labels: ReportLabels): ExpectedRow[] {
	const title = labels.tableTitle(table.id)
	const lines = [
		...table.rows.map((row) => ({ ...row, label: labels.rowLabel(table.id, row.key) })),
		{ ...table.totals, label: labels.total },
	]
	return lines.flatMap((line) => [
		{
			table: title,
			category: line.label,
			cells: [...line.quarters, line.total],
			unit: 'count' as const,
		},
		...(line.participantsQuarters && line.participantsTotal !== undefined
			? [
					{
						table: title,
						category: `${line.label} (${labels.participants})`,
						cells: [...line.participantsQuarters, line.participantsTotal],
						unit: 'count' as const,
					},
				]
			: []),
		...(line.hoursQuarters && line.hoursTotal !== undefined
			? [
					{
						table: title,
						category: `${line.label} (${labels.hours})`,
						cells: [...line.hoursQuarters, line.hoursTotal],
						unit: 'hours' as const,
					},
				]
			: []),
	])
}

/** The export lines of the case tables, per table. */
const expectedTables = (report: PublishedReport, labels: ReportLabels) =>
	report.tables.map((table) => expectedRows(table, labels))

/** The export lines of the activity tables, per table. */
const expectedActivities = (report: PublishedReport, labels: ReportLabels) =>
	report.activities.map((table) => expectedRows(table, labels))

/** RFC 4180 with `;`: enough to read back what the export writes. */
function parseCsv(text: string): string[][] {
	const records: string[][] = []
	let fields: string[] = []
	let field = ''
	let quoted = false
	for (let i = 0; i < text.length; i++) {
		const char = text[i]
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"'
				i++
			} else if (char === '"') quoted = false
			else field += char
		} else if (char === '"') quoted = true
		else if (char === ';') {
			fields.push(field)
			field = ''
		} else if (char === '\r' && text[i + 1] === '\n') {
			records.push([...fields, field])
			fields = []
			field = ''
			i++
		} else field += char
	}
	return records
}

function expectCsvHoldsReport(csv: string, report: PublishedReport, labels: ReportLabels) {
	const shown = (label: string) => (/^[=+\-@\t\r]/.test(label) ? `'${label}` : label)
	const field = (cell: PublishedCell, unit: ExpectedRow['unit']) =>
		cell === 'suppressed' ? '×' : unit === 'hours' ? cell.toFixed(1) : String(cell)
	const note = labels.suppressedNote(report.threshold)
	const noteLine = (title: string) => [shown(title), note, '', '', '', '', '']
	const csvLines = (rows: ExpectedRow[]) => [
		...rows.map((row) => [
			shown(row.table),
			shown(row.category),
			...row.cells.map((cell) => field(cell, row.unit)),
		]),
		...(hasHidden(rows.flatMap((row) => row.cells)) ? [noteLine(rows[0]!.table)] : []),
	]
	const tables = expectedTables(report, labels).flatMap(csvLines)
	const activities = expectedActivities(report, labels).flatMap(csvLines)
	const trendCells = report.trend.flatMap((point) => [point.cases, point.notDiscrimination])
	const trend = [
		...report.trend.flatMap((point) =>
			[
				[labels.trendCases, point.cases] as const,
				[labels.trendNotDiscrimination, point.notDiscrimination] as const,
			].map(([series, cell]) => [
				labels.trendTitle,
				`${point.year} (${series})`,
				'',
				'',
				'',
				'',
				field(cell, 'count'),
			]),
		),
		...(hasHidden(trendCells) ? [noteLine(labels.trendTitle)] : []),
	]
	expect(parseCsv(csv.slice(1)).slice(1)).toEqual([...tables, ...trend, ...activities])
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
	const values = sheet.getRow(rowNumber).values
	return Array.isArray(values) ? values.slice(1) : []
}

function expectWorkbookHoldsReport(
	workbook: ExcelJS.Workbook,
	report: PublishedReport,
	labels: ReportLabels,
) {
	const mark = (cell: PublishedCell) => (cell === 'suppressed' ? '×' : cell)
	const note = labels.suppressedNote(report.threshold)
	/** The sheet's rows after the header: the values, then the note if anything is hidden. */
	const expectSheet = (sheet: ExcelJS.Worksheet, rows: unknown[][], hidden: boolean) => {
		expect(sheet.rowCount).toBe(1 + rows.length + (hidden ? 1 : 0))
		rows.forEach((row, offset) => expect(rowValues(sheet, 2 + offset)).toEqual(row))
		if (hidden) {
			expect(rowValues(sheet, 2 + rows.length)).toEqual([note])
			expect(sheet.getRow(2 + rows.length).font?.italic).toBe(true)
		}
	}
	expectedTables(report, labels).forEach((rows, index) => {
		expectSheet(
			workbook.worksheets[1 + index]!,
			rows.map((row) => [row.table, row.category, ...row.cells.map(mark)]),
			hasHidden(rows.flatMap((row) => row.cells)),
		)
	})
	expectSheet(
		workbook.worksheets[1 + report.tables.length]!,
		report.trend.map((point) => [point.year, mark(point.cases), mark(point.notDiscrimination)]),
		hasHidden(report.trend.flatMap((point) => [point.cases, point.notDiscrimination])),
	)
	expectedActivities(report, labels).forEach((rows, index) => {
		expectSheet(
			workbook.worksheets[2 + report.tables.length + index]!,
			rows.map((row) => [row.table, row.category, ...row.cells.map(mark)]),
			false,
		)
	})
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook()
	// exceljs types `load` for an ArrayBuffer, which a Node Buffer no longer matches.
	await workbook.xlsx.load(new Uint8Array(buffer).buffer)
	return workbook
}

describe('reportToCsv', () => {
	const labels = testLabels()
	const csv = reportToCsv(REPORT, labels)
	const lines = csv.split('\r\n')

	test('starts with a BOM and the header, and ends every line with CRLF', () => {
		expect(lines[0]).toBe('\uFEFFtable;category;Q1;Q2;Q3;Q4;year')
		expect(csv.endsWith('\r\n')).toBe(true)
		expect(lines.at(-1)).toBe('')
		expect(lines.some((line) => line.includes('\n') || line.includes('\r'))).toBe(false)
	})

	test('writes hidden cells as "×", quotes and neutralises labels', () => {
		const title = 'Mentions by area of life: work/school [all]'
		expect(lines).toContain(`${title};"Work; ""paid"" or not";12;×;7;9;31`)
		expect(lines).toContain(`${title};'=SUM(A1:A9);×;6;×;5;14`)
		expect(lines).toContain(`${title};Total;15;9;10;14;48`)
	})

	test('follows a table with hidden cells by a line with the note, and no other', () => {
		const note = '× hidden: below 5, or so that none below can be found'
		const title = 'Mentions by area of life: work/school [all]'
		expect(lines[lines.indexOf(`${title};Total;15;9;10;14;48`) + 1]).toBe(`${title};${note};;;;;`)
		const channelTotal = lines.indexOf('channel;Total;15;6;8;16;45')
		expect(lines[channelTotal + 1]).toBe('Trend;2023 (cases);;;;;40')
		expect(lines.filter((line) => line.includes(note))).toHaveLength(3)
	})

	test('follows each services row with its hours, to one decimal', () => {
		const index = lines.indexOf('Services and hours;Counselling;10;8;×;6;27')
		expect(lines[index + 1]).toBe('Services and hours;Counselling (hours);12.5;9.0;×;7.5;32.0')
		expect(lines).toContain('Services and hours;Referral (hours);×;×;2.5;×;×')
		expect(lines).toContain('Services and hours;Total (hours);14.0;10.5;4.0;8.0;36.5')
	})

	test('follows the case tables with the trend, the value in the year column, and its note', () => {
		const start = lines.indexOf('Trend;2023 (cases);;;;;40')
		expect(lines.slice(start, start + 5)).toEqual([
			'Trend;2023 (cases);;;;;40',
			'Trend;2023 (not discrimination);;;;;6',
			'Trend;2024 (cases);;;;;48',
			'Trend;2024 (not discrimination);;;;;×',
			'Trend;× hidden: below 5, or so that none below can be found;;;;;',
		])
	})

	test('ends with the activities: counts, participants and hours as counted, no note', () => {
		const title = 'Activities by kind'
		expect(lines.slice(-10, -1)).toEqual([
			`${title};Information event;1;0;2;0;3`,
			`${title};Information event (participants);40;0;65;0;105`,
			`${title};Information event (hours);3.0;0.0;5.5;0.0;8.5`,
			`${title};Advice to an institution;0;1;0;0;1`,
			`${title};Advice to an institution (participants);0;0;0;0;0`,
			`${title};Advice to an institution (hours);0.0;1.5;0.0;0.0;1.5`,
			`${title};Total;1;1;2;0;4`,
			`${title};Total (participants);40;0;65;0;105`,
			`${title};Total (hours);3.0;1.5;5.5;0.0;10.0`,
		])
	})

	test('holds exactly the numbers of every table', () => {
		expectCsvHoldsReport(csv, REPORT, labels)
	})

	test('quotes line breaks and neutralises every formula prefix', () => {
		const tricky = testLabels({
			rowLabel: (_id, key) =>
				({ work: '\rcarriage', housing: 'two\nlines', counselling: '+1', referral: '@cmd' })[key] ??
				key,
			tableTitle: () => '-minus',
		})
		const text = reportToCsv(REPORT, tricky)
		expect(text).toContain(`\r\n'-minus;"'\rcarriage";12;`)
		expect(text).toContain(`\r\n'-minus;"two\nlines";×;`)
		expect(text).toContain(`\r\n'-minus;'+1;10;`)
		expect(text).toContain(`\r\n'-minus;'@cmd;×;`)
		expectCsvHoldsReport(text, REPORT, tricky)
	})
})

describe('reportToXlsx', () => {
	const labels = testLabels()

	test('names the sheets after the titles, within Excel’s rules', async () => {
		const workbook = await readXlsx(await reportToXlsx(REPORT, labels))
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
			'Annual statistics',
			'Mentions by area of life worksc',
			'Services and hours',
			'channel',
			'Trend',
			'Activities by kind',
		])
	})

	test('holds exactly the numbers of every table, hidden cells as the text "×"', async () => {
		const workbook = await readXlsx(await reportToXlsx(REPORT, labels))
		expectWorkbookHoldsReport(workbook, REPORT, labels)
		const areas = workbook.worksheets[1]!
		expect(areas.getCell('C2').value).toBe(12)
		expect(areas.getCell('D2').value).toBe('×')
		// The note under the table, in the first column, which it does not widen.
		expect(areas.getCell('A5').value).toBe('× hidden: below 5, or so that none below can be found')
		expect(areas.getColumn(1).width).toBeLessThan(50)
		expect(workbook.worksheets[3]!.rowCount).toBe(4)
		expect(areas.getCell('B3').value).toBe('=SUM(A1:A9)')
		const services = workbook.worksheets[2]!
		expect(services.getCell('B3').value).toBe('Counselling (hours)')
		expect(services.getCell('C3').value).toBe(12.5)
		expect(services.getCell('C3').numFmt).toBe('0.0')
	})

	test('has a bold, frozen header with the CSV columns', async () => {
		const workbook = await readXlsx(await reportToXlsx(REPORT, labels))
		const services = workbook.worksheets[2]!
		expect(rowValues(services, 1)).toEqual(['table', 'category', 'Q1', 'Q2', 'Q3', 'Q4', 'year'])
		expect(services.getCell('A1').font?.bold).toBe(true)
		expect(services.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
		expect(services.getColumn(2).width).toBeGreaterThan('Counselling (hours)'.length)
	})

	test('opens with the office, year, threshold and generation date, and names no person', async () => {
		const workbook = await readXlsx(await reportToXlsx(REPORT, labels))
		const cover = workbook.worksheets[0]!
		expect(rowValues(cover, 1)).toEqual(['Annual statistics'])
		expect(rowValues(cover, 2)).toEqual([REPORT.officeName])
		expect(rowValues(cover, 3)).toEqual(['year', 2024])
		expect(rowValues(cover, 4)).toEqual(['Generated on', new Date('2025-01-15T00:00:00Z')])
		expect(rowValues(cover, 5)).toEqual(['Values below 5 and others are hidden (×).'])
		expect(workbook.creator).toBe(REPORT.officeName)
		expect(workbook.lastModifiedBy).toBe(REPORT.officeName)
		expect(workbook.created).toEqual(new Date(REPORT.generatedAt))
	})

	test('keeps sheet names unique and valid when titles collide', async () => {
		const long = 'A title much longer than thirty-one characters'
		const titles: Partial<Record<TableId, string>> = {
			areas: long,
			forms: `${long}, again`,
			motives: 'annual STATISTICS',
			actors: "'History'",
			services: '[:/?*]',
		}
		const table = (id: TableId): PublishedTable => ({
			id,
			kind: 'mentions',
			rows: [],
			totals: { quarters: [0, 0, 0, 0], total: 0 },
		})
		const report = { ...REPORT, tables: Object.keys(titles).map((id) => table(id as TableId)) }
		const xlsx = await reportToXlsx(report, testLabels({ tableTitle: (id) => titles[id] ?? id }))
		const workbook = await readXlsx(xlsx)
		const names = workbook.worksheets.map((sheet) => sheet.name)
		expect(names).toEqual([
			'Annual statistics',
			'A title much longer than thirty',
			'A title much longer than th (2)',
			'annual STATISTICS (2)',
			'History (2)',
			'services',
			'Trend',
			'activityKinds',
		])
	})
})
