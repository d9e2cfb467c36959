// The raw counts behind the annual statistics: one pass over a year's cases
// for the case tables (GROUPING SETS), one for the mentions (several per
// case), one for the services. Only counts leave this module, and only
// through disclosure control (app/features/statistics/suppression.ts).
import { prisma } from '~/platform/db.server'
import { can, ForbiddenError } from '~/platform/permissions'
import type {
	PublishedReport,
	PublishedTable,
	RawTable,
	TableId,
	TrendPoint,
} from '~/features/statistics/report'
import { suppressReport, suppressTable } from '~/features/statistics/suppression'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	OUTCOMES,
	PREFER_NOT_TO_SAY,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	SERVICE_TYPES,
} from '~/platform/taxonomy'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** Cases without an answer (or not yet classified) are counted, under their own row. */
export const NOT_STATED = 'not_stated'
export const TREND_YEARS = 5

/** The case tables: the column grouped by, and the categories in display order. */
const CASE_TABLES: Array<{ id: TableId; column: string; keys: readonly string[] }> = [
	{ id: 'requesterType', column: '"requesterType"', keys: [...REQUESTER_TYPES, NOT_STATED] },
	{
		id: 'statusOutcome',
		// Status and outcome in one table: two tables would be linked by the closed cases.
		column: `CASE WHEN status = 'CLOSED' THEN 'CLOSED:' || coalesce(outcome, '${NOT_STATED}') ELSE status::text END`,
		keys: ['NEW', 'IN_PROGRESS', ...OUTCOMES.map((o) => `CLOSED:${o}`), `CLOSED:${NOT_STATED}`],
	},
	{ id: 'channel', column: 'channel::text', keys: ['ANONYMOUS', 'WITH_CONTACT'] },
	{
		id: 'ageGroup',
		column: '"reportedAgeGroup"',
		keys: [...AGE_GROUPS, PREFER_NOT_TO_SAY, NOT_STATED],
	},
	{ id: 'gender', column: '"reportedGender"', keys: [...GENDERS, PREFER_NOT_TO_SAY, NOT_STATED] },
	{
		id: 'nationalityGroup',
		column: '"reportedNationality"',
		keys: [...NATIONALITY_GROUPS, PREFER_NOT_TO_SAY, NOT_STATED],
	},
	{
		id: 'residenceStatus',
		column: '"reportedResidence"',
		keys: [...RESIDENCE_STATUSES, PREFER_NOT_TO_SAY, NOT_STATED],
	},
]

const MENTION_TABLES: Array<{ id: TableId; column: string; keys: readonly string[] }> = [
	{ id: 'areas', column: 'areas', keys: AREAS_OF_LIFE },
	{ id: 'forms', column: 'forms', keys: DISCRIMINATION_FORMS },
	{ id: 'motives', column: 'motives', keys: MOTIVES },
	{ id: 'actors', column: 'actors', keys: ACTORS },
]

type Bounds = { from: Date; to: Date }
const yearBounds = (year: number): Bounds => ({
	from: new Date(Date.UTC(year, 0, 1)),
	to: new Date(Date.UTC(year + 1, 0, 1)),
})

function emptyTable(id: TableId, kind: RawTable['kind'], keys: readonly string[]): RawTable {
	return { id, kind, rows: keys.map((key) => ({ key, quarters: [0, 0, 0, 0] })) }
}

function add(table: RawTable, key: string | null, quarter: number, count: number) {
	const row = table.rows.find((candidate) => candidate.key === (key ?? NOT_STATED))
	// A value outside today's lists (renamed long ago) still counts, as "not stated".
	const target = row ?? table.rows.find((candidate) => candidate.key === NOT_STATED)
	if (target) target.quarters[quarter - 1]! += count
}

const TALLIED = [
	...CASE_TABLES.map((spec) => ({ ...spec, kind: 'cases' as const })),
	...MENTION_TABLES.map((spec) => ({ ...spec, kind: 'mentions' as const })),
]

/**
 * The case and mention tables from "CaseTally", which triggers keep current
 * (migration "case_tally"): a few hundred rows, whatever the number of cases.
 */
async function talliedTables(year: number): Promise<RawTable[]> {
	const tables = TALLIED.map((spec) => emptyTable(spec.id, spec.kind, spec.keys))
	const other = emptyTable('notDiscrimination', 'cases', ['NOT_DISCRIMINATION'])
	const rows = await prisma.caseTally.findMany({
		where: { year, count: { not: 0 } },
		select: { quarter: true, dimension: true, key: true, count: true },
	})
	for (const row of rows) {
		if (row.dimension === 'notDiscrimination') {
			other.rows[0]!.quarters[row.quarter - 1]! += row.count
			continue
		}
		const table = tables.find((candidate) => candidate.id === row.dimension)
		if (!table) continue
		if (table.kind === 'cases') add(table, row.key, row.quarter, row.count)
		else {
			const target = table.rows.find((candidate) => candidate.key === row.key)
			if (target) target.quarters[row.quarter - 1]! += row.count
		}
	}
	return [...tables, other]
}

/**
 * The same tables counted directly from the cases, in one pass: GROUPING
 * SETS hashes each (quarter, column) pair at once, and mentions are grouped
 * by the whole array and unnested here. Seconds for a million cases, so it
 * serves to check the tallies (tests), not to answer pages.
 */
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

async function servicesTable({ from, to }: Bounds): Promise<RawTable> {
	const table = emptyTable('services', 'services', SERVICE_TYPES)
	table.hours = table.rows.map(() => [0, 0, 0, 0])
	const rows = await prisma.$queryRaw<
		Array<{ quarter: number; type: string; n: bigint; minutes: bigint }>
	>`
		SELECT extract(quarter FROM s."providedOn")::int AS quarter, s.type, count(*) AS n, sum(s.minutes) AS minutes
		FROM "CounsellingService" s
		WHERE s."providedOn" >= ${from} AND s."providedOn" < ${to}
			AND NOT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = s."caseId" AND c.status = 'NOT_DISCRIMINATION')
		GROUP BY 1, 2`
	for (const row of rows) {
		const index = table.rows.findIndex((candidate) => candidate.key === row.type)
		if (index < 0) continue
		table.rows[index]!.quarters[row.quarter - 1]! += Number(row.n)
		table.hours[index]![row.quarter - 1]! += Number(row.minutes) / 60
	}
	return table
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

/** The year's raw tables (before disclosure control): for tests and the benchmark. */
export async function computeRawTables(year: number): Promise<RawTable[]> {
	const [tallied, services] = await Promise.all([
		talliedTables(year),
		servicesTable(yearBounds(year)),
	])
	const other = tallied.filter((table) => table.id === 'notDiscrimination')
	return [...tallied.filter((table) => table.id !== 'notDiscrimination'), services, ...other]
}

async function officeSettings() {
	const settings = await prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: { officeName: true, statisticsThreshold: true },
	})
	return { officeName: settings?.officeName ?? '', threshold: settings?.statisticsThreshold ?? 5 }
}

/** Disclosure control over one year's raw tables, the "not a discrimination case" table apart. */
function publish(raw: RawTable[], threshold: number): PublishedTable[] {
	const separate = raw.filter((table) => table.id === 'notDiscrimination')
	const shared = raw.filter((table) => table.id !== 'notDiscrimination')
	return [
		...suppressReport(shared, threshold),
		...separate.map((table) => suppressTable(table, { threshold }).table),
	]
}

/**
 * The trend: each year's case count exactly as that year's own report
 * publishes it (a total hidden there as a complement stays hidden here).
 */
async function trend(
	year: number,
	threshold: number,
	current: PublishedTable[],
): Promise<TrendPoint[]> {
	const years = Array.from({ length: TREND_YEARS }, (_, index) => year - TREND_YEARS + 1 + index)
	return Promise.all(
		years.map(async (each) => {
			const tables = each === year ? current : publish(await talliedTables(each), threshold)
			const total = (id: TableId) => tables.find((table) => table.id === id)?.totals.total ?? 0
			return {
				year: each,
				cases: total('requesterType'),
				notDiscrimination: total('notDiscrimination'),
			}
		}),
	)
}

/** The published report of one year, computed without an acting user (the JSON endpoint checks its token). */
export async function buildReport(year: number, now = new Date()): Promise<PublishedReport> {
	const { officeName, threshold } = await officeSettings()
	const tables = publish(await computeRawTables(year), threshold)
	return {
		officeName,
		year,
		threshold,
		generatedAt: now.toISOString(),
		tables,
		trend: await trend(year, threshold, tables),
	}
}

export function requireStatisticsReader(actor: StaffActor) {
	if (!can(actor.role, 'statistics:read')) throw new ForbiddenError()
}

/** The report for a staff member allowed to read statistics. */
export async function getReport(actor: StaffActor, year: number): Promise<PublishedReport> {
	requireStatisticsReader(actor)
	return buildReport(year)
}

export async function recordExport(actor: StaffActor, year: number, format: string) {
	requireStatisticsReader(actor)
	await recordAudit({ action: 'statistics.exported', actor, detail: { year, format } })
}

/** The years that have cases, newest first, and always the current one. */
export async function reportYears(now = new Date()): Promise<number[]> {
	const rows = await prisma.$queryRaw<Array<{ year: number }>>`
		SELECT DISTINCT extract(year FROM "receivedOn")::int AS year FROM "Case" ORDER BY 1 DESC`
	const years = new Set([now.getUTCFullYear(), ...rows.map((row) => row.year)])
	return [...years].sort((a, b) => b - a)
}
