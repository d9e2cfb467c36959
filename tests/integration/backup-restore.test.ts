// A backup (server/backup.ts) restored into an empty database
// (server/restore.ts) is the same office: the same cases, accounts and
// statistics, and the keys that opened the cases before open them after,
// while nothing else does. The backup file itself holds none of the
// content: only ciphertext and wrapped keys (security-model.md, "Backups").
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync, gunzipSync } from 'node:zlib'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { decryptCaseText } from '~/platform/crypto/case-fields.server'
import { generateKeyPair, openSealed, type KeyPair } from '~/platform/crypto/key-pairs.server'
import { openPrivateKey } from '~/features/staff-admin/staff-user.server'
import { generateRecoveryKey, parseRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { PrismaClient } from '~/generated/prisma/client'
import { assignCase } from '~/features/cases/assignment.server'
import { addReporterMessage } from '~/features/follow-up/follow-up.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { createRequest } from '~/features/intake/store-request.server'
import { enqueueJob, QUEUES } from '~/features/notifications/job-queue.server'
import { backupDatabase, type BackupSummary } from '../../server/backup.ts'
import { readMigrationList } from '../../server/migrations.ts'
import { RestoreRefusedError, restoreDatabase } from '../../server/restore.ts'
import { tracesOf } from '../support/database-dump'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'
import { PASSWORD, createSignedInStaff } from '../support/staff'

const PHRASES = {
	narrative: 'Holunderblütensirup am Bahnhof Wil',
	otherNarrative: 'Zwetschgenwähe beim Vermieter',
	place: 'Appenzeller Hinterhof',
	name: 'Ottilie Brüggenmacher',
	email: 'ottilie.b@example.ch',
	fileName: 'Bergamotte-Beweisfoto.txt',
	fileContent: 'Bergamotte-Bildinhalt',
	message: 'Nachtrag: Rhabarberkuchen-Vorfall',
}

const adminUrl = inject('postgresAdminUrl')
const targetName = uniqueDatabaseName('restored')
let targetUrl: string
let restored: PrismaClient
let workDir: string
let dumpFile: string
let backup: BackupSummary
let restoredRows: Record<string, number>
let recoverySheet: string
const references: string[] = []
const followUpCodes: string[] = []

const intake = (overrides: Record<string, unknown>) =>
	IntakeSchema.parse({
		areas: ['work'],
		forms: ['insult'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
		...overrides,
	})

async function createOffice() {
	const recovery = generateRecoveryKey()
	recoverySheet = recovery.sheetText
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	const lead = await createSignedInStaff('LEAD', 'lead')
	const counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
	const requests = [
		await createRequest(
			intake({
				narrative: PHRASES.narrative,
				place: PHRASES.place,
				responseWish: 'ANSWER',
				contactMode: 'contact',
				contactName: PHRASES.name,
				contactEmail: PHRASES.email,
			}),
			[
				{
					name: PHRASES.fileName,
					mediaType: 'text/plain',
					data: Buffer.from(PHRASES.fileContent),
				},
			],
		),
		await createRequest(intake({ narrative: PHRASES.otherNarrative, areas: ['housing'] }), []),
		await createRequest(intake({ narrative: 'Ein dritter Fall' }), []),
	]
	references.push(...requests.map((request) => request.reference))
	followUpCodes.push(...requests.map((request) => request.followUpCode))
	const reporter = await getReporter((await openReporterSession(requests[0]!.followUpCode))!)
	await addReporterMessage(reporter!, PHRASES.message, [])
	await assignCase(lead.actor, references[0]!, counsellor.user.id)
	// A notice waiting for its mail (the queue is filled only with SMTP configured).
	await prisma.$transaction((tx) =>
		enqueueJob(tx, QUEUES.staffNotice, { staffUserId: counsellor.user.id }),
	)
}

beforeAll(async () => {
	await createOffice()
	workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'anlaufstelle-backup-'))
	dumpFile = path.join(workDir, 'backups', 'office.dump.gz')
	backup = await backupDatabase(process.env.DATABASE_URL!, dumpFile)
	targetUrl = await createDatabase(adminUrl, targetName)
	restoredRows = (await restoreDatabase(targetUrl, dumpFile)).rows
	restored = new PrismaClient({ adapter: new PrismaPg({ connectionString: targetUrl }) })
})

afterAll(async () => {
	await restored?.$disconnect()
	await dropDatabase(adminUrl, targetName)
	if (workDir) await fs.rm(workDir, { recursive: true, force: true })
})

async function staffKeyPair(db: PrismaClient, email: string, password: string): Promise<KeyPair> {
	const account = await db.staffUser.findUniqueOrThrow({ where: { email } })
	const privateKey = await openPrivateKey(account, password)
	if (!privateKey) throw new Error(`the password does not open the key of ${email}`)
	return { publicKey: Buffer.from(account.publicKey), privateKey }
}

/** What a key pair opens of a case: its narrative, messages and file names; null for nothing. */
async function readCase(db: PrismaClient, reference: string, keyPair: KeyPair) {
	const found = await db.case.findUniqueOrThrow({
		where: { reference },
		select: {
			id: true,
			narrative: true,
			grants: { select: { sealedKey: true } },
			messages: { select: { id: true, body: true } },
			attachments: { select: { id: true, name: true } },
		},
	})
	const caseKey = found.grants.map((grant) => openSealed(grant.sealedKey, keyPair)).find(Boolean)
	if (!caseKey) return null
	const text = (field: Parameters<typeof decryptCaseText>[2], sealed: Uint8Array) =>
		decryptCaseText(caseKey, found.id, field, sealed)
	return {
		narrative: text('narrative', found.narrative!),
		messages: found.messages.map((message) => text(`message:${message.id}`, message.body)),
		fileNames: found.attachments.map((file) => text(`attachmentName:${file.id}`, file.name)),
	}
}

async function staffAndCases(url: string): Promise<number> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ count: number }>(
			`SELECT ((SELECT count(*) FROM "StaffUser") + (SELECT count(*) FROM "Case"))::int AS count`,
		)
		return rows[0]!.count
	} finally {
		await client.end()
	}
}

describe('the backup file', () => {
	test('is readable by its owner only and names the migrations it was made with', async () => {
		expect((await fs.stat(dumpFile)).mode & 0o777).toBe(0o600)
		const [header] = gunzipSync(await fs.readFile(dumpFile))
			.toString('utf8')
			.split('\n')
		const appMigrations = (await readMigrationList()).migrationDirectories.map((m) => m.path)
		expect(JSON.parse(header!)).toMatchObject({
			format: 'anlaufstelle-dump',
			version: 1,
			migrations: appMigrations,
		})
	})

	test('holds no narrative, contact, message, file, follow-up code or key in the clear', async () => {
		const text = gunzipSync(await fs.readFile(dumpFile)).toString('utf8')
		// It is a real copy: the references and every table are in it.
		for (const reference of references) expect(text).toContain(reference)
		expect(backup.rows).toMatchObject({ Case: 3, CaseKeyGrant: 10, Message: 1, Attachment: 1 })
		expect(backup.rows).not.toHaveProperty('CaseTally')
		const secrets = [
			...Object.values(PHRASES),
			...followUpCodes.map((code) => code.replaceAll('-', '')),
			recoverySheet.replaceAll('-', ''),
			PASSWORD,
		]
		for (const secret of secrets) {
			for (const trace of tracesOf(secret)) expect(text).not.toContain(trace)
		}
	})
})

describe('the restored database', () => {
	test('holds every row of the backup, the same cases and the same accounts', async () => {
		expect(restoredRows).toEqual(
			Object.fromEntries(Object.entries(backup.rows).filter(([, count]) => count > 0)),
		)
		const cases = (db: PrismaClient) =>
			db.case.findMany({
				orderBy: { reference: 'asc' },
				select: { id: true, reference: true, status: true, assignedToId: true, receivedOn: true },
			})
		expect(await cases(restored)).toEqual(await cases(prisma))
		expect((await cases(restored)).map((c) => c.status).sort()).toEqual([
			'IN_PROGRESS',
			'NEW',
			'NEW',
		])
		const staff = (db: PrismaClient) =>
			db.staffUser.findMany({
				orderBy: { email: 'asc' },
				select: {
					id: true,
					email: true,
					role: true,
					publicKey: true,
					wrappedPrivateKey: true,
					keyMemoryKiB: true,
				},
			})
		expect(await staff(restored)).toEqual(await staff(prisma))
	})

	test("opens with the lead's and the counsellor's passwords and with the recovery key", async () => {
		const lead = await staffKeyPair(restored, 'lead@example.ch', PASSWORD)
		expect(await readCase(restored, references[0]!, lead)).toEqual({
			narrative: PHRASES.narrative,
			messages: [PHRASES.message],
			fileNames: [PHRASES.fileName],
		})
		expect((await readCase(restored, references[1]!, lead))?.narrative).toBe(PHRASES.otherNarrative)
		const counsellor = await staffKeyPair(restored, 'counsellor@example.ch', PASSWORD)
		expect((await readCase(restored, references[0]!, counsellor))?.narrative).toBe(
			PHRASES.narrative,
		)
		expect(await readCase(restored, references[1]!, counsellor)).toBeNull()
		const recovery = parseRecoveryKey(recoverySheet)!
		const opened = await Promise.all(
			references.map((reference) => readCase(restored, reference, recovery)),
		)
		expect(opened.map((found) => found?.narrative)).toEqual([
			PHRASES.narrative,
			PHRASES.otherNarrative,
			'Ein dritter Fall',
		])
	})

	test('opens for nothing else: a wrong password fails, another key opens no case', async () => {
		const account = await restored.staffUser.findUniqueOrThrow({
			where: { email: 'lead@example.ch' },
		})
		expect(await openPrivateKey(account, 'not the password')).toBeNull()
		const stranger = generateKeyPair()
		for (const reference of references) {
			expect(await readCase(restored, reference, stranger)).toBeNull()
		}
	})

	test("rebuilds the statistics' tallies from the cases", async () => {
		// Rows an update brought down to zero stay in the source; the rebuild
		// from the cases has none.
		const tallies = (db: PrismaClient) =>
			db.caseTally.findMany({
				where: { count: { not: 0 } },
				orderBy: [{ year: 'asc' }, { quarter: 'asc' }, { dimension: 'asc' }, { key: 'asc' }],
			})
		const source = await tallies(prisma)
		expect(source.length).toBeGreaterThan(0)
		expect(await tallies(restored)).toEqual(source)
	})

	test('has the mail queue installed and empty: waiting notices are not backed up', async () => {
		expect(Object.keys(backup.rows).filter((table) => /job|archive|queue/.test(table))).toEqual([])
		const queue = (db: PrismaClient) =>
			db.$queryRaw<Array<{ name: string; jobs: number }>>`
				SELECT q.name, (SELECT count(*)::int FROM pgboss.job j WHERE j.name = q.name) AS jobs
				FROM pgboss.queue q WHERE q.name NOT LIKE '\_\_pgboss%' ORDER BY q.name`
		expect(await queue(prisma)).toContainEqual({ name: 'staff-notice', jobs: 1 })
		expect(await queue(restored)).toEqual([
			{ name: 'notice-digest', jobs: 0 },
			{ name: 'reporter-notice', jobs: 0 },
			{ name: 'staff-notice', jobs: 0 },
		])
	})

	test('continues the audit log after its restored entries', async () => {
		const last = await restored.auditEvent.aggregate({ _max: { id: true } })
		expect(last._max.id).toBe((await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id)
		const next = await restored.auditEvent.create({ data: { action: 'login' } })
		expect(next.id).toBeGreaterThan(last._max.id!)
	})
})

describe('a restore is refused', () => {
	test('into a database that holds staff or cases, which it leaves alone', async () => {
		const before = await restored.case.count()
		await expect(restoreDatabase(targetUrl, dumpFile)).rejects.toThrow(RestoreRefusedError)
		await expect(restoreDatabase(targetUrl, dumpFile)).rejects.toThrow(/empty database/)
		expect(await restored.case.count()).toBe(before)
	})

	test('halfway through a damaged file, which leaves the database empty', async () => {
		const name = uniqueDatabaseName('damaged')
		const url = await createDatabase(adminUrl, name)
		try {
			const whole = await fs.readFile(dumpFile)
			const damaged = path.join(workDir, 'damaged.dump.gz')
			await fs.writeFile(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)))
			await expect(restoreDatabase(url, damaged)).rejects.toThrow(/unexpected end of file/)
			expect(await staffAndCases(url)).toBe(0)
			expect((await restoreDatabase(url, dumpFile)).rows).toEqual(restoredRows)
		} finally {
			await dropDatabase(adminUrl, name)
		}
	})

	test('for a backup made by another version of the app, or for another file', async () => {
		const write = async (name: string, lines: unknown[]) => {
			const file = path.join(workDir, name)
			await fs.writeFile(file, gzipSync(lines.map((line) => JSON.stringify(line)).join('\n')))
			return file
		}
		const newer = await write('newer.dump.gz', [
			{ format: 'anlaufstelle-dump', version: 1, migrations: ['29991231000000_from_the_future'] },
		])
		await expect(restoreDatabase(targetUrl, newer)).rejects.toThrow(/another version of the app/)
		const other = await write('other.dump.gz', [{ hello: 'world' }])
		await expect(restoreDatabase(targetUrl, other)).rejects.toThrow(/not a backup/)
	})
})
