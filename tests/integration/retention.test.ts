// Retention deletes a case closed longer than the period, row and all, and
// nothing else: open cases and recently closed ones stay. What the deleted
// case counted stays in the statistics, as counts only; audit entries go
// once they are older than the period, and never younger than a year
// (docs/data-protection.md).
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { addReporterMessage } from '~/features/follow-up/follow-up.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { createRequest } from '~/features/intake/store-request.server'
import { runRetention } from '~/features/cases/retention.server'
import { openCase } from '~/features/cases/case-page.server'
import { addService, changeStatus, classifyCase } from '~/features/cases/case-record.server'
import { addNote, sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { deletePersonalDataEarly } from '~/features/cases/personal-data.server'
import { rawTablesOf } from '~/features/statistics/raw-tables.server'
import { reportYears } from '~/features/statistics/statistics.server'
import { createSignedInStaff } from '../support/staff'

const rawTables = async (year: number) => (await rawTablesOf([year])).get(year)!

const DAY = 86_400_000

const client = new pg.Client({ connectionString: process.env.DATABASE_URL })

async function request(narrative: string) {
	const intake = IntakeSchema.parse({
		narrative,
		areas: ['housing'],
		forms: ['insult'],
		motives: ['xenophobia'],
		ageGroup: '26_40',
		gender: 'woman',
		nationalityGroup: 'other',
		residenceStatus: 'permit_b',
		responseWish: 'ANSWER',
		contactMode: 'contact',
		contactEmail: 'person@example.ch',
		consent: 'yes',
	})
	const created = await createRequest(intake, [
		{ name: 'a.txt', mediaType: 'text/plain', data: Buffer.from('A file') },
	])
	const reporter = await getReporter((await openReporterSession(created.followUpCode))!)
	await addReporterMessage(reporter!, 'A message', [
		{ name: 'b.txt', mediaType: 'text/plain', data: Buffer.from('Another file') },
	])
	return created.reference
}

/** The case worked as an office would, then closed `daysAgo`. */
async function workAndClose(reference: string, daysAgo: number, status = 'CLOSED' as const) {
	await classifyCase(lead.actor, reference, {
		requesterType: 'affected',
		areas: ['housing'],
		forms: ['insult'],
		motives: ['xenophobia'],
		actors: ['landlord'],
	})
	await addService(lead.actor, reference, {
		type: 'psychosocial',
		providedOn: new Date(Date.UTC(new Date().getUTCFullYear(), 4, 17)),
		minutes: 45,
	})
	await addNote(lead.actor, reference, 'A note')
	await sendMessageToReporter(lead.actor, reference, 'An answer')
	await changeStatus(lead.actor, reference, status, status === 'CLOSED' ? 'resolved' : null)
	await prisma.case.update({
		where: { reference },
		data: { closedAt: new Date(Date.now() - daysAgo * DAY) },
		select: { id: true },
	})
}

/** Every row that names the case by its id, table by table (the audit log apart). */
async function rowsNaming(caseId: string) {
	const { rows: tables } = await client.query<{ table: string; column: string }>(
		`SELECT table_name AS table, column_name AS column FROM information_schema.columns
		 WHERE table_schema = 'public' AND (column_name = 'caseId' OR (table_name = 'Case' AND column_name = 'id'))
		   AND table_name <> 'AuditEvent'`,
	)
	const found: Record<string, number> = {}
	for (const { table, column } of tables) {
		const { rows } = await client.query<{ n: string }>(
			`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1`,
			[caseId],
		)
		if (Number(rows[0]!.n)) found[table] = Number(rows[0]!.n)
	}
	return found
}

let lead: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	await client.connect()
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'lead')
})

afterAll(() => client.end())

test('a case closed longer than the period is deleted, row and all; only its counts stay', async () => {
	const old = await request('Closed three years ago')
	const recent = await request('Closed last month')
	const open = await request('Still open')
	await workAndClose(old, 3 * 365)
	await workAndClose(recent, 30)
	const oldId = (await prisma.case.findUniqueOrThrow({ where: { reference: old } })).id
	expect(Object.keys(await rowsNaming(oldId)).sort()).toEqual([
		'Attachment',
		'Case',
		'CaseKeyGrant',
		'CaseStatusChange',
		'CounsellingService',
		'Message',
		'Note',
		'ReporterSession',
	])
	const year = new Date().getUTCFullYear()
	const statisticsBefore = await rawTables(year)

	const { deleted } = await runRetention()
	expect(deleted).toEqual([old])

	// Nothing of the case is left but its counts: no row names it any more.
	expect(await rowsNaming(oldId)).toEqual({})
	expect(await prisma.case.count({ where: { reference: old } })).toBe(0)
	// The statistics count it as before, from the deleted cases' tallies.
	expect(await rawTables(year)).toEqual(statisticsBefore)
	expect(await reportYears()).toContain(year)
	const counted = await prisma.deletedCaseTally.findMany({
		where: { year, dimension: { in: ['ageGroup', 'motives'] } },
		select: { dimension: true, key: true, count: true },
		orderBy: { dimension: 'asc' },
	})
	expect(counted).toEqual([
		{ dimension: 'ageGroup', key: '26_40', count: 1 },
		{ dimension: 'motives', key: 'xenophobia', count: 1 },
	])
	// Its service stays for the statistics, without the case or the counsellor, in its quarter.
	const services = await prisma.counsellingService.findMany({
		where: { caseId: null },
		select: { staffUserId: true, providedOn: true, type: true, minutes: true },
	})
	expect(services).toEqual([
		{
			staffUserId: null,
			providedOn: new Date(Date.UTC(year, 3, 1)),
			type: 'psychosocial',
			minutes: 45,
		},
	])

	// The others keep everything.
	for (const kept of [recent, open]) {
		const view = await openCase(lead.actor, kept)
		expect(view?.narrative).not.toBeNull()
		expect(view?.messages.length).toBeGreaterThan(0)
	}

	// The audit log says which case went, and why.
	const audited = await prisma.auditEvent.findMany({
		where: { action: 'case.deleted', caseReference: old },
		select: { caseId: true, detail: true },
	})
	expect(audited).toEqual([{ caseId: oldId, detail: { reason: 'retention', months: 24 } }])

	// A second run finds nothing more to do.
	expect((await runRetention()).deleted).toEqual([])
})

test('a case deleted early on request is deleted for good once closed long enough', async () => {
	const reference = await request('Deleted on request, then closed')
	await deletePersonalDataEarly(lead.actor, reference)
	await prisma.case.update({
		where: { reference },
		data: { status: 'NOT_DISCRIMINATION', closedAt: new Date(Date.now() - 3 * 365 * DAY) },
		select: { id: true },
	})
	expect((await runRetention()).deleted).toEqual([reference])
	expect(await prisma.case.count({ where: { reference } })).toBe(0)
})

test('audit entries go once older than the period, and never younger than a year', async () => {
	const entry = async (monthsAgo: number) => {
		const { rows } = await client.query<{ id: string }>(
			`INSERT INTO "AuditEvent" (action, at) VALUES ('login', (now() AT TIME ZONE 'UTC') - $1 * interval '30 days') RETURNING id`,
			[monthsAgo],
		)
		return rows[0]!.id
	}
	const exists = async (id: string) =>
		(await prisma.auditEvent.count({ where: { id: BigInt(id) } })) === 1
	const olderThanThePeriod = await entry(25)
	const olderThanAYear = await entry(13)
	const young = await entry(6)

	const first = await runRetention()
	expect(first.auditEntriesDeleted).toBe(1)
	expect(await exists(olderThanThePeriod)).toBe(false)
	expect(await exists(olderThanAYear)).toBe(true)

	// A period shorter than a year still keeps a year of the log.
	await prisma.officeSettings.upsert({
		where: { id: 1 },
		create: { id: 1, officeName: 'Test', retentionMonths: 3 },
		update: { retentionMonths: 3 },
		select: { id: true },
	})
	await runRetention()
	expect(await exists(olderThanAYear)).toBe(false)
	expect(await exists(young)).toBe(true)

	// The database refuses the rest, whoever asks.
	await expect(client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [young])).rejects.toThrow(
		/append-only/,
	)
	const old = await entry(14)
	await expect(
		client.query(`UPDATE "AuditEvent" SET action = 'x' WHERE id = $1`, [old]),
	).rejects.toThrow(/append-only/)
})

test('the audit log cannot be changed or emptied, even with SQL', async () => {
	await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x'`).rejects.toThrow()
	await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow()
	await expect(prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow()
})
