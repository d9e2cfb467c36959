// The annual report with 100,000 and 1,000,000 synthetic cases, all received
// in the reported year: the time to compute the whole report (every table,
// disclosure control included), against a baseline on the same table, one
// bare counting pass over the year's cases. In-process, like the inbox.
import pg from 'pg'
import { disconnectPrisma } from '../../app/platform/db.server.ts'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	OUTCOMES,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	SERVICE_TYPES,
} from '../../app/platform/taxonomy.ts'
import { buildReport } from '../../app/features/statistics/statistics.server.ts'
import { percentiles, sample, type Timing } from './timing.ts'

export const SIZES = (process.env.STAT_SIZES ?? '100000,1000000').split(',').map(Number)
const RUNS = { runs: 5, warmUp: 1 }

export type StatisticsResult = Array<{
	cases: number
	seedSeconds: number
	baseline: Timing
	report: Timing
}>

export async function measureStatistics(databaseUrl: string): Promise<StatisticsResult> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	process.env.DATABASE_URL = databaseUrl
	const year = new Date().getUTCFullYear() - 1
	const results: StatisticsResult = []
	try {
		for (const cases of SIZES) {
			const seedStart = Date.now()
			await seed(client, cases, year)
			const seedSeconds = (Date.now() - seedStart) / 1_000
			const baseline = percentiles(
				await sample(
					() =>
						client.query(
							`SELECT status, count(*) FROM "Case" WHERE "receivedOn" >= $1 AND "receivedOn" < $2 GROUP BY 1`,
							[`${year}-01-01`, `${year + 1}-01-01`],
						),
					RUNS,
				),
			)
			const report = percentiles(await sample(() => buildReport(year), RUNS))
			results.push({ cases, seedSeconds, baseline, report })
		}
		return results
	} finally {
		await disconnectPrisma()
		await client.end()
	}
}

const pick = (list: string) => `(${list})[1 + floor(random() * array_length(${list}, 1))::int]`
// `n * 0` ties the subquery to its row, or PostgreSQL would draw it once for all.
const some = (list: string) =>
	`ARRAY(SELECT DISTINCT ${pick(list)} FROM generate_series(1, 1 + floor(random() * 2)::int + n * 0))`

async function seed(client: pg.Client, cases: number, year: number) {
	// Not TRUNCATE: the audit log refers to "Case" and refuses to be emptied;
	// the few cases it names (the soak opened them) are kept.
	await client.query(
		'DELETE FROM "Case" c WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."caseId" = c.id)',
	)
	await client.query('SELECT setseed(0.2027)')
	await client.query(
		`INSERT INTO "Case" ("id", "reference", "status", "channel", "receivedOn", "outcome",
			"requesterType", "areas", "forms", "motives", "actors",
			"reportedAreas", "reportedForms", "reportedMotives", "reportedActors", "reportedWishes",
			"reportedAgeGroup", "reportedGender", "reportedNationality", "reportedResidence",
			"narrative", "followUpLookup")
		SELECT gen_random_uuid()::text, 'S' || n, s.status::"CaseStatus",
			(CASE WHEN random() < 0.4 THEN 'WEB_ANONYMOUS' ELSE 'WEB_WITH_CONTACT' END)::"CaseChannel",
			make_date($2::int, 1, 1) + floor(random() * 365)::int,
			CASE WHEN s.status = 'CLOSED' THEN ${pick('$3::text[]')} END,
			${pick('$4::text[]')}, ${some('$5::text[]')}, ${some('$6::text[]')}, ${some('$7::text[]')}, ${some('$8::text[]')},
			'{}', '{}', '{}', '{}', '{}',
			${pick('$9::text[]')}, ${pick('$10::text[]')}, ${pick('$11::text[]')}, ${pick('$12::text[]')},
			'\\x00'::bytea, '\\x00'::bytea
		FROM generate_series(1, $1::int) AS n,
			LATERAL (SELECT (ARRAY['NEW','IN_PROGRESS','CLOSED','CLOSED','CLOSED','CLOSED','NOT_DISCRIMINATION'])[1 + floor(random() * 7)::int] AS status WHERE n > 0) s`,
		[
			cases,
			year,
			OUTCOMES,
			REQUESTER_TYPES,
			AREAS_OF_LIFE,
			DISCRIMINATION_FORMS,
			MOTIVES,
			ACTORS,
			AGE_GROUPS,
			GENDERS,
			NATIONALITY_GROUPS,
			RESIDENCE_STATUSES,
		],
	)
	// About a third of the cases got a counselling service.
	await client.query(
		`INSERT INTO "CounsellingService" ("id", "caseId", "type", "providedOn", "minutes")
		SELECT gen_random_uuid()::text, id, ${pick('$1::text[]')}, "receivedOn", 15 + floor(random() * 120)::int
		FROM "Case" WHERE random() < 0.33`,
		[SERVICE_TYPES],
	)
	await client.query('VACUUM (ANALYZE) "Case", "CounsellingService"')
}
