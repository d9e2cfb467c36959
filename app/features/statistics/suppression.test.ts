import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { PublishedCell, PublishedTable, RawTable, TableId } from './report'
import { suppressReport, suppressTable, type SuppressionOptions } from './suppression'

// The checks here deliberately do not use the bridge argument the module relies on: whether a
// hidden entry can be recovered is decided by solving the published equations directly.

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/** The true table with its margins: rows with their totals, then the column totals. */
function trueMatrix(raw: RawTable): number[][] {
	const rows = raw.rows.map((row) => [...row.quarters, sum(row.quarters)])
	return [...rows, [0, 1, 2, 3, 4].map((column) => sum(rows.map((row) => row[column]!)))]
}

/** The published table in the same layout. */
function publishedMatrix(table: PublishedTable): PublishedCell[][] {
	return [...table.rows, table.totals].map((row) => [...row.quarters, row.total])
}

function publishedHours(table: PublishedTable): PublishedCell[][] {
	return [...table.rows, table.totals].map((row) => [...row.hoursQuarters!, row.hoursTotal!])
}

/**
 * Reduced row echelon form over floats (the coefficients are 0/±1 and stay small).
 * An unknown is determined iff its unit vector is in the row space, i.e. iff some
 * reduced row is exactly that unit vector.
 */
function determined(equations: number[][], unknowns: number): boolean[] {
	const rows = equations.map((row) => [...row])
	const eps = 1e-9
	let pivotRow = 0
	for (let column = 0; column < unknowns && pivotRow < rows.length; column++) {
		let best = pivotRow
		for (let r = pivotRow + 1; r < rows.length; r++) {
			if (Math.abs(rows[r]![column]!) > Math.abs(rows[best]![column]!)) best = r
		}
		if (Math.abs(rows[best]![column]!) < eps) continue
		;[rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!]
		const pivot = rows[pivotRow]!
		const scale = pivot[column]!
		for (let c = 0; c < unknowns; c++) pivot[c]! /= scale
		rows.forEach((row, r) => {
			if (r === pivotRow || Math.abs(row[column]!) < eps) return
			const factor = row[column]!
			for (let c = 0; c < unknowns; c++) row[c]! -= factor * pivot[c]!
		})
		pivotRow++
	}
	const result = Array<boolean>(unknowns).fill(false)
	for (const row of rows) {
		const nonZero = [...row.keys()].filter((c) => Math.abs(row[c]!) > eps)
		if (nonZero.length === 1) result[nonZero[0]!] = true
	}
	return result
}

/**
 * The hidden entries of several tables as unknowns of one system: each table's rows and
 * columns sum to zero (margins negated). `sharedMargins` makes the margin row one set of
 * unknowns for all tables, as a reader of a whole report sees it. Returns the hidden
 * entries the system pins down, as `table:row:column` or `margin:column`.
 */
function recoverable(tables: PublishedTable[], sharedMargins: boolean): string[] {
	const ids = new Map<string, number>()
	const idOf = (table: number, row: number, column: number, isMargin: boolean) => {
		const key = isMargin && sharedMargins ? `margin:${column}` : `${table}:${row}:${column}`
		if (!ids.has(key)) ids.set(key, ids.size)
		return ids.get(key)!
	}
	const lines: number[][] = [] // per equation: the unknowns in it
	tables.forEach((table, t) => {
		const matrix = publishedMatrix(table)
		const marginRow = matrix.length - 1
		const unknown = (row: number, column: number) =>
			matrix[row]![column] === 'suppressed' ? [idOf(t, row, column, row === marginRow)] : []
		matrix.forEach((row, r) => lines.push(row.flatMap((_, c) => unknown(r, c))))
		for (let c = 0; c < 5; c++) lines.push(matrix.flatMap((_, r) => unknown(r, c)))
	})
	const equations = lines.map((members) => {
		const row = Array<number>(ids.size).fill(0)
		for (const id of members) row[id] = 1
		return row
	})
	const pinned = determined(equations, ids.size)
	return [...ids].filter(([, id]) => pinned[id]).map(([key]) => key)
}

/**
 * Hidden entries a reader knows to be 0 because counts are never negative: those of a row or
 * column whose published total leaves them nothing. As `row:column`. A table without a case
 * has nothing to give away.
 */
function givenAwayZeros(raw: RawTable, table: PublishedTable): string[] {
	const truth = trueMatrix(raw)
	const shown = publishedMatrix(table)
	const last = shown.length - 1
	if (truth[last]![4] === 0) return []
	const lines = [
		...shown.map((_, r) => ({ cells: [0, 1, 2, 3].map((c) => [r, c]), total: [r, 4] })),
		...[0, 1, 2, 3, 4].map((c) => ({
			cells: shown.slice(0, last).map((_, r) => [r, c]),
			total: [last, c],
		})),
	]
	return lines.flatMap(({ cells, total }) => {
		if (shown[total[0]!]![total[1]!] === 'suppressed') return []
		const hidden = cells.filter(([r, c]) => shown[r!]![c!] === 'suppressed')
		const nothingLeft = hidden.every(([r, c]) => truth[r!]![c!] === 0)
		return nothingLeft ? hidden.map(([r, c]) => `${r}:${c}`) : []
	})
}

function expectSafe(raw: RawTable, table: PublishedTable, threshold: number) {
	const truth = trueMatrix(raw)
	const shown = publishedMatrix(table)
	shown.forEach((row, r) =>
		row.forEach((value, c) => {
			// Small or complement, every hidden entry reads the same (see 'tells no hidden entry…').
			if (value === 'suppressed') return
			expect(value).toBe(truth[r]![c])
			expect(value === 0 || value >= threshold).toBe(true)
		}),
	)
	expect(table.rows.map((row) => row.key)).toEqual(raw.rows.map((row) => row.key))
	expect(recoverable([table], false)).toEqual([])
	expect(givenAwayZeros(raw, table)).toEqual([])
}

// Mostly small counts, as in a small office; sometimes a large one.
const count = fc.oneof(
	{ arbitrary: fc.integer({ min: 0, max: 12 }), weight: 9 },
	{ arbitrary: fc.integer({ min: 13, max: 300 }), weight: 1 },
)
const quarters = fc.array(count, { minLength: 4, maxLength: 4 })
const rawTable = (rows: fc.Arbitrary<number[][]>) =>
	rows.map((counts): RawTable => ({
		id: 'requesterType',
		kind: 'cases',
		rows: counts.map((quarters, index) => ({ key: `k${index}`, quarters })),
	}))
const table = rawTable(fc.array(quarters, { minLength: 1, maxLength: 12 }))
const threshold = fc.integer({ min: 2, max: 6 })
const forcedMargins = fc.option(
	fc.record({
		quarters: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
		total: fc.boolean(),
	}),
	{ nil: undefined },
)

describe('the checker', () => {
	test('finds what a rectangle does not hide', () => {
		const published: PublishedTable = {
			id: 'channel',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: ['suppressed', 7, 0, 8], total: 19 },
				{ key: 'b', quarters: ['suppressed', 6, 'suppressed', 9], total: 28 },
			],
			totals: { quarters: [12, 13, 5, 17], total: 47 },
		}
		// a's first quarter is the only unknown of its row; b's follow from it.
		expect(recoverable([published], false).sort()).toEqual(['0:0:0', '0:1:0', '0:1:2'])
		published.rows[0]!.quarters[2] = 'suppressed'
		expect(recoverable([published], false)).toEqual([])
	})
})

describe('suppressTable', () => {
	test('publishes only true values that are 0 or at least the threshold, and none recoverable', () => {
		fc.assert(
			fc.property(table, threshold, forcedMargins, fc.boolean(), (raw, t, forced, linked) => {
				const options: SuppressionOptions = { threshold: t, forcedMargins: forced, linked }
				const { table: published, suppressedMargins } = suppressTable(raw, options)
				expectSafe(raw, published, t)
				const marginRow = publishedMatrix(published).at(-1)!
				expect([...suppressedMargins.quarters, suppressedMargins.total]).toEqual(
					marginRow.map((value) => value === 'suppressed'),
				)
				if (forced) {
					const required = [...forced.quarters, forced.total]
					expect(marginRow.filter((_, c) => required[c])).toEqual(
						required.filter(Boolean).map(() => 'suppressed'),
					)
				}
			}),
			{ numRuns: 2000 },
		)
	})

	test('services: hours are shown, to a tenth, exactly where the count is', () => {
		const services = fc
			.array(
				fc.tuple(
					quarters,
					fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 4, maxLength: 4 }),
				),
				{
					minLength: 1,
					maxLength: 8,
				},
			)
			.map((rows): RawTable => ({
				id: 'services',
				kind: 'services',
				rows: rows.map(([quarters], index) => ({ key: `s${index}`, quarters })),
				hours: rows.map(([, hours]) => hours),
			}))
		fc.assert(
			fc.property(services, threshold, (raw, t) => {
				const { table: published } = suppressTable(raw, { threshold: t })
				expectSafe(raw, published, t)
				const counts = publishedMatrix(published)
				const hours = publishedHours(published)
				const trueHours = trueMatrix({
					...raw,
					rows: raw.hours!.map((h) => ({ key: '', quarters: h })),
				})
				hours.forEach((row, r) =>
					row.forEach((value, c) => {
						if (counts[r]![c] === 'suppressed') expect(value).toBe('suppressed')
						else expect(value).toBeCloseTo(trueHours[r]![c]!, 1)
					}),
				)
			}),
		)
	})

	test('a single category: a small quarter is hidden with its total and a second quarter', () => {
		const raw: RawTable = {
			id: 'notDiscrimination',
			kind: 'cases',
			rows: [{ key: 'NOT_DISCRIMINATION', quarters: [3, 7, 0, 8] }],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		expectSafe(raw, published, 5)
		// The cheapest second column is the empty quarter (cost 5 + 5 < 7 + 7).
		expect(published.rows[0]!.quarters).toEqual(['suppressed', 7, 'suppressed', 8])
		expect(published.totals.quarters).toEqual(['suppressed', 7, 'suppressed', 8])
		expect(published.rows[0]!.total).toBe(18)
	})

	test('a category with 3 cases is hidden along with a complement', () => {
		const raw: RawTable = {
			id: 'requesterType',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: [10, 12, 8, 9] },
				{ key: 'b', quarters: [0, 3, 0, 0] },
				{ key: 'c', quarters: [7, 9, 11, 6] },
			],
		}
		const { table: published, suppressedMargins } = suppressTable(raw, { threshold: 5 })
		expectSafe(raw, published, 5)
		expect(published.rows[1]).toMatchObject({
			quarters: [0, 'suppressed', 0, 0],
			total: 'suppressed',
		})
		// The rectangle closes inside the table: quarter 2 and the total of the smaller other row.
		expect(published.rows[2]).toMatchObject({
			quarters: [7, 'suppressed', 11, 6],
			total: 'suppressed',
		})
		expect(published.rows[0]).toMatchObject({ quarters: [10, 12, 8, 9], total: 39 })
		expect(suppressedMargins).toEqual({ quarters: [false, false, false, false], total: false })
	})

	test("an empty category's zeros are no complements: its total of 0 gives them away", () => {
		// Cheapest would be quarters 1 and 2 of the empty c (cost 5 + 5), but a reader of c's
		// total 0 knows both, and with them a's 3. The sixes of b protect it instead.
		const raw: RawTable = {
			id: 'channel',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: [3, 6, 6, 6] },
				{ key: 'b', quarters: [6, 6, 6, 6] },
				{ key: 'c', quarters: [0, 0, 0, 0] },
			],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		expectSafe(raw, published, 5)
		expect(published.rows.map((row) => row.quarters)).toEqual([
			['suppressed', 'suppressed', 6, 6],
			['suppressed', 'suppressed', 6, 6],
			[0, 0, 0, 0],
		])
	})

	test('in the middle of the year the empty quarters are no complements either', () => {
		// Cheapest would be quarter 3 of a and b (cost 5 + 5), but the published quarter total 0
		// says both are 0, and with them that a's first quarter is 3.
		const raw: RawTable = {
			id: 'channel',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: [3, 6, 0, 0] },
				{ key: 'b', quarters: [6, 6, 0, 0] },
			],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		expectSafe(raw, published, 5)
		expect(published.totals.quarters.slice(2)).toEqual([0, 0])
	})

	test('a zero beside counts is no complement when its row gives it away: the row hides more', () => {
		const raw: RawTable = {
			id: 'requesterType',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: [3, 20, 0, 20] },
				{ key: 'b', quarters: [20, 20, 0, 20] },
				{ key: 'c', quarters: [0, 20, 20, 0] },
			],
		}
		expectSafe(raw, suppressTable(raw, { threshold: 5 }).table, 5)
	})

	test('all zeros: everything is published as 0', () => {
		const raw: RawTable = {
			id: 'gender',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: [0, 0, 0, 0] },
				{ key: 'b', quarters: [0, 0, 0, 0] },
			],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		expect(publishedMatrix(published).flat()).toEqual(Array(15).fill(0))
	})

	test('a grand total below the threshold hides every non-zero entry', () => {
		const raw: RawTable = {
			id: 'channel',
			kind: 'cases',
			rows: [
				{ key: 'WEB_ANONYMOUS', quarters: [1, 0, 2, 0] },
				{ key: 'WEB_WITH_CONTACT', quarters: [0, 1, 0, 0] },
			],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		expectSafe(raw, published, 5)
		const truth = trueMatrix(raw)
		const shownNonZero = publishedMatrix(published)
			.flat()
			.filter((value, index) => value !== 'suppressed' && truth.flat()[index]! > 0)
		expect(shownNonZero).toEqual([])
	})

	test('a table without categories publishes its empty totals', () => {
		const raw: RawTable = { id: 'actors', kind: 'mentions', rows: [] }
		expect(suppressTable(raw, { threshold: 5 }).table.totals).toEqual({
			quarters: [0, 0, 0, 0],
			total: 0,
		})
	})

	test('refuses counts that are not people counted', () => {
		const raw: RawTable = {
			id: 'areas',
			kind: 'mentions',
			rows: [{ key: 'a', quarters: [1.5, 0, 0, 0] }],
		}
		expect(() => suppressTable(raw, { threshold: 5 })).toThrow(/non-negative integers/)
	})

	test('stays well under 10 ms for a table of 20 categories', () => {
		const samples = fc.sample(rawTable(fc.array(quarters, { minLength: 20, maxLength: 20 })), 50)
		const run = (raw: RawTable) => suppressTable(raw, { threshold: 5, linked: true })
		samples.forEach(run) // warm up the JIT
		// The best of three runs, so that a garbage collection or a busy machine does not count.
		const duration = (raw: RawTable) =>
			Math.min(
				...[1, 2, 3].map(() => {
					const started = performance.now()
					run(raw)
					return performance.now() - started
				}),
			)
		expect(Math.max(...samples.map(duration))).toBeLessThan(5)
	})
})

/** Every way to fill the hidden entries with 0..bound so that all rows and columns add up. */
function fillings(table: PublishedTable, bound: number): number[][][] {
	const shown = publishedMatrix(table)
	const hidden = shown.flatMap((row, r) =>
		row.flatMap((value, c) => (value === 'suppressed' ? [[r, c] as const] : [])),
	)
	const grid = shown.map((row) => row.map((value) => (typeof value === 'number' ? value : 0)))
	const marginRow = grid.length - 1
	const addsUp = () =>
		grid.slice(0, marginRow).every((row) => sum(row.slice(0, 4)) === row[4]) &&
		[0, 1, 2, 3, 4].every(
			(c) => sum(grid.slice(0, marginRow).map((row) => row[c]!)) === grid[marginRow]![c],
		)
	const found: number[][][] = []
	const fill = (index: number) => {
		if (index === hidden.length) {
			if (addsUp()) found.push(grid.map((row) => [...row]))
			return
		}
		const [r, c] = hidden[index]!
		for (let value = 0; value <= bound; value++) {
			grid[r]![c] = value
			fill(index + 1)
		}
	}
	fill(0)
	return found
}

describe('the marks', () => {
	test('a hidden complement of 40 reads exactly like the hidden 3 it protects', () => {
		const raw: RawTable = {
			id: 'requesterType',
			kind: 'cases',
			rows: [
				{ key: 'a', quarters: [45, 46, 41, 50] },
				{ key: 'b', quarters: [0, 3, 0, 0] },
				{ key: 'c', quarters: [42, 40, 44, 41] },
			],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		expectSafe(raw, published, 5)
		// The small 3 and its total, then the cheapest rectangle: quarter 2 (40) and total (167) of c.
		expect(published.rows[1]).toMatchObject({
			quarters: [0, 'suppressed', 0, 0],
			total: 'suppressed',
		})
		expect(published.rows[2]).toMatchObject({
			quarters: [42, 'suppressed', 44, 41],
			total: 'suppressed',
		})
		const hidden = publishedMatrix(published).flatMap((row, r) =>
			row.flatMap((value, c) => (value === 'suppressed' ? [trueMatrix(raw)[r]![c]!] : [])),
		)
		expect(hidden.sort((a, b) => a - b)).toEqual([3, 3, 40, 167])
		expect(JSON.stringify(published)).not.toMatch(/\b(3|40|167)\b/)
	})

	test('telling small from complement would give a small count away', () => {
		// The single-category example below: quarters 3, 7, 0, 8 publish as ×, 7, ×, 8 (total 18).
		const raw: RawTable = {
			id: 'notDiscrimination',
			kind: 'cases',
			rows: [{ key: 'NOT_DISCRIMINATION', quarters: [3, 7, 0, 8] }],
		}
		const { table: published } = suppressTable(raw, { threshold: 5 })
		const truth = trueMatrix(raw)
		const all = fillings(published, 18)
		const firstQuarter = (solutions: number[][][]) => [...new Set(solutions.map((m) => m[0]![0]))]
		// As published, the hidden first quarter may be anything from 0 to 3.
		expect(firstQuarter(all).sort()).toEqual([0, 1, 2, 3])
		// Marked 'small' (1..4) and 'complement' (0 or at least 5), the hidden third quarter could
		// only be 0, so the first quarter must be 3.
		const marked = all.filter((m) =>
			m.every((row, r) =>
				row.every((value, c) => {
					if (typeof publishedMatrix(published)[r]![c] === 'number') return true
					const small = truth[r]![c]! > 0 && truth[r]![c]! < 5
					return small ? value > 0 && value < 5 : value === 0 || value >= 5
				}),
			),
		)
		expect(firstQuarter(marked)).toEqual([3])
	})
})

/**
 * A year's case tables come from the same cases, so they share quarter and year totals:
 * each case gets a quarter and, per table, a category.
 */
const caseTables = fc
	.record({
		categories: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 4 }),
		cases: fc.array(
			fc.record({
				quarter: fc.integer({ min: 0, max: 3 }),
				pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
			}),
			{ maxLength: 80 },
		),
	})
	.map(({ categories, cases }) =>
		categories.map((size, t): RawTable => {
			const rows = Array.from({ length: size }, (_, index) => ({
				key: `c${index}`,
				quarters: [0, 0, 0, 0],
			}))
			for (const { quarter, pick } of cases) rows[pick[t]! % size]!.quarters[quarter]!++
			return { id: `t${t}` as TableId, kind: 'cases', rows }
		}),
	)

describe('suppressReport', () => {
	test('case tables hide the same margins, and even together reveal nothing', () => {
		const report = fc.record({
			cases: caseTables,
			mentions: table.map((raw) => ({ ...raw, id: 'areas' as TableId, kind: 'mentions' as const })),
		})
		fc.assert(
			fc.property(report, threshold, ({ cases, mentions }, t) => {
				const raws = [cases[0]!, mentions, ...cases.slice(1)]
				const published = suppressReport(raws, t)
				expect(published.map((each) => each.id)).toEqual(raws.map((each) => each.id))
				published.forEach((each, index) => expectSafe(raws[index]!, each, t))
				expect(published[1]).toEqual(suppressTable(mentions, { threshold: t }).table)
				const shared = published.filter((each) => each.kind === 'cases')
				const margins = shared.map((each) => each.totals)
				margins.forEach((each) => expect(each).toEqual(margins[0]))
				expect(recoverable(shared, true)).toEqual([])
			}),
			{ numRuns: 1000 },
		)
	})

	test('hiding the same margins is not enough on its own: tables combined can reveal them', () => {
		// Four quarters of 4 cases each (threshold 5), split three different ways by three tables.
		const raws = [
			[
				[4, 4, 0, 0],
				[0, 0, 4, 4],
			],
			[
				[4, 0, 4, 0],
				[0, 4, 0, 4],
			],
			[
				[4, 0, 0, 4],
				[0, 4, 4, 0],
			],
		].map((rows, t): RawTable => ({
			id: `t${t}` as TableId,
			kind: 'cases',
			rows: rows.map((quarters, index) => ({ key: `c${index}`, quarters })),
		}))
		const forcedMargins = { quarters: [true, true, true, true], total: false }
		const alone = raws.map((raw) => suppressTable(raw, { threshold: 5, forcedMargins }).table)
		alone.forEach((each, index) => expectSafe(raws[index]!, each, 5))
		// Each table tells the sum of two quarters, a different pair each: together, every quarter.
		expect(recoverable(alone, true)).toContain('margin:0')
		expect(recoverable(suppressReport(raws, 5), true)).toEqual([])
	})
})
