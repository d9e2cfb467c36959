// The annual report: one year's raw tables through disclosure control, the
// trend over five years as each year's report publishes it, the activities
// beyond cases, the summary against the year before, and who may read or
// export it.
import { prisma } from '~/platform/db.server'
import { requirePermission } from '~/platform/permissions'
import type {
	PublishedReport,
	PublishedTable,
	RawTable,
	TableId,
	TrendPoint,
} from '~/features/statistics/report'
import { suppressReport, suppressTable } from '~/features/statistics/suppression'
import { recordAudit, type AuditEntry } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { activityTables } from './activity-tables.server'
import { rawTablesOf, talliedTables, type StatisticsReader } from './raw-tables.server'
import { yearSummary } from './year-summary'

export const TREND_YEARS = 5

async function officeSettings(db: StatisticsReader) {
	const settings = await db.officeSettings.findUnique({
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
 * `known` holds the years already published for this report.
 */
async function trend(
	year: number,
	threshold: number,
	known: ReadonlyMap<number, PublishedTable[]>,
	db: StatisticsReader,
): Promise<TrendPoint[]> {
	const years = Array.from({ length: TREND_YEARS }, (_, index) => year - TREND_YEARS + 1 + index)
	// One year after the other: inside an export's transaction they share one connection.
	const points: TrendPoint[] = []
	for (const each of years) {
		const tables = known.get(each) ?? publish(await talliedTables(each, db), threshold)
		const total = (id: TableId) => tables.find((table) => table.id === id)?.totals.total ?? 0
		points.push({
			year: each,
			cases: total('requesterType'),
			notDiscrimination: total('notDiscrimination'),
		})
	}
	return points
}

/** The published report of one year, computed without an acting user (the JSON endpoint checks its token). */
export async function buildReport(
	year: number,
	db: StatisticsReader = prisma,
): Promise<PublishedReport> {
	const { officeName, threshold } = await officeSettings(db)
	const raw = await rawTablesOf([year - 1, year], db)
	const tables = publish(raw.get(year)!, threshold)
	// The year before as its own report publishes it: the summary compares with it.
	const previous = publish(raw.get(year - 1)!, threshold)
	const activities = await activityTables(year, db)
	const previousActivities = await activityTables(year - 1, db)
	const known = new Map([
		[year, tables],
		[year - 1, previous],
	])
	return {
		officeName,
		year,
		threshold,
		generatedAt: new Date().toISOString(),
		tables,
		trend: await trend(year, threshold, known, db),
		activities,
		summary: yearSummary(
			{ tables, activities },
			{ tables: previous, activities: previousActivities },
		),
	}
}

function requireStatisticsReader(actor: StaffActor) {
	requirePermission(actor, 'statistics:read')
}

/** The report for a staff member allowed to read statistics. */
export async function getReport(actor: StaffActor, year: number): Promise<PublishedReport> {
	requireStatisticsReader(actor)
	return buildReport(year)
}

/**
 * A report that leaves the office (a file, a print view, the canton's JSON):
 * read from one snapshot in the transaction that audits it.
 */
function exportAudited(entry: AuditEntry, year: number): Promise<PublishedReport> {
	return prisma.$transaction(
		async (tx) => {
			const report = await buildReport(year, tx)
			await recordAudit(tx, entry)
			return report
		},
		{ isolationLevel: 'RepeatableRead' },
	)
}

export function exportReport(actor: StaffActor, year: number, format: 'csv' | 'xlsx' | 'print') {
	requireStatisticsReader(actor)
	return exportAudited({ action: 'statistics.exported', actor, detail: { year, format } }, year)
}

/** The canton's read-only access; the route has checked the token. */
export function exportReportForToken(tokenId: string, year: number) {
	return exportAudited(
		{ action: 'statistics.exported', detail: { year, format: 'json', tokenId } },
		year,
	)
}

/**
 * The years that have cases (kept or deleted by retention) or activities,
 * newest first, and always the current one.
 */
export async function reportYears(now = new Date()): Promise<number[]> {
	const rows = await prisma.$queryRaw<Array<{ year: number }>>`
		SELECT extract(year FROM "receivedOn")::int AS year FROM "Case"
		UNION
		SELECT "year" FROM "DeletedCaseTally" WHERE "count" <> 0
		UNION
		SELECT extract(year FROM "heldOn")::int FROM "Activity"`
	const years = new Set([now.getUTCFullYear(), ...rows.map((row) => row.year)])
	return [...years].sort((a, b) => b - a)
}
