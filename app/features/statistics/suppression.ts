// Disclosure control for the annual statistics: which counts of a category ×
// quarter table may be published without letting a reader work out a small
// count (0 < n < threshold) that could point to a person.
//
// The model: a table with its margins is an (R+1) × 5 matrix whose last row
// holds the quarter totals and whose last column holds the row totals (with
// the grand total in the corner). Taking margins with a minus sign, every row
// and every column of that matrix sums to zero, so a reader has exactly these
// row and column equations to solve for the hidden entries. Drawing each
// hidden entry as an edge between its row and its column, a hidden entry can
// be computed iff its edge is a bridge (lies on no cycle): along a cycle the
// hidden entries can be shifted by +d, −d, +d, … without breaking any sum.
// So we hide the small entries, then close every bridge into a cycle at the
// least cost in published information.
//
// This protects against exact linear reasoning, and against the plainest
// use of counts being non-negative: hidden entries of a row or column whose
// published total leaves them nothing are zeros, and a reader knows it. Such
// a line's zeros are published if the line is empty (an empty category, an
// empty quarter) and never serve as complements again; otherwise the line
// hides one more of its counts (unpinZeros). A reader who uses
// non-negativity in other ways can still narrow hidden counts to ranges.
import type { PublishedCell, PublishedRow, PublishedTable, RawTable } from './report'

export type SuppressionOptions = {
	/** cells with 0 < value < threshold are primary-suppressed */
	threshold: number
	/** Margins that must be suppressed because another table of the same year suppressed them
	 *  (case tables share the per-quarter case counts and the year's case count). */
	forcedMargins?: Margins
	/**
	 * The table shares its margins with other tables published alongside (see suppressReport).
	 * Suppressing the same margins everywhere is not enough then: a reader can combine the
	 * tables' equations, so the hidden margins must also hang together inside each table.
	 */
	linked?: boolean
}

export type SuppressionResult = {
	table: PublishedTable
	/** Which shared margins (column totals per quarter, grand total) ended up suppressed. */
	suppressedMargins: Margins
}

export type Margins = { quarters: boolean[]; total: boolean }

const QUARTER_COUNT = 4
/** Column of the row totals in the extended matrix (after the quarters). */
const TOTAL = QUARTER_COUNT
const COLUMN_COUNT = QUARTER_COUNT + 1

/** A table with its margins as one matrix, and which of its entries are hidden. */
type Grid = {
	values: number[][]
	suppressed: boolean[][]
	threshold: number
	/** Index of the margin row (the quarter totals and the grand total) = number of categories. */
	marginRow: number
	/** Zeros a published total gives away: no complement, however cheap. */
	known: boolean[][]
	/** The margins (quarter totals, grand total) hidden because other tables hide them. */
	forced: boolean[]
}

type Entry = { row: number; column: number }

/** Added disclosure of a path: new shared margins first (they spread to other tables), then value. */
type Cost = [newMargins: number, value: number]

type Path = { entries: Entry[]; cost: Cost }

export function suppressTable(raw: RawTable, options: SuppressionOptions): SuppressionResult {
	assertWellFormed(raw)
	const grid = primarySuppression(raw, options)
	// Without categories every entry is an empty sum: there is nothing to protect, and no
	// second row to close a cycle with.
	if (raw.rows.length > 0) {
		// Each round publishes zeros for good or hides a count for good, so this ends. A table
		// without a single case has nothing to protect, and nothing to give away.
		const empty = grid.values[grid.marginRow]![TOTAL] === 0
		do {
			closeBridges(grid)
			if (options.linked) connectHiddenMargins(grid)
		} while (!empty && unpinZeros(grid))
	}
	const marginMask = grid.suppressed[grid.marginRow]!
	return {
		table: publish(raw, grid),
		suppressedMargins: { quarters: marginMask.slice(0, QUARTER_COUNT), total: marginMask[TOTAL]! },
	}
}

/** Runs several tables that share their margins (all tables of kind 'cases' of one year share the
 * quarter totals and the grand total), repeating until the set of suppressed shared margins is
 * stable, so that no table publishes a margin another table hides. Tables of other kinds are
 * suppressed on their own. Returns the published tables in input order. */
export function suppressReport(tables: RawTable[], threshold: number): PublishedTable[] {
	const shared = tables.filter((table) => table.kind === 'cases')
	const linked = shared.length > 1
	let forced: Margins = { quarters: Array<boolean>(QUARTER_COUNT).fill(false), total: false }
	// Each round only adds margins to `forced`, and there are five, so this ends.
	for (;;) {
		const results = shared.map((table) =>
			suppressTable(table, { threshold, forcedMargins: forced, linked }),
		)
		const union = results.reduce((all, result) => orMargins(all, result.suppressedMargins), forced)
		if (sameMargins(union, forced)) {
			const published = new Map(shared.map((table, index) => [table, results[index]!.table]))
			return tables.map(
				(table) => published.get(table) ?? suppressTable(table, { threshold }).table,
			)
		}
		forced = union
	}
}

function assertWellFormed(raw: RawTable) {
	const counts = raw.rows.flatMap((row) => {
		if (row.quarters.length !== QUARTER_COUNT) throw new Error(`${raw.id}: 4 quarters per row`)
		return row.quarters
	})
	// The threshold rule is about people counted; anything else means a bug upstream.
	if (!counts.every((count) => Number.isInteger(count) && count >= 0)) {
		throw new Error(`${raw.id}: counts must be non-negative integers`)
	}
	if (raw.hours && raw.hours.length !== raw.rows.length) {
		throw new Error(`${raw.id}: one hours row per category`)
	}
}

/** Rows with their totals appended, then the column totals (the sums of those). */
function extend(matrix: number[][]): number[][] {
	const rows = matrix.map((row) => [...row, sum(row)])
	const totals = Array.from({ length: COLUMN_COUNT }, (_, column) =>
		sum(rows.map((row) => row[column]!)),
	)
	return [...rows, totals]
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

function primarySuppression(raw: RawTable, { threshold, forcedMargins }: SuppressionOptions): Grid {
	const values = extend(raw.rows.map((row) => row.quarters))
	const marginRow = raw.rows.length
	const forced = forcedMargins && [...forcedMargins.quarters, forcedMargins.total]
	const suppressed = values.map((row, rowIndex) =>
		row.map(
			(value, column) =>
				(value > 0 && value < threshold) || (rowIndex === marginRow && !!forced?.[column]),
		),
	)
	const known = values.map((row) => row.map(() => false))
	return {
		values,
		suppressed,
		threshold,
		marginRow,
		known,
		forced: forced ?? Array<boolean>(COLUMN_COUNT).fill(false),
	}
}

/**
 * Each row and column of the extended matrix as its entries and its total: a category's
 * quarters and its row total, the quarter totals and the grand total, a quarter's cells and
 * its total, the row totals and the grand total.
 */
function linesOf(grid: Grid): Array<{ entries: Entry[]; total: Entry }> {
	const categories = [...Array(grid.marginRow).keys()]
	const quarters = [...Array(QUARTER_COUNT).keys()]
	return [
		...[...categories, grid.marginRow].map((row) => ({
			entries: quarters.map((column) => ({ row, column })),
			total: { row, column: TOTAL },
		})),
		...[...quarters, TOTAL].map((column) => ({
			entries: categories.map((row) => ({ row, column })),
			total: { row: grid.marginRow, column },
		})),
	]
}

/**
 * Counts are never negative: where a line's total is published and its hidden entries add up
 * to nothing, each of them is 0, and a reader knows it. In an empty row or quarter (every
 * entry 0) those zeros are published as what they are and never serve as complements again.
 * Otherwise the line's smallest published count is hidden too, so that the line leaves its
 * hidden entries room again (a quarter total other tables hide is never published, and is in
 * a line with counts unless the table is empty). Returns whether anything changed, in which
 * case the entries need their cycles closed again.
 */
function unpinZeros(grid: Grid): boolean {
	let changed = false
	const value = ({ row, column }: Entry) => grid.values[row]![column]!
	const isHidden = ({ row, column }: Entry) => grid.suppressed[row]![column]!
	for (const { entries, total } of linesOf(grid)) {
		if (isHidden(total)) continue
		const hidden = entries.filter(isHidden)
		if (!hidden.length || hidden.some((entry) => value(entry) !== 0)) continue
		changed = true
		if (value(total) === 0) {
			for (const { row, column } of hidden) {
				grid.suppressed[row]![column] = false
				grid.known[row]![column] = true
			}
			continue
		}
		const smallest = entries
			.filter((entry) => value(entry) > 0)
			.reduce((least, entry) => (value(entry) < value(least) ? entry : least))
		grid.suppressed[smallest.row]![smallest.column] = true
	}
	return changed
}

/**
 * Puts every hidden entry on a cycle of hidden entries. Hiding more entries never turns a cycle
 * edge into a bridge, and every entry hidden here lies on the new cycle, so the bridges found at
 * the start are all there is to close. Hardest first: the bridge that is dearest to close must be
 * paid for anyway, and its cycle often closes cheaper ones on the way (a small row's cell and its
 * total share one rectangle, where closing the cell first would take a detour through zeros).
 * Closing costs only fall as entries are hidden, so an earlier cost is an upper bound: the
 * dearest one is recomputed, and used if it still tops the others' bounds (a lazy greedy).
 */
function closeBridges(grid: Grid) {
	// A hidden zero on no cycle can be worked out from what is published (zeros leave cycles
	// when unpinZeros publishes their partners): published, unless other tables hide it.
	for (const { row, column } of bridges(grid)) {
		const forced = row === grid.marginRow && grid.forced[column]
		if (grid.values[row]![column] === 0 && !forced) grid.suppressed[row]![column] = false
	}
	const open = bridges(grid).map((bridge) => ({ bridge, cost: closing(grid, bridge).cost }))
	for (;;) {
		open.sort((a, b) => (less(a.cost, b.cost) ? 1 : less(b.cost, a.cost) ? -1 : 0))
		const dearest = open.shift()
		if (!dearest) return
		if (!isBridge(grid, dearest.bridge)) continue
		const path = closing(grid, dearest.bridge)
		if (open.length === 0 || !less(path.cost, open[0]!.cost)) hide(grid, path)
		else open.push({ bridge: dearest.bridge, cost: path.cost })
	}
}

function closing(grid: Grid, bridge: Entry): Path {
	return cheapestPath(grid, [rowVertex(bridge.row)], columnVertex(grid, bridge.column), {
		rowLimit: grid.marginRow + 1,
		avoid: bridge,
	})
}

function isBridge(grid: Grid, entry: Entry): boolean {
	const walk = { rowLimit: grid.marginRow + 1, avoid: entry }
	return !reachable(grid, rowVertex(entry.row), walk).has(columnVertex(grid, entry.column))
}

/**
 * For linked tables: a reader of all tables learns, from each one, the sums of hidden quarter
 * totals over every group of columns that the table's hidden cells connect. Unless the hidden
 * margins are connected through the hidden cells and row totals of every table, these sums
 * differ from table to table and together can pin a margin (and through it a cell) down.
 */
function connectHiddenMargins(grid: Grid) {
	const columns = [...grid.suppressed[grid.marginRow]!.keys()].filter(
		(column) => grid.suppressed[grid.marginRow]![column],
	)
	const [first, ...others] = columns.map((column) => columnVertex(grid, column))
	const interior = { rowLimit: grid.marginRow }
	for (const target of others) {
		const component = reachable(grid, first!, interior)
		if (!component.has(target)) hide(grid, cheapestPath(grid, component, target, interior))
	}
}

function hide(grid: Grid, { entries }: Path) {
	for (const { row, column } of entries) grid.suppressed[row]![column] = true
}

// Graph vertices: rows 0..marginRow, then the five columns.
const rowVertex = (row: number) => row
const columnVertex = (grid: Grid, column: number) => grid.marginRow + 1 + column
const vertexCount = (grid: Grid) => grid.marginRow + 1 + COLUMN_COUNT

type Walk = {
	/** Rows at or beyond this index are left out (to keep the margin row out of a search). */
	rowLimit: number
	/** An entry not to walk along (the bridge being closed). */
	avoid?: Entry
}

/** Calls `visit` with each vertex that `vertex` may be joined to, and the entry joining them. */
function forEachNeighbour(
	grid: Grid,
	vertex: number,
	{ rowLimit, avoid }: Walk,
	visit: (other: number, row: number, column: number) => void,
) {
	if (vertex <= grid.marginRow) {
		for (let column = 0; column < COLUMN_COUNT; column++) {
			if (vertex !== avoid?.row || column !== avoid.column) {
				visit(columnVertex(grid, column), vertex, column)
			}
		}
	} else {
		const column = vertex - grid.marginRow - 1
		for (let row = 0; row < rowLimit; row++) {
			if (row !== avoid?.row || column !== avoid.column) visit(rowVertex(row), row, column)
		}
	}
}

/** Vertices joined to `start` through hidden entries. */
function reachable(grid: Grid, start: number, walk: Walk): Set<number> {
	const seen = new Set([start])
	const stack = [start]
	for (let vertex = stack.pop(); vertex !== undefined; vertex = stack.pop()) {
		forEachNeighbour(grid, vertex, walk, (other, row, column) => {
			if (grid.suppressed[row]![column] && !seen.has(other)) {
				seen.add(other)
				stack.push(other)
			}
		})
	}
	return seen
}

/** The hidden entries on no cycle (Tarjan: an edge is a bridge iff nothing below it reaches above). */
function bridges(grid: Grid): Entry[] {
	const walk = { rowLimit: grid.marginRow + 1 }
	const order = Array<number>(vertexCount(grid)).fill(-1)
	const low = Array<number>(vertexCount(grid)).fill(0)
	const found: Entry[] = []
	let visited = 0
	const visit = (vertex: number, parent: number) => {
		order[vertex] = low[vertex] = visited++
		forEachNeighbour(grid, vertex, walk, (other, row, column) => {
			if (!grid.suppressed[row]![column] || other === parent) return
			if (order[other]! < 0) {
				visit(other, vertex)
				low[vertex] = Math.min(low[vertex]!, low[other]!)
				if (low[other]! > order[vertex]!) found.push({ row, column })
			} else {
				low[vertex] = Math.min(low[vertex]!, order[other]!)
			}
		})
	}
	order.forEach((seen, vertex) => {
		if (seen < 0) visit(vertex, -1)
	})
	return found
}

const less = (a: Cost, b: Cost) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])

/**
 * The cheapest chain of entries from any of `sources` to `target` (Dijkstra over the complete
 * bipartite graph of rows and columns). What hiding one more entry gives away: a new shared
 * margin first, then its value, and a zero (a poor complement) as much as the threshold. Hidden
 * entries are free, so existing cycles are reused; a rectangle is the typical answer. With at
 * least one category row a path always exists, which is what makes suppression terminate.
 */
function cheapestPath(grid: Grid, sources: Iterable<number>, target: number, walk: Walk): Path {
	const best: Array<Cost | undefined> = Array(vertexCount(grid))
	const previous = Array<number>(vertexCount(grid)).fill(-1)
	const done = Array<boolean>(vertexCount(grid)).fill(false)
	for (const source of sources) best[source] = [0, 0]
	for (;;) {
		const vertex = closestOpen(best, done)
		if (vertex < 0) throw new Error('suppression: no path to close a cycle')
		if (vertex === target) return { entries: pathTo(grid, previous, target), cost: best[target]! }
		done[vertex] = true
		const [margins, value] = best[vertex]!
		forEachNeighbour(grid, vertex, walk, (other, row, column) => {
			if (done[other] || grid.known[row]![column]) return
			const candidate: Cost = grid.suppressed[row]![column]
				? [margins, value]
				: [
						margins + (row === grid.marginRow ? 1 : 0),
						value + (grid.values[row]![column]! || grid.threshold),
					]
			if (!best[other] || less(candidate, best[other])) {
				best[other] = candidate
				previous[other] = vertex
			}
		})
	}
}

function closestOpen(best: Array<Cost | undefined>, done: boolean[]): number {
	let closest = -1
	best.forEach((cost, vertex) => {
		if (cost && !done[vertex] && (closest < 0 || less(cost, best[closest]!))) closest = vertex
	})
	return closest
}

function pathTo(grid: Grid, previous: number[], target: number): Entry[] {
	const entries: Entry[] = []
	for (let vertex = target; previous[vertex]! >= 0; vertex = previous[vertex]!) {
		const [row, column] = [Math.min(vertex, previous[vertex]!), Math.max(vertex, previous[vertex]!)]
		entries.push({ row, column: column - grid.marginRow - 1 })
	}
	return entries
}

/** The extended matrix as published: hidden entries become 'suppressed', small or not alike. */
function mask(
	values: number[][],
	suppressed: boolean[][],
	format: (value: number) => number,
): PublishedCell[][] {
	return values.map((row, rowIndex) =>
		row.map((value, column) => (suppressed[rowIndex]![column] ? 'suppressed' : format(value))),
	)
}

const asIs = (value: number) => value
const toTenths = (value: number) => Math.round(value * 10) / 10

/** Hours are not protected on their own: they are shown exactly where their count is. */
function publish(raw: RawTable, grid: Grid): PublishedTable {
	const counts = mask(grid.values, grid.suppressed, asIs)
	const hours = raw.hours && mask(extend(raw.hours), grid.suppressed, toTenths)
	const line = (index: number) => ({
		quarters: counts[index]!.slice(0, QUARTER_COUNT),
		total: counts[index]![TOTAL]!,
		...(hours && {
			hoursQuarters: hours[index]!.slice(0, QUARTER_COUNT),
			hoursTotal: hours[index]![TOTAL]!,
		}),
	})
	return {
		id: raw.id,
		kind: raw.kind,
		rows: raw.rows.map((row, index): PublishedRow => ({ key: row.key, ...line(index) })),
		totals: line(grid.marginRow),
	}
}

function orMargins(a: Margins, b: Margins): Margins {
	return {
		quarters: a.quarters.map((hidden, q) => hidden || !!b.quarters[q]),
		total: a.total || b.total,
	}
}

function sameMargins(a: Margins, b: Margins): boolean {
	return a.total === b.total && a.quarters.every((hidden, q) => hidden === b.quarters[q])
}
