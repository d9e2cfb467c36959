// The inbox with 100,000 cases: the server time of `listCases` for the
// filters staff use, against a baseline on the same table, the bare SQL of
// one page and its count. Measured in-process, because over HTTP the inbox
// sits behind a login with a second factor.
import pg from 'pg'
import { disconnectPrisma } from '../../app/platform/db.server.ts'
import {
	ACTORS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	MOTIVES,
	OUTCOMES,
	REQUESTER_TYPES,
	WISHES,
} from '../../app/platform/taxonomy.ts'
import { countQueues, listCases, type InboxFilter } from '../../app/features/cases/inbox.server.ts'
import type { StaffActor } from '../../app/features/staff-auth/staff-session.server.ts'
import { percentiles, sample, type Timing } from './timing.ts'

export const CASES = 100_000
const COUNSELLORS = 5
const RUNS = { runs: 40, warmUp: 5 }
export const RUNS_PER_FILTER = RUNS.runs

export type InboxResult = {
	baseline: Timing
	filters: Array<{ label: string } & Timing>
	all: Timing
	seedSeconds: number
}

/**
 * Replaces the cases in the database with CASES cases of three years'
 * history, then times the inbox. Meant to run once the app server has
 * stopped, so that nothing else competes for the machine.
 */
export async function measureInbox(databaseUrl: string): Promise<InboxResult> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
	try {
		const seedStart = Date.now()
		const { lead, counsellors, fragment } = await seed(client)
		const seedSeconds = (Date.now() - seedStart) / 1_000

		const baseline = percentiles(
			await sample(
				() =>
					Promise.all([
						pool.query(
							'SELECT reference, status, "receivedOn" FROM "Case" ORDER BY "receivedOn" DESC, reference DESC LIMIT 25',
						),
						pool.query('SELECT count(*) FROM "Case"'),
					]),
				RUNS,
			),
		)

		// db.server.ts reads DATABASE_URL when the first query creates the client.
		process.env.DATABASE_URL = databaseUrl
		const counsellor = counsellors[0]!
		const year = new Date().getUTCFullYear() - 1
		const checks: Array<[string, StaffActor, Omit<InboxFilter, 'page'> & { page?: number }]> = [
			['all, page 1', lead, { view: 'all' }],
			['triage', lead, { view: 'triage' }],
			['all, page 200', lead, { view: 'all', page: 200 }],
			['closed + area work', lead, { view: 'all', status: 'CLOSED', area: 'work' }],
			['requester type institution', lead, { view: 'all', requesterType: 'institution' }],
			[
				`received Q2 ${year}`,
				lead,
				{ view: 'all', from: new Date(Date.UTC(year, 3, 1)), to: new Date(Date.UTC(year, 5, 30)) },
			],
			[`reference contains ${fragment}`, lead, { view: 'all', reference: fragment }],
			['assigned to one counsellor', lead, { view: 'all', assigneeId: counsellor.id }],
			['counsellor, mine (by waiting)', counsellor, { view: 'mine' }],
			['counsellor, due', counsellor, { view: 'due' }],
			['due', lead, { view: 'due' }],
			['open, by waiting', lead, { view: 'open', sort: 'waiting' }],
			['all, by waiting', lead, { view: 'all', sort: 'waiting' }],
			['all, by due date', lead, { view: 'all', sort: 'due' }],
			['all, by due date, latest first', lead, { view: 'all', sort: 'due', dir: 'desc' }],
			['all, by waiting, page 200', lead, { view: 'all', sort: 'waiting', page: 200 }],
			['all, by status', lead, { view: 'all', sort: 'status' }],
		]
		const filters: InboxResult['filters'] = []
		const everything: number[] = []
		for (const [label, actor, filter] of checks) {
			const samples = await sample(() => listCases(actor, { page: 1, ...filter }), RUNS)
			everything.push(...samples)
			filters.push({ label, ...percentiles(samples) })
		}
		// The tabs' sizes, counted with every inbox page.
		for (const [label, actor] of [
			['queue sizes, lead', lead],
			['queue sizes, counsellor', counsellor],
		] as const) {
			const samples = await sample(() => countQueues(actor), RUNS)
			everything.push(...samples)
			filters.push({ label, ...percentiles(samples) })
		}
		return { baseline, filters, all: percentiles(everything), seedSeconds }
	} finally {
		await disconnectPrisma()
		await pool.end()
		await client.end()
	}
}

function actor(
	row: { id: string; email: string; displayName: string },
	role: StaffActor['role'],
): StaffActor {
	// listCases never decrypts, so the key need not open anything.
	return { ...row, role, sessionId: 'bench', privateKey: Buffer.alloc(32) }
}

async function seed(client: pg.Client) {
	const leads = await client.query<{ id: string; email: string; displayName: string }>(
		`SELECT "id", "email", "displayName" FROM "StaffUser" WHERE "role" = 'LEAD' ORDER BY "createdAt" LIMIT 1`,
	)
	if (!leads.rows[0]) throw new Error('the bench database has no lead: was the demo data seeded?')
	const lead = actor(leads.rows[0], 'LEAD')
	// The keys open nothing, so no password signs in: these accounts exist
	// only to have cases assigned to them.
	const counsellors = (
		await client.query<{ id: string; email: string; displayName: string }>(
			`INSERT INTO "StaffUser" ("id", "email", "displayName", "role", "publicKey",
				"wrappedPrivateKey", "keySalt", "keyMemoryKiB", "keyPasses", "keyParallelism", "updatedAt")
			SELECT gen_random_uuid()::text, 'beratung' || n || '@bench.example', 'Beratung ' || n,
				'COUNSELLOR', '\\x00'::bytea, '\\x00'::bytea, '\\x00'::bytea, 65536, 3, 1, now()
			FROM generate_series(1, $1::int) AS n
			RETURNING "id", "email", "displayName"`,
			[COUNSELLORS],
		)
	).rows.map((row) => actor(row, 'COUNSELLOR'))

	// The cases the intake measurement left (thousands, all new, all from
	// today) would make the new-cases view unlike any office's. The few the
	// soak opened stay: the audit log names them, and a case it names is
	// never deleted (nor can "Case" be truncated under the append-only log).
	await client.query(
		'DELETE FROM "Case" c WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."caseId" = c.id)',
	)
	// A fixed seed: every run draws the same cases, counted back from today.
	await client.query('SELECT setseed(0.2026)')
	await client.query(SEED_CASES, [
		CASES,
		AREAS_OF_LIFE,
		REQUESTER_TYPES,
		[...counsellors, lead].map((member) => member.id),
		DISCRIMINATION_FORMS,
		MOTIVES,
		ACTORS,
		WISHES,
		OUTCOMES,
	])
	await client.query(SEED_MESSAGES)
	// A table that grew over years has been vacuumed by autovacuum; right
	// after a bulk insert its visibility map is empty and every count would
	// read the heap.
	await client.query('VACUUM (ANALYZE) "Case"')
	await client.query('VACUUM (ANALYZE) "Message"')

	const { rows } = await client.query<{ fragment: string }>(
		'SELECT substr(reference, 6, 4) AS fragment FROM "Case" ORDER BY reference LIMIT 1 OFFSET $1',
		[CASES / 2],
	)
	return { lead, counsellors, fragment: rows[0]!.fragment }
}

/**
 * The suffix of a reference: a bijection of the row number onto the app's
 * five-character references (request.server.ts), so references are unique
 * and yet look random. 7919 is prime, hence coprime to 30^5.
 */
const REFERENCE_SUFFIX = [30 ** 4, 30 ** 3, 30 ** 2, 30, 1]
	.map((place) => `substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (x / ${place} % 30)::int + 1, 1)`)
	.join(' || ')

/**
 * CASES cases received over the last three years: recent ones new or in
 * progress, older ones closed (a tenth not discrimination); the reporter's
 * answers drawn from the taxonomy with the first entries the commonest; the
 * counsellor's classification mostly the same once past triage, and NULL
 * before, as the intake leaves it (Prisma writes NULL for an omitted list);
 * every case past triage assigned; encrypted fields of realistic size; of
 * the open cases, the new ones and some in progress waiting for an answer, and
 * some with a follow-up date, about a tenth of those due.
 */
const SEED_CASES = `
WITH lists AS (
	SELECT $2::text[] AS area_list, $3::text[] AS requester_list, $4::text[] AS staff_list,
		$5::text[] AS form_list, $6::text[] AS motive_list, $7::text[] AS actor_list,
		$8::text[] AS wish_list, $9::text[] AS outcome_list
)
INSERT INTO "Case" ("id", "reference", "status", "channel", "receivedOn", "closedAt",
	"reportedRequesterType", "reportedAreas", "reportedForms", "reportedMotives", "reportedActors",
	"reportedWishes", "requesterType", "areas", "forms", "motives", "actors", "outcome", "assignedToId",
	"narrative", "place", "contact", "followUpLookup", "waitingSince", "dueOn")
SELECT gen_random_uuid()::text,
	to_char("receivedOn", 'YYYY') || '-' || ${REFERENCE_SUFFIX},
	status::"CaseStatus",
	channel::"CaseChannel",
	"receivedOn",
	CASE WHEN status IN ('CLOSED', 'NOT_DISCRIMINATION')
		THEN least("receivedOn" + 1 + floor(power(r_open, 2) * 120)::int, current_date)::timestamp END,
	requester, reported_areas, forms, motives, actors, wishes,
	CASE WHEN status <> 'NEW' THEN coalesce(requester, requester_list[1]) END,
	CASE WHEN status = 'NEW' THEN NULL
		WHEN r_reclassify < 0.15 THEN ARRAY[area_list[1 + (area + 1) % cardinality(area_list)]]
		ELSE reported_areas END,
	CASE WHEN status <> 'NEW' THEN forms END,
	CASE WHEN status <> 'NEW' THEN motives END,
	CASE WHEN status <> 'NEW' THEN actors END,
	CASE WHEN status = 'CLOSED' THEN outcome_list[1 + floor(r_outcome * cardinality(outcome_list))::int] END,
	CASE WHEN status <> 'NEW' THEN staff_list[1 + i % cardinality(staff_list)] END,
	decode(repeat(md5(i::text), 20 + floor(r_length * 80)::int), 'hex'),
	decode(repeat(md5('place' || i), 3), 'hex'),
	CASE WHEN channel = 'WEB_WITH_CONTACT' THEN decode(repeat(md5('contact' || i), 6), 'hex') END,
	decode(md5('lookup' || i) || md5('code' || i), 'hex'),
	CASE WHEN status = 'NEW' THEN "receivedOn"
		WHEN status = 'IN_PROGRESS' AND r_wait < 0.4
			THEN least("receivedOn" + floor(r_wait * 100)::int, current_date) END,
	CASE WHEN status IN ('NEW', 'IN_PROGRESS') AND r_due < 0.3
		THEN current_date - 14 + floor(r_due * 150)::int END
FROM (
	SELECT *,
		current_date - age AS "receivedOn",
		CASE WHEN age < 45 AND r_status < 0.35 THEN 'NEW'
			WHEN age < 120 AND r_status < 0.6 THEN 'IN_PROGRESS'
			WHEN r_status < 0.9 THEN 'CLOSED'
			ELSE 'NOT_DISCRIMINATION' END AS status,
		CASE WHEN r_channel < 0.6 THEN 'WEB_WITH_CONTACT' ELSE 'WEB_ANONYMOUS' END AS channel,
		requester_list[width_bucket(r_requester, ARRAY[0.05, 0.65, 0.8, 0.9, 0.96]::float8[])]
			AS requester,
		(ARRAY[area_list[1 + area], area_list[1 + (area + 5) % cardinality(area_list)],
			area_list[1 + (area + 11) % cardinality(area_list)]])[1:1 + floor(power(r_count, 2) * 3)::int]
			AS reported_areas,
		ARRAY[form_list[1 + floor(power(r_form, 2) * cardinality(form_list))::int]] AS forms,
		ARRAY[motive_list[1 + floor(power(r_motive, 2) * cardinality(motive_list))::int]] AS motives,
		ARRAY[actor_list[1 + floor(r_actor * cardinality(actor_list))::int]] AS actors,
		ARRAY[wish_list[1 + floor(r_wish * cardinality(wish_list))::int]] AS wishes
	FROM (
		SELECT lists.*, i, (i::bigint * 7919 + 104729) % ${30 ** 5} AS x,
			floor(random() * 1095)::int AS age,
			floor(power(random(), 2) * cardinality(area_list))::int AS area,
			random() AS r_status, random() AS r_channel, random() AS r_requester,
			random() AS r_count, random() AS r_form, random() AS r_motive, random() AS r_actor,
			random() AS r_wish, random() AS r_reclassify, random() AS r_open, random() AS r_length,
			random() AS r_outcome, random() AS r_wait, random() AS r_due
		FROM generate_series(0, $1::int - 1) AS i, lists
	) AS drawn
) AS cases`

/**
 * One to four messages in every open case (drawn from its id), the reporter's
 * and staff's in turn, a day apart: what the inbox counts as unread for whoever
 * has not opened the case.
 */
const SEED_MESSAGES = `
INSERT INTO "Message" ("id", "caseId", "author", "staffUserId", "body", "sentOn", "position")
SELECT gen_random_uuid()::text, c.id,
	CASE WHEN n % 2 = 1 THEN 'REPORTER' ELSE 'STAFF' END::"MessageAuthor",
	CASE WHEN n % 2 = 0 THEN c."assignedToId" END,
	decode(repeat(md5(c.id || n), 8), 'hex'),
	least(c."receivedOn" + n, current_date),
	n
FROM "Case" c
CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(c.id)) % 4) AS n
WHERE c.status IN ('NEW', 'IN_PROGRESS') AND (n % 2 = 1 OR c."assignedToId" IS NOT NULL)
	-- The few cases the soak left keep their own.
	AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."caseId" = c.id)`
