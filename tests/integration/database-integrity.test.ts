// What the database itself refuses, whatever code or script writes to it
// (migration "integrity"): a value outside its choice list, a reference to
// nothing, a second grant for the same holder, a row the audit log names
// being deleted. The choice lists in the CHECK constraints are compared
// with app/platform/taxonomy.ts, so a list cannot grow in one place only.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import {
	ACTIVITY_AUDIENCES,
	ACTIVITY_KINDS,
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	CASE_CHANNELS,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	ONGOING,
	OUTCOMES,
	PREFER_NOT_TO_SAY,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	SERVICE_TYPES,
	WISHES,
} from '~/platform/taxonomy'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import { addNote } from '~/features/cases/notes-and-messages.server'
import { assignCase } from '~/features/cases/assignment.server'
import { createSignedInStaff } from '../support/staff'

const reported = (values: readonly string[]) => [...values, PREFER_NOT_TO_SAY]

/** Every column stored in the clear from a choice list, and its list. */
const CHOICE_COLUMNS: Array<{
	table: string
	column: string
	values: readonly string[]
	list?: true
}> = [
	{ table: 'Case', column: 'reportedRequesterType', values: reported(REQUESTER_TYPES) },
	{ table: 'Case', column: 'reportedOngoing', values: reported(ONGOING) },
	{ table: 'Case', column: 'reportedAreas', list: true, values: reported(AREAS_OF_LIFE) },
	{ table: 'Case', column: 'reportedForms', list: true, values: reported(DISCRIMINATION_FORMS) },
	{ table: 'Case', column: 'reportedMotives', list: true, values: reported(MOTIVES) },
	{ table: 'Case', column: 'reportedActors', list: true, values: reported(ACTORS) },
	{ table: 'Case', column: 'reportedAgeGroup', values: reported(AGE_GROUPS) },
	{ table: 'Case', column: 'reportedGender', values: reported(GENDERS) },
	{ table: 'Case', column: 'reportedNationality', values: reported(NATIONALITY_GROUPS) },
	{ table: 'Case', column: 'reportedResidence', values: reported(RESIDENCE_STATUSES) },
	{ table: 'Case', column: 'reportedWishes', list: true, values: reported(WISHES) },
	{ table: 'Case', column: 'interpreterNeeded', values: reported(['yes', 'no']) },
	{ table: 'Case', column: 'requesterType', values: REQUESTER_TYPES },
	{ table: 'Case', column: 'areas', list: true, values: AREAS_OF_LIFE },
	{ table: 'Case', column: 'forms', list: true, values: DISCRIMINATION_FORMS },
	{ table: 'Case', column: 'motives', list: true, values: MOTIVES },
	{ table: 'Case', column: 'actors', list: true, values: ACTORS },
	{ table: 'Case', column: 'outcome', values: OUTCOMES },
	{
		table: 'Case',
		column: 'personalDataDeletion',
		values: ['retention', 'on_request', 'withdrawn'],
	},
	{ table: 'CounsellingService', column: 'type', values: SERVICE_TYPES },
	{ table: 'Activity', column: 'kind', values: ACTIVITY_KINDS },
	{ table: 'Activity', column: 'audience', values: ACTIVITY_AUDIENCES },
]

let client: pg.Client
let caseId: string
let reference: string
let lead: Awaited<ReturnType<typeof createSignedInStaff>>
let counsellor: Awaited<ReturnType<typeof createSignedInStaff>>

/** The SQLSTATE PostgreSQL refuses the statement with, or null when it runs. */
async function refusal(sql: string, values: unknown[] = []): Promise<string | null> {
	try {
		await client.query(sql, values)
		return null
	} catch (error) {
		return (error as { code?: string }).code ?? 'unknown'
	}
}

const CHECK_VIOLATION = '23514'
const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'
const RESTRICT_VIOLATION = '23001'

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'integrity-lead')
	counsellor = await createSignedInStaff('COUNSELLOR', 'integrity-counsellor')
	const created = await createRequest(
		IntakeSchema.parse({
			narrative: 'Integrity test',
			areas: ['work'],
			ageGroup: PREFER_NOT_TO_SAY,
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[],
	)
	reference = created.reference
	caseId = (await prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
	client = new pg.Client({ connectionString: process.env.DATABASE_URL })
	await client.connect()
})

afterAll(async () => {
	await client?.end()
})

describe('choice lists', () => {
	test('each CHECK constraint allows exactly its list of app/platform/taxonomy.ts', async () => {
		const { rows } = await client.query<{ table: string; name: string; definition: string }>(
			`SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
			 FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`,
		)
		for (const { table, column, values } of CHOICE_COLUMNS) {
			const constraint = rows.find(
				(row) => row.table === `"${table}"` && row.name === `${table}_${column}_check`,
			)
			expect(constraint, `${table}.${column} has no CHECK constraint`).toBeDefined()
			const allowed = [...constraint!.definition.matchAll(/'([^']*)'::text/g)].map((m) => m[1])
			expect(allowed.sort(), `${table}.${column}`).toEqual([...values].sort())
		}
	})

	test('the channel enum has exactly the channels of app/platform/taxonomy.ts, in their order', async () => {
		const { rows } = await client.query<{ label: string }>(
			`SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = '"CaseChannel"'::regtype ORDER BY enumsortorder`,
		)
		expect(rows.map((row) => row.label)).toEqual([...CASE_CHANNELS])
	})

	test('a value outside its list is refused, alone or among allowed ones; each in it passes', async () => {
		const update = (column: string, value: unknown, also = '') =>
			refusal(`UPDATE "Case" SET "${column}" = $1${also} WHERE id = $2`, [value, caseId])
		for (const { table, column, values, list } of CHOICE_COLUMNS) {
			const bad = list ? [values[0], 'not_in_the_list'] : 'not_in_the_list'
			if (table === 'CounsellingService') {
				const service = (type: unknown) =>
					refusal(
						`INSERT INTO "CounsellingService" (id, "caseId", type, "providedOn", minutes)
						 VALUES (gen_random_uuid()::text, $1, $2, current_date, 30)`,
						[caseId, type],
					)
				expect(await service(bad), `${column} = ${String(bad)}`).toBe(CHECK_VIOLATION)
				for (const value of values) expect(await service(value), value).toBeNull()
				continue
			}
			if (table === 'Activity') {
				const activity = (value: unknown) =>
					refusal(
						`INSERT INTO "Activity" (id, "heldOn", kind, audience, minutes, "recordedById")
						 VALUES (gen_random_uuid()::text, current_date, $1, $2, 60, $3)`,
						column === 'kind'
							? [value, 'public', counsellor.user.id]
							: ['training', value, counsellor.user.id],
					)
				expect(await activity(bad), `${column} = ${String(bad)}`).toBe(CHECK_VIOLATION)
				for (const value of values) expect(await activity(value), value).toBeNull()
				continue
			}
			// A reason of deletion comes with its date (a constraint of its own).
			const also = column === 'personalDataDeletion' ? ', "personalDataDeletedAt" = now()' : ''
			expect(await update(column, bad, also), `${column} = ${JSON.stringify(bad)}`).toBe(
				CHECK_VIOLATION,
			)
			if (list) expect(await update(column, values), column).toBeNull()
			else for (const value of values) expect(await update(column, value, also), value).toBeNull()
		}
		// A NULL inside a list is no value of it either.
		expect(await update('areas', [null])).toBe(CHECK_VIOLATION)
		// The case keeps its personal data for the tests below.
		expect(
			await update('personalDataDeletion', null, ', "personalDataDeletedAt" = NULL'),
		).toBeNull()
	})

	test('the app, going through Prisma, meets the same refusal', async () => {
		await expect(
			prisma.case.update({
				where: { id: caseId },
				data: { outcome: 'made_up' },
				select: { id: true },
			}),
		).rejects.toThrow()
		expect(
			(await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { outcome: true } }))
				.outcome,
		).not.toBe('made_up')
	})

	test('ranges the forms allow: month, minutes, participants, settings, the single rows', async () => {
		expect(
			await refusal(`UPDATE "Case" SET "reportedIncidentMonth" = 13 WHERE id = $1`, [caseId]),
		).toBe(CHECK_VIOLATION)
		expect(
			await refusal(
				`INSERT INTO "CounsellingService" (id, "caseId", type, "providedOn", minutes)
				 VALUES (gen_random_uuid()::text, $1, 'information', current_date, 0)`,
				[caseId],
			),
		).toBe(CHECK_VIOLATION)
		expect(
			await refusal(
				`INSERT INTO "OfficeSettings" (id, "officeName", "retentionMonths", "updatedAt") VALUES (1, 'x', 0, now())
				 ON CONFLICT (id) DO UPDATE SET "retentionMonths" = 0`,
			),
		).toBe(CHECK_VIOLATION)
		expect(
			await refusal(`INSERT INTO "OfficeKeys" (id, "recoveryPublicKey") VALUES (2, '\\x00')`),
		).toBe(CHECK_VIOLATION)
		// An activity's participants are a count; its time is whole quarter hours, up to 100 hours.
		const activity = (participants: number | null, minutes: number) =>
			refusal(
				`INSERT INTO "Activity" (id, "heldOn", kind, audience, participants, minutes, "recordedById")
				 VALUES (gen_random_uuid()::text, current_date, 'training', 'public', $1, $2, $3)`,
				[participants, minutes, lead.user.id],
			)
		expect(await activity(-1, 60)).toBe(CHECK_VIOLATION)
		expect(await activity(10, 0)).toBe(CHECK_VIOLATION)
		expect(await activity(10, 50)).toBe(CHECK_VIOLATION)
		expect(await activity(10, 6015)).toBe(CHECK_VIOLATION)
		expect(await activity(null, 15)).toBeNull()
		expect(await activity(0, 6000)).toBeNull()
		// Deleted personal data always say why, and a reason always comes with its date.
		expect(
			await refusal(`UPDATE "Case" SET "personalDataDeletedAt" = now() WHERE id = $1`, [caseId]),
		).toBe(CHECK_VIOLATION)
	})
})

describe('key grants', () => {
	const grant = (holder: string, staffUserId: string | null) =>
		refusal(
			`INSERT INTO "CaseKeyGrant" (id, "caseId", holder, "staffUserId", "sealedKey")
			 VALUES (gen_random_uuid()::text, $1, $2, $3, '\\x00')`,
			[caseId, holder, staffUserId],
		)

	test('one RECOVERY and one REPORTER grant per case, though neither names a staff member', async () => {
		expect(await grant('RECOVERY', null)).toBe(UNIQUE_VIOLATION)
		expect(await grant('REPORTER', null)).toBe(UNIQUE_VIOLATION)
	})

	test('one grant per staff member and case', async () => {
		expect(await grant('STAFF', lead.user.id)).toBe(UNIQUE_VIOLATION)
	})

	test('a staff grant names its staff member, the others nobody', async () => {
		expect(await grant('STAFF', null)).toBe(CHECK_VIOLATION)
		expect(await grant('RECOVERY', counsellor.user.id)).toBe(CHECK_VIOLATION)
	})
})

describe('key requests and links', () => {
	const request = (fields: string, values: unknown[]) =>
		refusal(
			`INSERT INTO "KeyAccessRequest" (id, "staffUserId", role, reason, ${fields})
			 VALUES (gen_random_uuid()::text, $1, 'LEAD', ${values.map((_, i) => `$${i + 2}`).join(', ')})`,
			[counsellor.user.id, ...values],
		)

	test('a request is open without an outcome or decided with one; only the upgrade asks as nobody', async () => {
		expect(await request(`"requestedById"`, ['ROLE_CHANGE', null])).toBe(CHECK_VIOLATION)
		expect(
			await request(`"requestedById", "decidedAt"`, ['ROLE_CHANGE', lead.user.id, new Date()]),
		).toBe(CHECK_VIOLATION)
		// A refusal names who refused; only an approval (by the recovery key) may name nobody.
		expect(
			await request(`"requestedById", outcome, "decidedAt"`, [
				'ROLE_CHANGE',
				lead.user.id,
				'REFUSED',
				new Date(),
			]),
		).toBe(CHECK_VIOLATION)
		expect(
			await request(`"requestedById", outcome, "decidedAt"`, [
				'ROLE_CHANGE',
				lead.user.id,
				'APPROVED',
				new Date(),
			]),
		).toBeNull()
		// One open request per account.
		expect(await request(`"requestedById"`, ['ROLE_CHANGE', lead.user.id])).toBeNull()
		expect(await request(`"requestedById"`, ['ROLE_CHANGE', lead.user.id])).toBe(UNIQUE_VIOLATION)
	})

	test('a reset link names its account, an invitation none; one open link per address', async () => {
		const link = (kind: string, email: string, staffUserId: string | null) =>
			refusal(
				`INSERT INTO "Invitation" (id, "tokenHash", kind, email, "displayName", role, "staffUserId", "invitedById", "expiresAt")
				 VALUES (gen_random_uuid()::text, gen_random_uuid()::text::bytea, $1, $2, 'x', 'LEAD', $3, $4, now() + interval '1 day')`,
				[kind, email, staffUserId, lead.user.id],
			)
		expect(await link('PASSWORD_RESET', 'a@example.ch', null)).toBe(CHECK_VIOLATION)
		expect(await link('NEW_ACCOUNT', 'a@example.ch', counsellor.user.id)).toBe(CHECK_VIOLATION)
		expect(await link('NEW_ACCOUNT', 'a@example.ch', null)).toBeNull()
		expect(await link('NEW_ACCOUNT', 'a@example.ch', null)).toBe(UNIQUE_VIOLATION)
	})
})

describe('references', () => {
	test('every column that names a row of another table is a foreign key', async () => {
		const { rows } = await client.query<{ table: string; column: string }>(
			`SELECT c.table_name AS table, c.column_name AS column
			 FROM information_schema.columns c
			 WHERE c.table_schema = 'public' AND c.column_name ~ '.Id$'
			   AND NOT EXISTS (
			     SELECT 1 FROM pg_constraint k
			     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
			     WHERE k.contype = 'f' AND k.conrelid = format('%I', c.table_name)::regclass
			       AND a.attname = c.column_name)
			 ORDER BY 1, 2`,
		)
		// The one exception: an audit entry names its case (id and reference)
		// after retention has deleted the case's row (docs/data-protection.md).
		expect(rows).toEqual([{ table: 'AuditEvent', column: 'caseId' }])
	})

	test('a note, message or status change by an account that does not exist is refused', async () => {
		const nobody = '00000000-0000-4000-8000-000000000000'
		expect(
			await refusal(
				`INSERT INTO "Note" (id, "caseId", "staffUserId", body) VALUES (gen_random_uuid()::text, $1, $2, '\\x00')`,
				[caseId, nobody],
			),
		).toBe(FOREIGN_KEY_VIOLATION)
		expect(
			await refusal(
				`INSERT INTO "ApiToken" (id, name, "tokenHash", "createdById") VALUES (gen_random_uuid()::text, 'x', '\\x01', $1)`,
				[nobody],
			),
		).toBe(FOREIGN_KEY_VIOLATION)
		expect(
			await refusal(`INSERT INTO "AuditEvent" (action, "actorId") VALUES ('login', $1)`, [nobody]),
		).toBe(FOREIGN_KEY_VIOLATION)
	})

	test("an attachment's message belongs to the same case", async () => {
		const other = await createRequest(
			IntakeSchema.parse({
				narrative: 'Other case',
				responseWish: 'ANSWER',
				contactMode: 'anonymous',
				consent: 'yes',
			}),
			[],
		)
		const otherId = (
			await prisma.case.findUniqueOrThrow({
				where: { reference: other.reference },
				select: { id: true },
			})
		).id
		const { rows } = await client.query<{ id: string }>(
			`INSERT INTO "Message" (id, "caseId", author, body, "sentOn", position) VALUES (gen_random_uuid()::text, $1, 'REPORTER', '\\x00', current_date, 1) RETURNING id`,
			[otherId],
		)
		expect(
			await refusal(
				`INSERT INTO "Attachment" (id, "caseId", "messageId", "mediaType", position, name, content)
				 VALUES (gen_random_uuid()::text, $1, $2, 'image/png', 90, '\\x00', '\\x00')`,
				[caseId, rows[0]!.id],
			),
		).toBe(FOREIGN_KEY_VIOLATION)
		expect(
			await refusal(
				`INSERT INTO "Attachment" (id, "caseId", "messageId", "mediaType", position, name, content)
				 VALUES (gen_random_uuid()::text, $1, $2, 'image/png', 90, '\\x00', '\\x00')`,
				[otherId, rows[0]!.id],
			),
		).toBeNull()
		// A staff message names its author; a reporter's names nobody.
		expect(
			await refusal(
				`INSERT INTO "Message" (id, "caseId", author, "staffUserId", body, "sentOn", position) VALUES (gen_random_uuid()::text, $1, 'REPORTER', $2, '\\x00', current_date, 91)`,
				[caseId, lead.user.id],
			),
		).toBe(CHECK_VIOLATION)
	})

	test('an account that the record names cannot be deleted; a case can, and its entries stay', async () => {
		await assignCase(lead.actor, reference, counsellor.user.id)
		await addNote(counsellor.actor, reference, 'A note')
		// The audit log, the note and the assignment name the account:
		// accounts are deactivated, never deleted.
		expect(await refusal(`DELETE FROM "StaffUser" WHERE id = $1`, [counsellor.user.id])).toBe(
			RESTRICT_VIOLATION,
		)
		expect(await prisma.staffUser.count({ where: { id: counsellor.user.id } })).toBe(1)
		// Retention deletes a case's row; the audit entries that name it outlive it.
		const named = await prisma.auditEvent.count({ where: { caseId } })
		expect(named).toBeGreaterThan(0)
		expect(await refusal(`DELETE FROM "Case" WHERE id = $1`, [caseId])).toBeNull()
		expect(await prisma.auditEvent.count({ where: { caseId } })).toBe(named)
	})
})
