// The raw counts behind the annual statistics: the case and mention tables
// from the tallies that triggers keep current, and one pass over the year's
// services. Only counts leave this module, and only through disclosure
// control (statistics.server.ts and suppression.ts).
import { prisma } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { RawTable, TableId } from '~/features/statistics/report'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	CASE_CHANNELS,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	OUTCOMES,
	PREFER_NOT_TO_SAY,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	RESPONSE_WISHES,
	SERVICE_TYPES,
} from '~/platform/taxonomy'

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
	{ id: 'channel', column: 'channel::text', keys: CASE_CHANNELS },
	{ id: 'responseWish', column: '"responseWish"::text', keys: [...RESPONSE_WISHES, NOT_STATED] },
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

export type Bounds = { from: Date; to: Date }
export const yearBounds = (year: number): Bounds => ({
	from: new Date(Date.UTC(year, 0, 1)),
	to: new Date(Date.UTC(year + 1, 0, 1)),
})

export function emptyTable(id: TableId, kind: RawTable['kind'], keys: readonly string[]): RawTable {
	return { id, kind, rows: keys.map((key) => ({ key, quarters: [0, 0, 0, 0] })) }
}

export function add(table: RawTable, key: string | null, quarter: number, count: number) {
	const row = table.rows.find((candidate) => candidate.key === (key ?? NOT_STATED))
	// A value outside today's lists (renamed long ago) still counts, as "not stated".
	const target = row ?? table.rows.find((candidate) => candidate.key === NOT_STATED)
	if (target) target.quarters[quarter - 1]! += count
}

export const TALLIED = [
	...CASE_TABLES.map((spec) => ({ ...spec, kind: 'cases' as const })),
	...MENTION_TABLES.map((spec) => ({ ...spec, kind: 'mentions' as const })),
]

/** The client the tables are read through: an export's transaction, or the shared one. */
export type StatisticsReader = Pick<
	Prisma.TransactionClient,
	'caseTally' | 'deletedCaseTally' | 'officeSettings' | '$queryRaw'
>

/**
 * The case and mention tables from "CaseTally", which triggers keep current
 * (migration "case_tally"), and "DeletedCaseTally", what the cases that
 * retention deleted counted: a few hundred rows, whatever the number of cases.
 */

export async function talliedTables(
	year: number,
	db: StatisticsReader = prisma,
): Promise<RawTable[]> {
	const tables = TALLIED.map((spec) => emptyTable(spec.id, spec.kind, spec.keys))
	const other = emptyTable('notDiscrimination', 'cases', ['NOT_DISCRIMINATION'])
	const query = {
		where: { year, count: { not: 0 } },
		select: { quarter: true, dimension: true, key: true, count: true },
	}
	// One after the other: inside an export's transaction both share one connection.
	const live = await db.caseTally.findMany(query)
	const deleted = await db.deletedCaseTally.findMany(query)
	for (const row of [...live, ...deleted]) {
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
 * The services of several years in one pass (the report reads its year and
 * the year before): one anti-join with the "not a discrimination case"
 * cases, which index "Case_notDiscrimination_idx" holds, instead of one per
 * year. By the day each service was given.
 */
async function servicesTables(
	years: readonly number[],
	db: StatisticsReader,
): Promise<Map<number, RawTable>> {
	const tables = new Map(
		years.map((year) => {
			const table = emptyTable('services', 'services', SERVICE_TYPES)
			table.hours = table.rows.map(() => [0, 0, 0, 0])
			return [year, table] as const
		}),
	)
	const from = yearBounds(Math.min(...years)).from
	const to = yearBounds(Math.max(...years)).to
	const rows = await db.$queryRaw<
		Array<{ year: number; quarter: number; type: string; n: bigint; minutes: bigint }>
	>`
		SELECT extract(year FROM s."providedOn")::int AS year, extract(quarter FROM s."providedOn")::int AS quarter,
			s.type, count(*) AS n, sum(s.minutes) AS minutes
		FROM "CounsellingService" s
		WHERE s."providedOn" >= ${from} AND s."providedOn" < ${to}
			AND NOT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = s."caseId" AND c.status = 'NOT_DISCRIMINATION')
		GROUP BY 1, 2, 3`
	for (const row of rows) {
		const table = tables.get(row.year)
		const index = table?.rows.findIndex((candidate) => candidate.key === row.type) ?? -1
		if (!table || index < 0) continue
		table.rows[index]!.quarters[row.quarter - 1]! += Number(row.n)
		table.hours![index]![row.quarter - 1]! += Number(row.minutes) / 60
	}
	return tables
}

/** Each year's raw tables, before disclosure control. */
export async function rawTablesOf(
	years: readonly number[],
	db: StatisticsReader = prisma,
): Promise<Map<number, RawTable[]>> {
	const services = await servicesTables(years, db)
	const result = new Map<number, RawTable[]>()
	// One after the other: inside an export's transaction they share one connection.
	for (const year of years) {
		const tallied = await talliedTables(year, db)
		const other = tallied.filter((table) => table.id === 'notDiscrimination')
		result.set(year, [
			...tallied.filter((table) => table.id !== 'notDiscrimination'),
			services.get(year)!,
			...other,
		])
	}
	return result
}
