// The reporter withdraws their request on /follow-up (decision 0022): its
// content is gone from the database at once, the case stays as its
// statistical record (closed as withdrawn), the audit log says so without
// content, and the code opens nothing any more.
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { addReporterMessage } from '~/features/follow-up/follow-up.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import {
	getReporter,
	openReporterSession,
	type ReporterSessionToken,
} from '~/features/follow-up/reporter-session.server'
import { withdrawRequest } from '~/features/follow-up/withdrawal.server'
import { createRequest } from '~/features/intake/store-request.server'
import { openCase } from '~/features/cases/case-page.server'
import { assignCase } from '~/features/cases/assignment.server'
import { CaseWithdrawnError, changeStatus, classifyCase } from '~/features/cases/case-record.server'
import { addNote, sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { listCases } from '~/features/cases/inbox.server'
import { rawTablesOf } from '~/features/statistics/raw-tables.server'
import * as followUpRoute from '~/routes/follow-up'
import { createSignedInStaff } from '../support/staff'

const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
const year = new Date().getUTCFullYear()

let lead: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	await client.connect()
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'withdrawal-lead')
})

afterAll(() => client.end())

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
	const token = (await openReporterSession(created.followUpCode))!
	await addReporterMessage((await getReporter(token))!, 'A message', [
		{ name: 'b.txt', mediaType: 'text/plain', data: Buffer.from('Another file') },
	])
	const { id } = await prisma.case.findUniqueOrThrow({
		where: { reference: created.reference },
		select: { id: true },
	})
	return { ...created, id, token }
}

const cookieOf = (token: ReporterSessionToken) =>
	`follow_up=${token.id}.${token.key.toString('base64url')}`

/** A post to /follow-up as the browser sends the form. */
async function post(fields: Record<string, string>, token: ReporterSessionToken | null) {
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
	if (token) headers.set('Cookie', cookieOf(token))
	const body = new URLSearchParams(fields).toString()
	try {
		return await followUpRoute.action({
			request: new Request('http://127.0.0.1/follow-up', { method: 'POST', headers, body }),
			params: {},
			context: { clientKey: Buffer.alloc(32, 7), cspNonce: 'test' },
		})
	} catch (thrown) {
		if (thrown instanceof Response) return thrown
		throw thrown
	}
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

const statusOutcome = async () =>
	(await rawTablesOf([year]))
		.get(year)!
		.find((table) => table.id === 'statusOutcome')!
		.rows.map((row) => [row.key, row.quarters.reduce((sum, count) => sum + count, 0)])

test('the person withdraws: the content is gone, the statistical record stays, the code opens nothing', async () => {
	const withdrawn = await request('Please delete this')
	const kept = await request('This one stays')
	await classifyCase(lead.actor, withdrawn.reference, {
		requesterType: 'affected',
		areas: ['housing'],
		forms: ['insult'],
		motives: ['xenophobia'],
		actors: ['landlord'],
	})
	await assignCase(lead.actor, withdrawn.reference, lead.actor.id)
	await addNote(lead.actor, withdrawn.reference, 'A note')
	await sendMessageToReporter(lead.actor, withdrawn.reference, 'An answer')
	expect(Object.keys(await rowsNaming(withdrawn.id))).toEqual(
		expect.arrayContaining(['Attachment', 'CaseKeyGrant', 'Message', 'Note', 'ReporterSession']),
	)
	const before = Object.fromEntries(await statusOutcome())

	// The first post only asks; nothing is deleted yet.
	const asked = await post({ intent: 'withdraw' }, withdrawn.token)
	expect(JSON.parse(JSON.stringify(asked))).toMatchObject({ data: { asking: true } })
	expect(await rowsNaming(withdrawn.id)).toHaveProperty('Message')

	// The confirmation withdraws, ends the session and clears the cookie.
	const done = (await post({ intent: 'withdraw', confirmed: 'yes' }, withdrawn.token)) as Response
	expect(done.status).toBe(302)
	expect(done.headers.get('Location')).toBe('/follow-up?withdrawn=1')
	expect(done.headers.get('Set-Cookie')).toMatch(/^follow_up=;/)

	// Only the case row and its history name the case.
	expect(Object.keys(await rowsNaming(withdrawn.id)).sort()).toEqual(['Case', 'CaseStatusChange'])
	const { rows } = await client.query(
		`SELECT narrative, place, "otherAnswers", contact, "interpreterLanguage", "reportedAnswers",
		        "followUpLookup", "dueReason", "complaintOffence", "waitingSince", "dueOn",
		        status, outcome, "personalDataDeletion", "reportedAgeGroup", "reportedGender",
		        areas, motives, "requesterType", channel, "receivedOn" IS NOT NULL AS received
		 FROM "Case" WHERE id = $1`,
		[withdrawn.id],
	)
	expect(rows[0]).toEqual({
		narrative: null,
		place: null,
		otherAnswers: null,
		contact: null,
		interpreterLanguage: null,
		reportedAnswers: null,
		followUpLookup: null,
		dueReason: null,
		complaintOffence: null,
		waitingSince: null,
		dueOn: null,
		status: 'CLOSED',
		outcome: 'withdrawn',
		personalDataDeletion: 'withdrawn',
		reportedAgeGroup: '26_40',
		reportedGender: 'woman',
		areas: ['housing'],
		motives: ['xenophobia'],
		requesterType: 'affected',
		channel: 'WEB_WITH_CONTACT',
		received: true,
	})
	// The history says the person closed it: no staff member.
	const history = await prisma.caseStatusChange.findMany({
		where: { caseId: withdrawn.id },
		orderBy: { at: 'desc' },
		select: { toStatus: true, staffUserId: true },
	})
	expect(history[0]).toEqual({ toStatus: 'CLOSED', staffUserId: null })

	// Still counted, now as closed and withdrawn.
	const after = Object.fromEntries(await statusOutcome())
	expect(after['CLOSED:withdrawn']).toBe((before['CLOSED:withdrawn'] ?? 0) + 1)
	const total = (counts: Record<string, number>) =>
		Object.values(counts).reduce((sum, count) => sum + count, 0)
	expect(total(after)).toBe(total(before))

	// One audit entry, by nobody on the staff, without any detail.
	const audited = await prisma.auditEvent.findMany({
		where: { action: 'case.withdrawn', caseId: withdrawn.id },
		select: { actorId: true, caseReference: true, detail: true },
	})
	expect(audited).toEqual([{ actorId: null, caseReference: withdrawn.reference, detail: null }])

	// The code opens nothing: the same answer as a wrong code.
	expect(await openReporterSession(withdrawn.followUpCode)).toBeNull()
	expect(await getReporter(withdrawn.token)).toBeNull()

	// Staff see it closed, withdrawn by the person, without content; the read is audited.
	const view = (await openCase(lead.actor, withdrawn.reference))!
	expect(view).toMatchObject({
		readable: false,
		narrative: null,
		messages: [],
		attachments: [],
		notes: [],
		personalDataDeletion: 'withdrawn',
		outcome: 'withdrawn',
	})
	const closed = await listCases(lead.actor, { view: 'closed', page: 1 })
	expect(closed.cases.find((row) => row.reference === withdrawn.reference)?.withdrawn).toBe(true)
	const open = await listCases(lead.actor, { view: 'open', page: 1 })
	expect(open.cases.map((row) => row.reference)).not.toContain(withdrawn.reference)

	// The other request keeps everything.
	expect((await openCase(lead.actor, kept.reference))?.narrative).toBe('This one stays')
	expect(await getReporter(kept.token)).not.toBeNull()
})

test('a second withdrawal, or one with a stale session, changes nothing and reveals nothing', async () => {
	const created = await request('Withdrawn twice')
	const second = (await openReporterSession(created.followUpCode))!
	const reporter = (await getReporter(created.token))!

	expect(await withdrawRequest(reporter)).toBe(true)
	// Another tab that had opened the case before: nothing left to withdraw.
	expect(await withdrawRequest(reporter)).toBe(false)
	// Its cookie no longer opens a session: the page asks for the code again.
	const stale = (await post({ intent: 'withdraw', confirmed: 'yes' }, second)) as Response
	expect(stale.status).toBe(302)
	expect(stale.headers.get('Location')).toBe('/follow-up')
	const none = (await post({ intent: 'withdraw', confirmed: 'yes' }, null)) as Response
	expect(none.headers.get('Location')).toBe('/follow-up')
	expect(
		await prisma.auditEvent.count({ where: { action: 'case.withdrawn', caseId: created.id } }),
	).toBe(1)
	// A forged confirmation value is refused.
	const other = await request('Forged confirmation')
	const forged = (await post({ intent: 'withdraw', confirmed: 'no' }, other.token)) as Response
	expect(forged.status).toBe(400)
	expect(await rowsNaming(other.id)).toHaveProperty('Message')
})

test('a case that had ended keeps its outcome when the person withdraws', async () => {
	const created = await request('Closed, then withdrawn')
	await changeStatus(lead.actor, created.reference, 'CLOSED', 'resolved')
	expect(await withdrawRequest((await getReporter(created.token))!)).toBe(true)
	const found = await prisma.case.findUniqueOrThrow({
		where: { id: created.id },
		select: { status: true, outcome: true, personalDataDeletion: true, narrative: true },
	})
	expect(found).toEqual({
		status: 'CLOSED',
		outcome: 'resolved',
		personalDataDeletion: 'withdrawn',
		narrative: null,
	})
	// No second status change: the person changed nothing the statistics count.
	expect(
		await prisma.caseStatusChange.count({ where: { caseId: created.id, staffUserId: null } }),
	).toBe(0)
	// Nor can staff reopen it (the page offers no form; a forged post is refused).
	await expect(changeStatus(lead.actor, created.reference, 'IN_PROGRESS', null)).rejects.toThrow(
		CaseWithdrawnError,
	)
	expect((await prisma.case.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('CLOSED')
})
