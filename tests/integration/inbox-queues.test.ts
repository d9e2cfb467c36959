// The inbox that shows what needs attention (issue 12, item 3; decision
// 0019): since when the reporter waits, the reporter's messages each staff
// member has not read, follow-up dates and the due queue on St. Gallen's
// calendar, the order of the columns, each role's queues and landing, and a
// counsellor who sees only her own cases in every queue.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { MIGRATIONS_DIR, readMigrationList } from '../../server/migrations.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { calendarDay } from '~/platform/calendar-day'
import { prisma } from '~/platform/db.server'
import { INBOX_QUEUES } from '~/features/cases/casework-schemas'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest } from '~/features/intake/store-request.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { assignCase } from '~/features/cases/assignment.server'
import { openCase } from '~/features/cases/case-page.server'
import { changeStatus } from '~/features/cases/case-record.server'
import { markComplaintOffence } from '~/features/cases/complaint-offence.server'
import { clearDueDate, setDueDate } from '~/features/cases/due-date.server'
import { countQueues, listCases, type InboxFilter } from '~/features/cases/inbox.server'
import { sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { markAnswered } from '~/features/cases/waiting.server'
import { deletePersonalDataEarly } from '~/features/cases/personal-data.server'
import { addReporterMessage } from '~/features/follow-up/follow-up.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import * as casesRoute from '~/routes/staff.cases._index'
import * as homeRoute from '~/routes/staff._index'
import { createSignedInStaff } from '../support/staff'

type Staff = Awaited<ReturnType<typeof createSignedInStaff>>
let lead: Staff
let anna: Staff
let ben: Staff

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'queue-lead')
	anna = await createSignedInStaff('COUNSELLOR', 'queue-anna')
	ben = await createSignedInStaff('COUNSELLOR', 'queue-ben')
})

const intake = (narrative: string, extra: Record<string, unknown> = {}) =>
	IntakeSchema.parse({
		narrative,
		areas: ['work'],
		forms: ['insult'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
		...extra,
	})

/** A new request, and the reporter holding its code. */
async function newRequest(narrative: string, extra: Record<string, unknown> = {}) {
	const created = await createRequest(intake(narrative, extra), [])
	const token = await openReporterSession(created.followUpCode)
	const reporter = (await getReporter(token!))!
	return { reference: created.reference, reporter }
}

const caseRow = (reference: string) =>
	prisma.case.findUniqueOrThrow({
		where: { reference },
		select: { id: true, waitingSince: true, dueOn: true, dueReason: true, complaintOffence: true },
	})

const list = (actor: Staff['actor'], filter: Partial<InboxFilter>, now?: Date) =>
	listCases(actor, { view: 'all', page: 1, ...filter }, now)

const rowOf = async (actor: Staff['actor'], reference: string, filter: Partial<InboxFilter> = {}) =>
	(await list(actor, { reference, ...filter })).cases.find((row) => row.reference === reference)

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const today = () => calendarDay(new Date())
const isoToday = () => today().toISOString().slice(0, 10)

describe('waiting since', () => {
	test('a request waits from the day it arrives until staff write, and again from a reply', async () => {
		const { reference, reporter } = await newRequest('Waiting one')
		expect((await caseRow(reference)).waitingSince).toEqual(today())
		await assignCase(lead.actor, reference, anna.user.id)

		await sendMessageToReporter(anna.actor, reference, 'Wir melden uns.')
		expect((await caseRow(reference)).waitingSince).toBeNull()
		expect((await rowOf(anna.actor, reference))?.waitingDays).toBeNull()

		await addReporterMessage(reporter, 'Danke, ich warte.', [])
		expect((await caseRow(reference)).waitingSince).toEqual(today())
		// Three days later the reporter writes again: the wait still counts from the first.
		await prisma.case.update({ where: { reference }, data: { waitingSince: day('2026-11-01') } })
		await addReporterMessage(reporter, 'Noch eine Frage.', [])
		expect((await caseRow(reference)).waitingSince).toEqual(day('2026-11-01'))
		expect((await rowOf(anna.actor, reference))?.waitingSince).toBe('2026-11-01')
		expect(
			(await list(anna.actor, { reference }, new Date('2026-11-04T10:00:00Z'))).cases[0]
				?.waitingDays,
		).toBe(3)

		await sendMessageToReporter(anna.actor, reference, 'Hier die Antwort.')
		expect((await caseRow(reference)).waitingSince).toBeNull()
	})

	test('a request answered outside the app is marked answered, once, audited', async () => {
		const { reference } = await newRequest('Waiting phoned')
		await assignCase(lead.actor, reference, anna.user.id)
		expect((await openCase(anna.actor, reference))?.waitingSince).toBe(isoToday())
		await markAnswered(anna.actor, reference)
		await markAnswered(anna.actor, reference)
		expect((await caseRow(reference)).waitingSince).toBeNull()
		expect(
			await prisma.auditEvent.count({
				where: { action: 'case.marked-answered', caseReference: reference },
			}),
		).toBe(1)
		await expect(markAnswered(ben.actor, reference)).rejects.toThrow()
	})

	test('closing a case ends the wait and the follow-up', async () => {
		const { reference } = await newRequest('Waiting closed')
		await assignCase(lead.actor, reference, anna.user.id)
		await setDueDate(anna.actor, reference, today(), 'Rückruf')
		await changeStatus(anna.actor, reference, 'CLOSED', 'resolved')
		expect(await caseRow(reference)).toMatchObject({
			waitingSince: null,
			dueOn: null,
			dueReason: null,
		})
		await expect(setDueDate(anna.actor, reference, today(), null)).rejects.toThrow('closed')
	})
})

describe('unread per staff member', () => {
	test("one reader's opening leaves the other's count alone", async () => {
		const { reference, reporter } = await newRequest('Unread one')
		await assignCase(lead.actor, reference, anna.user.id)
		await addReporterMessage(reporter, 'Erste Nachricht', [])
		await addReporterMessage(reporter, 'Zweite Nachricht', [])
		expect((await rowOf(anna.actor, reference, { view: 'mine' }))?.unread).toBe(2)
		expect((await rowOf(lead.actor, reference))?.unread).toBe(2)

		const seen = await openCase(anna.actor, reference)
		expect(seen?.messages.map((message) => message.unread)).toEqual([true, true])
		expect((await rowOf(anna.actor, reference))?.unread).toBe(0)
		expect((await rowOf(lead.actor, reference))?.unread).toBe(2)
		// Opened again: nothing is new any more.
		expect((await openCase(anna.actor, reference))?.messages.some((m) => m.unread)).toBe(false)

		// Her own message is nothing to read; the reporter's next one is.
		await sendMessageToReporter(anna.actor, reference, 'Antwort')
		await addReporterMessage(reporter, 'Dritte Nachricht', [])
		expect((await rowOf(anna.actor, reference))?.unread).toBe(1)
		expect((await rowOf(lead.actor, reference))?.unread).toBe(3)
		const leadView = await openCase(lead.actor, reference)
		expect(leadView?.messages.map((message) => message.unread)).toEqual([true, true, false, true])
		expect((await rowOf(lead.actor, reference))?.unread).toBe(0)
		expect((await rowOf(anna.actor, reference))?.unread).toBe(1)
	})

	test('who sees a case without its content has read nothing', async () => {
		const { reference, reporter } = await newRequest('Unread deleted')
		await addReporterMessage(reporter, 'Nachricht', [])
		const id = (await caseRow(reference)).id
		await openCase(lead.actor, reference)
		expect(await prisma.caseRead.count({ where: { caseId: id } })).toBe(1)
		await deletePersonalDataEarly(lead.actor, reference)
		await openCase(lead.actor, reference)
		expect(await prisma.caseRead.count({ where: { caseId: id } })).toBe(0)
		expect(await caseRow(reference)).toMatchObject({ waitingSince: null, complaintOffence: null })
	})
})

describe('follow-up dates and the due queue', () => {
	test('due today and overdue are in the queue, on the office’s calendar; later ones are not', async () => {
		const overdue = await newRequest('Due overdue')
		const onTheDay = await newRequest('Due today')
		const later = await newRequest('Due later')
		for (const each of [overdue, onTheDay, later])
			await assignCase(lead.actor, each.reference, anna.user.id)
		await setDueDate(anna.actor, overdue.reference, day('2026-12-01'), null)
		await setDueDate(anna.actor, onTheDay.reference, day('2026-12-03'), 'Rückruf vereinbart')
		await setDueDate(anna.actor, later.reference, day('2026-12-04'), null)

		// 23:30 UTC on 2 December is already 3 December in St. Gallen.
		const lateEvening = new Date('2026-12-02T23:30:00Z')
		const due = await listCases(anna.actor, { view: 'due', page: 1 }, lateEvening)
		expect(due.cases.map((row) => [row.reference, row.due])).toEqual([
			[overdue.reference, 'overdue'],
			[onTheDay.reference, 'today'],
		])
		expect((await countQueues(anna.actor, lateEvening)).due).toBe(2)
		// An hour earlier it was still the 2nd there.
		const evening = new Date('2026-12-02T22:30:00Z')
		expect(
			(await listCases(anna.actor, { view: 'due', page: 1 }, evening)).cases.map(
				(row) => row.reference,
			),
		).toEqual([overdue.reference])
		// Ben has none of them.
		expect((await listCases(ben.actor, { view: 'due', page: 1 }, lateEvening)).total).toBe(0)
		expect((await countQueues(ben.actor, lateEvening)).due).toBe(0)

		// The reason is encrypted; the case page shows it; changes are audited.
		const stored = await caseRow(onTheDay.reference)
		expect(Buffer.from(stored.dueReason!).toString('latin1')).not.toContain('Rückruf')
		expect((await openCase(anna.actor, onTheDay.reference))?.due).toMatchObject({
			on: '2026-12-03',
			reason: 'Rückruf vereinbart',
		})
		const set = await prisma.auditEvent.findFirstOrThrow({
			where: { action: 'case.due-date-set', caseId: stored.id },
			select: { detail: true, actorId: true },
		})
		expect(set).toEqual({ detail: { dueOn: '2026-12-03' }, actorId: anna.user.id })
		await clearDueDate(anna.actor, onTheDay.reference)
		await clearDueDate(anna.actor, onTheDay.reference)
		expect(await caseRow(onTheDay.reference)).toMatchObject({ dueOn: null, dueReason: null })
		expect(
			await prisma.auditEvent.count({
				where: { action: 'case.due-date-cleared', caseId: stored.id },
			}),
		).toBe(1)
		// Ben cannot set one on Anna's case.
		await expect(setDueDate(ben.actor, later.reference, today(), null)).rejects.toThrow()
	})
})

describe('sorting', () => {
	test('by waiting, due date, received day and status, cases without a value last', async () => {
		const references: string[] = []
		for (const narrative of ['Sort a', 'Sort b', 'Sort c']) {
			const { reference } = await newRequest(narrative)
			await assignCase(lead.actor, reference, ben.user.id)
			references.push(reference)
		}
		const [a, b, c] = references as [string, string, string]
		await prisma.case.update({
			where: { reference: a },
			data: { waitingSince: day('2026-11-20'), receivedOn: day('2026-11-10') },
		})
		await prisma.case.update({
			where: { reference: b },
			data: { waitingSince: day('2026-11-05'), receivedOn: day('2026-11-01') },
		})
		await prisma.case.update({
			where: { reference: c },
			data: { waitingSince: null, receivedOn: day('2026-11-15') },
		})
		await setDueDate(ben.actor, a, day('2026-12-24'), null)
		await setDueDate(ben.actor, c, day('2026-12-10'), null)
		const order = async (filter: Partial<InboxFilter>) =>
			(await listCases(ben.actor, { view: 'mine', page: 1, ...filter })).cases
				.map((row) => row.reference)
				.filter((reference) => references.includes(reference))

		// "Mine" starts with who waits longest.
		expect(await order({})).toEqual([b, a, c])
		expect(await order({ sort: 'waiting', dir: 'desc' })).toEqual([a, b, c])
		expect(await order({ sort: 'due' })).toEqual([c, a, b])
		expect(await order({ sort: 'due', dir: 'desc' })).toEqual([a, c, b])
		expect(await order({ sort: 'received' })).toEqual([c, a, b])
		expect(await order({ sort: 'received', dir: 'asc' })).toEqual([b, a, c])
		await changeStatus(ben.actor, a, 'NEW', null)
		expect((await order({ sort: 'status' }))[0]).toBe(a)
	})
})

test('sorted by a date some cases lack, the pages run through the dated ones into the rest', async () => {
	const carla = await createSignedInStaff('COUNSELLOR', 'queue-carla')
	const references: string[] = []
	for (let index = 0; index < 28; index++)
		references.push((await createRequest(intake(`Paged ${index}`), [])).reference)
	await prisma.case.updateMany({
		where: { reference: { in: references } },
		data: { assignedToId: carla.user.id, status: 'IN_PROGRESS' },
	})
	const date = async (dated: string[]) => {
		await prisma.case.updateMany({
			where: { reference: { in: references } },
			data: { dueOn: null },
		})
		for (const [index, reference] of dated.entries())
			await prisma.case.update({
				where: { reference },
				data: { dueOn: new Date(Date.UTC(2026, 0, 1 + index)) },
			})
	}
	const pages = async (dir: 'asc' | 'desc') => {
		const pageOf = (page: number) =>
			listCases(carla.actor, { view: 'mine', sort: 'due', dir, page }).then((result) =>
				result.cases.map((row) => row.reference),
			)
		return [await pageOf(1), await pageOf(2), await pageOf(3)] as const
	}
	// 26 dated: the second page ends the dated ones and starts the rest.
	await date(references.slice(0, 26))
	const [first, second, third] = await pages('asc')
	expect(first).toEqual(references.slice(0, 25))
	expect(second.slice(0, 1)).toEqual([references[25]])
	expect(second.slice(1).sort()).toEqual(references.slice(26).sort())
	expect(third).toEqual([])
	const [down] = await pages('desc')
	expect(down.slice(0, 3)).toEqual([references[25], references[24], references[23]])
	// 3 dated: the second page is all undated, where the first left off.
	await date(references.slice(0, 3))
	const [one, two] = await pages('asc')
	expect(one.slice(0, 3)).toEqual(references.slice(0, 3))
	expect(new Set([...one, ...two]).size).toBe(28)
})

describe('scope and landing', () => {
	test('a counsellor never sees another’s case, in any queue or count', async () => {
		const { reference } = await newRequest('Scope Ben only')
		await assignCase(lead.actor, reference, ben.user.id)
		await setDueDate(lead.actor, reference, day('2026-01-01'), null)
		const annasCases = new Set(
			(
				await prisma.case.findMany({
					where: { assignedToId: anna.user.id },
					select: { reference: true },
				})
			).map((row) => row.reference),
		)
		for (const view of INBOX_QUEUES) {
			for (const sort of ['received', 'waiting', 'due', 'status'] as const) {
				const { cases, total } = await listCases(anna.actor, { view, sort, page: 1 })
				expect(
					cases.every((row) => annasCases.has(row.reference)),
					`${view} by ${sort}`,
				).toBe(true)
				expect(total).toBeLessThanOrEqual(annasCases.size)
			}
		}
		const counts = await countQueues(anna.actor)
		expect(Object.keys(counts).sort()).toEqual(['due', 'mine'])
		expect(counts.mine).toBeLessThanOrEqual(annasCases.size)
		expect((await countQueues(lead.actor)).triage).toBeGreaterThanOrEqual(0)
	})

	test('each role lands where its work is: a counsellor on her cases, a lead on triage', async () => {
		const call = async (
			module: { loader: (args: never) => Promise<unknown> },
			cookie: string,
			url: string,
		) => {
			try {
				return await module.loader({
					request: new Request(`http://127.0.0.1${url}`, { headers: { Cookie: cookie } }),
					params: {},
					context: {},
				} as never)
			} catch (thrown) {
				return thrown
			}
		}
		const home = (await call(homeRoute, anna.cookie, '/staff')) as Response
		expect(home.headers.get('Location')).toBe('/staff/cases')

		type Inbox = Awaited<ReturnType<typeof casesRoute.loader>>
		const annas = (await call(casesRoute, anna.cookie, '/staff/cases')) as Inbox
		expect(annas.filter.view).toBe('mine')
		expect(annas.queues).toEqual(['mine', 'due', 'closed'])
		// A queue the role does not have is its own.
		expect(
			((await call(casesRoute, anna.cookie, '/staff/cases?view=triage')) as Inbox).filter.view,
		).toBe('mine')
		const leads = (await call(casesRoute, lead.cookie, '/staff/cases')) as Inbox
		expect(leads.filter.view).toBe('triage')
		expect(Object.keys(leads.counts)).toEqual(['triage', 'mine', 'due', 'open'])
		// An old bookmark of the new requests is triage.
		expect(
			((await call(casesRoute, lead.cookie, '/staff/cases?view=new')) as Inbox).filter.view,
		).toBe('triage')
		// The sort is in the address, checked: nonsense is the queue's own order.
		const sorted = (await call(
			casesRoute,
			lead.cookie,
			'/staff/cases?view=open&sort=due&dir=desc',
		)) as Inbox
		expect(sorted.order).toEqual({ sort: 'due', dir: 'desc' })
		const nonsense = (await call(
			casesRoute,
			lead.cookie,
			'/staff/cases?view=open&sort=x&dir=y',
		)) as Inbox
		expect(nonsense.order).toEqual({ sort: 'received', dir: 'desc' })
	})
})

describe('the complaint-offence mark', () => {
	test('is encrypted, one byte either way, and audited without saying which', async () => {
		const { reference } = await newRequest('Complaint', { incidentMonth: 3, incidentYear: 2026 })
		await assignCase(lead.actor, reference, anna.user.id)
		expect((await openCase(anna.actor, reference))?.complaintOffence).toBe(false)
		await markComplaintOffence(anna.actor, reference, true)
		const marked = (await caseRow(reference)).complaintOffence!
		const view = await openCase(anna.actor, reference)
		expect(view?.complaintOffence).toBe(true)
		expect(view?.reported).toMatchObject({ incidentMonth: 3, incidentYear: 2026 })
		await markComplaintOffence(anna.actor, reference, false)
		const unmarked = (await caseRow(reference)).complaintOffence!
		expect(unmarked.length).toBe(marked.length)
		expect((await openCase(anna.actor, reference))?.complaintOffence).toBe(false)
		const entries = await prisma.auditEvent.findMany({
			where: { action: 'case.complaint-offence-marked', caseReference: reference },
			select: { detail: true },
		})
		expect(entries).toEqual([{ detail: null }, { detail: null }])
		await expect(markComplaintOffence(ben.actor, reference, true)).rejects.toThrow()
	})
})

test('the migration finds what waits in the cases already stored', async () => {
	const adminUrl = inject('postgresAdminUrl')
	const name = uniqueDatabaseName('inbox_queues')
	const old = new pg.Client({ connectionString: await createDatabase(adminUrl, name) })
	await old.connect()
	try {
		const migrations = (await readMigrationList()).migrationDirectories.map((each) => each.path)
		const upgrade = migrations.findIndex((each) => each.endsWith('_inbox_queues'))
		const sql = (directory: string) =>
			fs.readFile(path.join(MIGRATIONS_DIR, directory, 'migration.sql'), 'utf8')
		for (const directory of migrations.slice(0, upgrade)) await old.query(await sql(directory))
		await old.query(
			`INSERT INTO "StaffUser" (id, email, "displayName", role, "publicKey", "wrappedPrivateKey", "keySalt", "keyMemoryKiB", "keyPasses", "keyParallelism", "updatedAt")
			 VALUES ('s', 's@example.ch', 's', 'COUNSELLOR', '\\x00', '\\x00', '\\x00', 65536, 3, 1, now())`,
		)
		await old.query(
			`INSERT INTO "Case" (id, reference, status, channel, "receivedOn") VALUES
			 ('untouched', '2026-AAAAA', 'NEW', 'WEB_ANONYMOUS', '2026-03-02'),
			 ('answered', '2026-BBBBB', 'IN_PROGRESS', 'WEB_ANONYMOUS', '2026-03-02'),
			 ('replied', '2026-CCCCC', 'IN_PROGRESS', 'WEB_ANONYMOUS', '2026-03-02'),
			 ('closed', '2026-DDDDD', 'CLOSED', 'WEB_ANONYMOUS', '2026-03-02')`,
		)
		const message = (caseId: string, position: number, staff: boolean, sentOn: string) =>
			old.query(
				`INSERT INTO "Message" (id, "caseId", author, "staffUserId", body, "sentOn", position)
				 VALUES (gen_random_uuid()::text, $1, $2, $3, '\\x00', $4, $5)`,
				[caseId, staff ? 'STAFF' : 'REPORTER', staff ? 's' : null, sentOn, position],
			)
		await message('untouched', 1, false, '2026-03-03')
		await message('answered', 1, false, '2026-03-03')
		await message('answered', 2, true, '2026-03-04')
		await message('replied', 1, true, '2026-03-03')
		await message('replied', 2, false, '2026-03-05')
		await message('replied', 3, false, '2026-03-07')

		await old.query(await sql(migrations[upgrade]!))
		const { rows } = await old.query(
			`SELECT id, "waitingSince"::text AS since FROM "Case" ORDER BY id`,
		)
		expect(rows).toEqual([
			{ id: 'answered', since: null },
			{ id: 'closed', since: null },
			{ id: 'replied', since: '2026-03-05' },
			{ id: 'untouched', since: '2026-03-02' },
		])
	} finally {
		await old.end()
		await dropDatabase(adminUrl, name)
	}
})
