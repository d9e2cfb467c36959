// A direct count of the statistics' case and mention tables from the cases
// themselves, in one pass: GROUPING SETS hashes each (quarter, column) pair at
// once, and mentions are grouped by the whole array and unnested here. Seconds
// for a million cases, so it checks the tallies the triggers keep (tests and
// the benchmark's baseline), and never answers a page.
import { prisma } from '~/platform/db.server'
import type { RawTable } from '~/features/statistics/report'
import {
	add,
	emptyTable,
	TALLIED,
	yearBounds,
	type Bounds,
} from '~/features/statistics/raw-tables.server'

export async function countDirectly(year: number): Promise<RawTable[]> {
	const bounds = yearBounds(year)
	const [tables, other] = await Promise.all([
		caseAndMentionTables(bounds),
		notDiscriminationTable(bounds),
	])
	return [...tables, other]
}

async function caseAndMentionTables({ from, to }: Bounds): Promise<RawTable[]> {
	const specs = TALLIED
	const tables = specs.map((spec) => emptyTable(spec.id, spec.kind, spec.keys))
	const columns = specs.map((spec, index) => `${spec.column} AS c${index}`).join(', ')
	const sets = specs.map((_, index) => `(quarter, c${index})`).join(', ')
	const grouping = specs.map((_, index) => `GROUPING(c${index})`).join(', ')
	const values = specs.map((spec, index) =>
		spec.kind === 'mentions' ? `array_to_json(c${index})::text` : `c${index}::text`,
	)
	const rows = await prisma.$transaction(async (tx) => {
		// Enough memory to hash all sets in one pass instead of sorting for each.
		await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`)
		return tx.$queryRawUnsafe<
			Array<{ quarter: number; g: number[]; v: Array<string | null>; n: bigint }>
		>(
			`SELECT quarter, ARRAY[${grouping}] AS g, ARRAY[${values.join(', ')}] AS v, count(*) AS n
			 FROM (SELECT extract(quarter FROM "receivedOn")::int AS quarter, ${columns} FROM "Case"
			       WHERE "receivedOn" >= $1 AND "receivedOn" < $2 AND status <> 'NOT_DISCRIMINATION') c
			 GROUP BY GROUPING SETS (${sets})`,
			from,
			to,
		)
	})
	for (const row of rows) {
		const index = row.g.findIndex((flag) => flag === 0)
		const table = tables[index]!
		const value = row.v[index] ?? null
		if (specs[index]!.kind === 'cases') {
			add(table, value, row.quarter, Number(row.n))
			continue
		}
		for (const key of value ? (JSON.parse(value) as string[]) : []) {
			const target = table.rows.find((candidate) => candidate.key === key)
			if (target) target.quarters[row.quarter - 1]! += Number(row.n)
		}
	}
	return tables
}

async function notDiscriminationTable({ from, to }: Bounds): Promise<RawTable> {
	const table = emptyTable('notDiscrimination', 'cases', ['NOT_DISCRIMINATION'])
	const rows = await prisma.$queryRaw<Array<{ quarter: number; n: bigint }>>`
		SELECT extract(quarter FROM "receivedOn")::int AS quarter, count(*) AS n FROM "Case"
		WHERE "receivedOn" >= ${from} AND "receivedOn" < ${to} AND status = 'NOT_DISCRIMINATION'
		GROUP BY 1`
	for (const row of rows) table.rows[0]!.quarters[row.quarter - 1] = Number(row.n)
	return table
}
