// What a database reader learns of a request from its clear columns
// (review finding P-1, docs/data-protection.md): after a request with
// files, a reporter's message with a file and an open follow-up session,
// no row of the case carries a time of day (the reporter session's idle
// deadline apart, to the minute) and no column, nor a ciphertext's length,
// carries a file's exact size.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { MIGRATIONS_DIR, readMigrationList } from '../../server/migrations.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest } from '~/features/intake/store-request.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { addReporterMessage } from '~/features/follow-up/follow-up.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { PADDING_BLOCK } from '~/features/attachments/content-padding'
import { readAttachment } from '~/features/cases/attachment-download.server'
import { requireCaseKey } from '~/features/cases/case-access.server'
import { openCase } from '~/features/cases/case-page.server'
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import { toBytes } from '~/platform/db.server'
import { createSignedInStaff } from '../support/staff'

/** AES-256-GCM's overhead on every ciphertext: version byte, nonce, tag. */
const CIPHERTEXT_OVERHEAD = 1 + 12 + 16

/**
 * The timestamp columns of the tables that hold a case: each is a staff
 * action (closing, an early deletion, a status change, a note) or the
 * reporter session's idle deadline. A new one fails here until
 * docs/data-protection.md says why it is needed.
 */
const TIMESTAMPS_OF_A_CASE = [
	'Case.closedAt',
	'Case.personalDataDeletedAt',
	'CaseStatusChange.at',
	'Note.createdAt',
	'ReporterSession.expiresAt',
]

const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
let lead: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	await client.connect()
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'lead')
})

afterAll(() => client.end())

type Column = { table: string; column: string; type: string }

/** Every column of every table that holds rows of a case (by "caseId", or the case itself). */
async function columnsOfACase(): Promise<Column[]> {
	const { rows } = await client.query<Column>(
		`SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type
		 FROM information_schema.columns c
		 WHERE c.table_schema = 'public' AND c.table_name <> 'AuditEvent' AND (c.table_name = 'Case'
		   OR c.table_name IN (SELECT table_name FROM information_schema.columns
		                       WHERE table_schema = 'public' AND column_name = 'caseId'))
		 ORDER BY 1, 2`,
	)
	return rows
}

test('a request, a reply with files and a follow-up session leave no time of day and no exact size', async () => {
	// Sizes no other number in the rows is likely to share.
	const sizes = [70_001, 3_217, 100_003]
	const file = (size: number) => ({
		name: `f${size}.txt`,
		mediaType: 'text/plain' as const,
		data: Buffer.alloc(size, 'a'),
	})
	const auditBefore = await prisma.auditEvent.count()
	const created = await createRequest(
		IntakeSchema.parse({
			narrative: 'A request with files',
			ageGroup: '26_40',
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[file(sizes[0]!), file(sizes[1]!)],
	)
	const token = (await openReporterSession(created.followUpCode))!
	await addReporterMessage((await getReporter(token))!, 'And one more file', [file(sizes[2]!)])
	const { id: caseId } = await prisma.case.findUniqueOrThrow({
		where: { reference: created.reference },
		select: { id: true },
	})

	const columns = await columnsOfACase()
	const timestamps = columns
		.filter((column) => column.type.startsWith('timestamp'))
		.map((column) => `${column.table}.${column.column}`)
	expect(timestamps).toEqual(TIMESTAMPS_OF_A_CASE)

	const byTable = new Map<string, Column[]>()
	for (const column of columns)
		byTable.set(column.table, [...(byTable.get(column.table) ?? []), column])
	const rowsFound: Record<string, number> = {}
	for (const [table, tableColumns] of byTable) {
		const key = table === 'Case' ? 'id' : 'caseId'
		const { rows } = await client.query<Record<string, unknown>>(
			`SELECT ${tableColumns
				.map(({ column, type }) =>
					type === 'bytea' ? `octet_length("${column}") AS "${column}"` : `"${column}"`,
				)
				.join(', ')} FROM "${table}" WHERE "${key}" = $1`,
			[caseId],
		)
		if (rows.length) rowsFound[table] = rows.length
		for (const row of rows) {
			for (const { column, type } of tableColumns) {
				const value = row[column]
				const where = `${table}.${column}`
				if (type.startsWith('timestamp')) {
					// Nothing the public did is timed; the session's deadline only to the minute.
					if (where === 'ReporterSession.expiresAt') {
						expect((value as Date).getTime() % 60_000, where).toBe(0)
					} else expect(value, where).toBeNull()
				}
				if (type === 'bytea' && value !== null) {
					const plaintext = Number(value) - CIPHERTEXT_OVERHEAD
					for (const size of sizes) expect(plaintext, where).not.toBe(size)
					if (where === 'Attachment.content') expect(plaintext % PADDING_BLOCK, where).toBe(0)
				}
				if (['integer', 'bigint', 'numeric'].includes(type)) {
					expect(sizes, where).not.toContain(Number(value))
				}
			}
		}
	}
	expect(rowsFound).toEqual({
		Attachment: 3,
		Case: 1,
		CaseKeyGrant: 3,
		Message: 1,
		ReporterSession: 1,
	})
	// The day of arrival and of the message, as the inbox and the pages show them.
	const stored = await prisma.case.findUniqueOrThrow({
		where: { id: caseId },
		select: {
			receivedOn: true,
			messages: { select: { sentOn: true, position: true } },
			attachments: { select: { position: true, messageId: true }, orderBy: { position: 'asc' } },
		},
	})
	expect(stored.messages).toEqual([{ sentOn: stored.receivedOn, position: 1 }])
	expect(stored.attachments.map((attachment) => attachment.position)).toEqual([1, 2, 3])
	expect(stored.attachments.map((attachment) => attachment.messageId !== null)).toEqual([
		false,
		false,
		true,
	])
	// What the public does is not audited, so the audit log's times say nothing of it.
	expect(await prisma.auditEvent.count()).toBe(auditBefore)
})

test('the answers neither the inbox nor the statistics need are ciphertext; the case page shows them', async () => {
	const answers = {
		incidentMonth: 3,
		incidentYear: 2026,
		ongoing: 'yes',
		forms: ['insult', 'threat'],
		motives: ['anti_black'],
		actors: ['neighbour'],
		wishes: ['counselling'],
		interpreterNeeded: 'yes',
	}
	const created = await createRequest(
		IntakeSchema.parse({
			narrative: 'Answers',
			areas: ['housing'],
			...answers,
			interpreterLanguage: 'Tigrinya',
			gender: 'man',
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[],
	)
	const stored = await prisma.case.findUniqueOrThrow({
		where: { reference: created.reference },
		select: {
			reportedAreas: true,
			reportedGender: true,
			reportedIncidentMonth: true,
			reportedIncidentYear: true,
			reportedOngoing: true,
			reportedForms: true,
			reportedMotives: true,
			reportedActors: true,
			reportedWishes: true,
			interpreterNeeded: true,
			reportedAnswers: true,
		},
	})
	const { reportedAnswers, ...clear } = stored
	expect(clear).toEqual({
		reportedAreas: ['housing'],
		reportedGender: 'man',
		reportedIncidentMonth: null,
		reportedIncidentYear: null,
		reportedOngoing: null,
		reportedForms: [],
		reportedMotives: [],
		reportedActors: [],
		reportedWishes: [],
		interpreterNeeded: null,
	})
	expect(Buffer.from(reportedAnswers!).toString('latin1')).not.toContain('anti_black')
	expect((await openCase(lead.actor, created.reference))?.reported).toMatchObject(answers)

	// A request stored before: its answers in the old clear columns.
	await prisma.case.update({
		where: { reference: created.reference },
		data: { reportedAnswers: null, reportedForms: ['gestures'], reportedOngoing: 'no' },
		select: { id: true },
	})
	expect((await openCase(lead.actor, created.reference))?.reported).toMatchObject({
		forms: ['gestures'],
		ongoing: 'no',
		motives: [],
	})
})

test('a file downloads as it was sent, padded or stored before the padding', async () => {
	const data = Buffer.from('The file as it was sent')
	const created = await createRequest(
		IntakeSchema.parse({
			narrative: 'Files',
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[{ name: 'new.txt', mediaType: 'text/plain', data }],
	)
	const stored = await prisma.case.findUniqueOrThrow({
		where: { reference: created.reference },
		select: { id: true, attachments: { select: { id: true } } },
	})
	const padded = await readAttachment(lead.actor, created.reference, stored.attachments[0]!.id)
	expect(padded).toMatchObject({ name: 'new.txt', content: data })

	// A file as the app stored it before the padding: unpadded, under its old field.
	const caseKey = await requireCaseKey(prisma, lead.actor, stored.id)
	const id = '00000000-0000-4000-8000-00000000000a'
	await prisma.attachment.create({
		data: {
			id,
			caseId: stored.id,
			mediaType: 'text/plain',
			position: 2,
			name: toBytes(encryptCaseField(caseKey, stored.id, `attachmentName:${id}`, 'old.txt')),
			content: toBytes(encryptCaseField(caseKey, stored.id, `attachment:${id}`, data)),
		},
		select: { id: true },
	})
	expect(await readAttachment(lead.actor, created.reference, id)).toMatchObject({
		name: 'old.txt',
		content: data,
	})
})

test('the migration turns the rows there are into days and places', async () => {
	const adminUrl = inject('postgresAdminUrl')
	const name = uniqueDatabaseName('clear_columns')
	const old = new pg.Client({ connectionString: await createDatabase(adminUrl, name) })
	await old.connect()
	try {
		const migrations = (await readMigrationList()).migrationDirectories.map((each) => each.path)
		const upgrade = migrations.findIndex((each) => each.endsWith('_clear_columns'))
		const sql = (directory: string) =>
			fs.readFile(path.join(MIGRATIONS_DIR, directory, 'migration.sql'), 'utf8')
		for (const directory of migrations.slice(0, upgrade)) await old.query(await sql(directory))

		await old.query(
			`INSERT INTO "Case" (id, reference, channel, "receivedOn") VALUES ('c', '2026-AAAAA', 'ANONYMOUS', '2026-03-02')`,
		)
		await old.query(
			`INSERT INTO "AuditEvent" (action, "caseId", "caseReference") VALUES ('case.read', 'c', '2026-AAAAA')`,
		)
		// Written out of order: the places follow the times.
		for (const [id, at] of [
			['m2', '2026-03-02 17:45:12.345'],
			['m1', '2026-03-02 09:03:00.001'],
			['m3', '2026-03-04 08:00:00'],
		]) {
			await old.query(
				`INSERT INTO "Message" (id, "caseId", author, body, "createdAt") VALUES ($1, 'c', 'REPORTER', '\\x00', $2)`,
				[id, at],
			)
		}
		await old.query(
			`INSERT INTO "Attachment" (id, "caseId", "messageId", "mediaType", "sizeBytes", name, content, "createdAt") VALUES
			 ('a2', 'c', 'm3', 'image/png', 70001, '\\x00', '\\x00', '2026-03-04 08:00:00'),
			 ('a1', 'c', NULL, 'image/png', 3217, '\\x00', '\\x00', '2026-03-02 09:00:00')`,
		)
		await old.query(
			`INSERT INTO "ReporterSession" (id, "caseId", "encryptedCaseKey", "lastSeenAt", "createdAt")
			 VALUES ('s', 'c', '\\x00', '2026-03-04 08:10:30.5', '2026-03-04 07:59:00')`,
		)

		await old.query(await sql(migrations[upgrade]!))

		const rows = async (query: string) => (await old.query(query)).rows
		expect(
			await rows(`SELECT id, "sentOn"::text AS day, position FROM "Message" ORDER BY position`),
		).toEqual([
			{ id: 'm1', day: '2026-03-02', position: 1 },
			{ id: 'm2', day: '2026-03-02', position: 2 },
			{ id: 'm3', day: '2026-03-04', position: 3 },
		])
		expect(await rows(`SELECT id, position FROM "Attachment" ORDER BY position`)).toEqual([
			{ id: 'a1', position: 1 },
			{ id: 'a2', position: 2 },
		])
		expect(await rows(`SELECT "expiresAt"::text AS at FROM "ReporterSession"`)).toEqual([
			{ at: '2026-03-04 08:41:00' },
		])
		expect(
			await rows(
				`SELECT table_name || '.' || column_name AS gone FROM information_schema.columns
				 WHERE table_schema = 'public' AND (column_name IN ('sizeBytes', 'lastSeenAt', 'updatedAt')
				   OR (column_name = 'createdAt' AND table_name IN ('Message', 'Attachment', 'ReporterSession', 'CaseKeyGrant', 'PendingGrant', 'CounsellingService')))
				   AND table_name IN ('Case', 'Message', 'Attachment', 'ReporterSession', 'CaseKeyGrant', 'PendingGrant', 'CounsellingService')`,
			),
		).toEqual([])
		// The audit entry no longer holds the case's row in place.
		await old.query(`DELETE FROM "Case" WHERE id = 'c'`)
		expect(await rows(`SELECT "caseReference" FROM "AuditEvent"`)).toEqual([
			{ caseReference: '2026-AAAAA' },
		])
	} finally {
		await old.end()
		await dropDatabase(adminUrl, name)
	}
})
