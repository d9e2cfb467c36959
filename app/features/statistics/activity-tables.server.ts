// The year's activities beyond cases, by kind and by audience, each per
// quarter with participants and hours. One GROUP BY over the year's
// activities (a few hundred rows). They are published as counted: an
// activity is no person, and its tables share no total with the case
// tables, so they tell nothing about a hidden case count (decision 0009,
// "Activities").
import { prisma } from '~/platform/db.server'
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS } from '~/platform/taxonomy'
import { type PublishedRow, type PublishedTable, type TableId } from './report'
import { yearBounds, type StatisticsReader } from './raw-tables.server'

type Sums = { count: number[]; participants: number[]; minutes: number[] }

const emptySums = (): Sums => ({
	count: [0, 0, 0, 0],
	participants: [0, 0, 0, 0],
	minutes: [0, 0, 0, 0],
})

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
/** Hours to one decimal, as the services' hours are published. */
const hours = (minutes: number) => Math.round(minutes / 6) / 10

function publishedRow(sums: Sums): Omit<PublishedRow, 'key'> {
	return {
		quarters: sums.count,
		total: sum(sums.count),
		participantsQuarters: sums.participants,
		participantsTotal: sum(sums.participants),
		hoursQuarters: sums.minutes.map(hours),
		hoursTotal: hours(sum(sums.minutes)),
	}
}

function table(
	id: TableId,
	keys: readonly string[],
	rows: Array<{ key: string; quarter: number; n: number; participants: number; minutes: number }>,
): PublishedTable {
	const byKey = new Map(keys.map((key) => [key, emptySums()]))
	const totals = emptySums()
	for (const row of rows) {
		const sums = byKey.get(row.key)
		if (!sums) continue
		for (const target of [sums, totals]) {
			target.count[row.quarter - 1]! += row.n
			target.participants[row.quarter - 1]! += row.participants
			target.minutes[row.quarter - 1]! += row.minutes
		}
	}
	return {
		id,
		kind: 'activities',
		rows: keys.map((key) => ({ key, ...publishedRow(byKey.get(key)!) })),
		totals: publishedRow(totals),
	}
}

/** The year's activity tables: by kind, then by audience. */
export async function activityTables(
	year: number,
	db: StatisticsReader = prisma,
): Promise<PublishedTable[]> {
	const { from, to } = yearBounds(year)
	const grouped = await db.$queryRaw<
		Array<{
			quarter: number
			kind: string
			audience: string
			n: bigint
			participants: bigint
			minutes: bigint
		}>
	>`
		SELECT extract(quarter FROM "heldOn")::int AS quarter, kind, audience, count(*) AS n,
			coalesce(sum(participants), 0) AS participants, sum(minutes) AS minutes
		FROM "Activity"
		WHERE "heldOn" >= ${from} AND "heldOn" < ${to}
		GROUP BY 1, 2, 3`
	const rows = grouped.map((row) => ({
		quarter: row.quarter,
		kind: row.kind,
		audience: row.audience,
		n: Number(row.n),
		participants: Number(row.participants),
		minutes: Number(row.minutes),
	}))
	return [
		table(
			'activityKinds',
			ACTIVITY_KINDS,
			rows.map((row) => ({ ...row, key: row.kind })),
		),
		table(
			'activityAudiences',
			ACTIVITY_AUDIENCES,
			rows.map((row) => ({ ...row, key: row.audience })),
		),
	]
}
