// Notifications against a real SMTP server started here (smtp-server) and two
// mail workers on the one database, as two instances run them: each event
// sends exactly one content-free mail to each account it concerns, a reporter
// who asked hears of an answer, the digest collects, and a refusing server
// costs nothing but the mail, whose failure kind the admin sees.
import { Writable } from 'node:stream'
import pg from 'pg'
import PgBoss from 'pg-boss'
import { pino } from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest } from '~/features/intake/store-request.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { assignCase, handOverOpenCases } from '~/features/cases/assignment.server'
import { sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { addReporterMessage, setReplyNotice } from '~/features/follow-up/follow-up.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import {
	installJobQueue,
	JOB_RETENTION,
	JOB_SCHEMA,
} from '~/features/notifications/job-queue.server'
import {
	startNotificationWorker,
	type NotificationWorker,
} from '~/features/notifications/notification-worker.server'
import {
	getNotificationStatus,
	NoOfficeEmailError,
	sendTestMail,
	setNoticeMode,
} from '~/features/notifications/notification-settings.server'
import { queueDigests } from '~/features/notifications/staff-notices.server'
import { loader as inboxLoader } from '~/routes/staff.cases._index'
import { dumpDatabaseText, tracesOf } from '../support/database-dump'
import { startSmtpServer, type ReceivedMail } from '../support/smtp'
import { createSignedInStaff } from '../support/staff'

const SMTP_SIGN_IN = { user: 'mailer', pass: 'smtp-password-that-must-stay-secret' }
const OFFICE_EMAIL = 'office@anlaufstelle.test'
const ORIGIN = 'http://beratung.test'

const smtp = await startSmtpServer({ auth: SMTP_SIGN_IN })
// Read by getEnv() at first use, which comes after this.
Object.assign(process.env, {
	SMTP_HOST: '127.0.0.1',
	SMTP_PORT: String(smtp.port),
	SMTP_TLS: 'none',
	SMTP_USER: SMTP_SIGN_IN.user,
	SMTP_PASSWORD: SMTP_SIGN_IN.pass,
	PUBLIC_ORIGIN: ORIGIN,
})

const logLines: string[] = []
const logger = pino(
	{ level: 'debug' },
	new Writable({
		write(chunk: Buffer, _encoding, done) {
			logLines.push(chunk.toString('utf8'))
			done()
		},
	}),
)

const workers: NotificationWorker[] = []
let lead: Awaited<ReturnType<typeof createSignedInStaff>>
let secondLead: Awaited<ReturnType<typeof createSignedInStaff>>
let counsellor: Awaited<ReturnType<typeof createSignedInStaff>>
let admin: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	await prisma.officeSettings.upsert({
		where: { id: 1 },
		create: { id: 1, officeName: 'Anlaufstelle Test', officeEmail: OFFICE_EMAIL },
		update: { officeEmail: OFFICE_EMAIL },
	})
	lead = await createSignedInStaff('LEAD', 'notice-lead')
	secondLead = await createSignedInStaff('LEAD', 'notice-second-lead')
	counsellor = await createSignedInStaff('COUNSELLOR', 'notice-counsellor')
	admin = await createSignedInStaff('ADMIN', 'notice-admin')
	// Two workers on one database: two instances of the app.
	for (let instance = 0; instance < 2; instance++) {
		workers.push((await startNotificationWorker(logger))!)
	}
})

afterAll(async () => {
	await Promise.all(workers.map((worker) => worker.stop()))
	await smtp.close()
})

beforeEach(() => {
	smtp.mails.length = 0
})

const intake = (fields: Record<string, unknown> = {}) =>
	IntakeSchema.parse({
		narrative: 'Quittengelee im Treppenhaus',
		areas: ['housing'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
		...fields,
	})

const recipients = (mails: ReceivedMail[]) => mails.flatMap((mail) => mail.to).sort()

/** Waits a few seconds in which no mail may arrive. */
async function expectNoMail() {
	await new Promise((resolve) => setTimeout(resolve, 5_000))
	expect(recipients(smtp.mails)).toEqual([])
}

/** Says that something arrived and where to sign in; nothing about what arrived. */
function expectContentFree(mail: ReceivedMail, ...secrets: string[]) {
	for (const secret of secrets) {
		expect(mail.text).not.toContain(secret)
		expect(mail.subject).not.toContain(secret)
		expect(mail.raw).not.toContain(secret)
	}
}

describe('staff notices', () => {
	test('a new request sends exactly one content-free mail to each triager, and to nobody else', async () => {
		const { reference } = await createRequest(intake(), [])
		const mails = await smtp.waitForMails(2)
		expect(recipients(mails)).toEqual([lead.user.email, secondLead.user.email].sort())
		for (const mail of mails) {
			expectContentFree(mail, reference, 'Quittengelee', 'housing', 'Wohnen')
			expect(mail.from).toBe(OFFICE_EMAIL)
			expect(mail.headers['reply-to']).toBe(OFFICE_EMAIL)
			expect(mail.headers['auto-submitted']).toBe('auto-generated')
			expect(mail.subject).toBe(
				'Anlaufstelle: Neues im Posteingang / Anlaufstelle: something new in the inbox',
			)
			expect(mail.text).toContain('In der Anlaufstelle ist etwas Neues für Sie eingegangen.')
			expect(mail.text).toContain('Something new has arrived for you in Anlaufstelle.')
			expect(mail.text).toContain(`${ORIGIN}/staff/cases\n`)
		}
	})

	test('the link opens the inbox, behind the sign-in', async () => {
		const link = `${ORIGIN}/staff/cases`
		const answer = await inboxLoader({
			request: new Request(link),
			params: {},
			context: { cspNonce: '', clientKey: Buffer.alloc(32) },
		}).catch((thrown: unknown) => thrown)
		expect(answer).toBeInstanceOf(Response)
		expect((answer as Response).headers.get('Location')).toBe(
			'/staff/login?redirectTo=%2Fstaff%2Fcases',
		)
		const signedIn = await inboxLoader({
			request: new Request(link, { headers: { Cookie: lead.cookie } }),
			params: {},
			context: { cspNonce: '', clientKey: Buffer.alloc(32) },
		})
		expect(signedIn).not.toBeInstanceOf(Response)
	})

	test('a reporter’s message tells the triagers while the case is unassigned, then its counsellor only', async () => {
		const { reference, followUpCode } = await createRequest(intake(), [], { notifyStaff: false })
		const reporter = (await getReporter((await openReporterSession(followUpCode))!))!

		await addReporterMessage(reporter, 'Nachtrag mit Holunderblüten', [])
		let mails = await smtp.waitForMails(2)
		expect(recipients(mails)).toEqual([lead.user.email, secondLead.user.email].sort())
		for (const mail of mails) expectContentFree(mail, reference, 'Holunderblüten')

		smtp.mails.length = 0
		await assignCase(lead.actor, reference, counsellor.user.id)
		mails = await smtp.waitForMails(1)
		expect(recipients(mails)).toEqual([counsellor.user.email])
		expectContentFree(mails[0]!, reference)

		smtp.mails.length = 0
		await addReporterMessage(reporter, 'Noch ein Nachtrag mit Rhabarber', [])
		mails = await smtp.waitForMails(1)
		expect(recipients(mails)).toEqual([counsellor.user.email])
		expectContentFree(mails[0]!, reference, 'Rhabarber')
	})

	test('a handover of many cases sends one notice, and a lead assigning to themselves none', async () => {
		const leaver = await createSignedInStaff('COUNSELLOR', 'notice-leaver')
		const colleague = await createSignedInStaff('COUNSELLOR', 'notice-colleague')
		const references: string[] = []
		for (let count = 0; count < 3; count++) {
			references.push((await createRequest(intake(), [], { notifyStaff: false })).reference)
		}
		for (const reference of references) await assignCase(lead.actor, reference, leaver.user.id)
		await smtp.waitForMails(1)
		expect(new Set(recipients(smtp.mails))).toEqual(new Set([leaver.user.email]))

		smtp.mails.length = 0
		expect(await handOverOpenCases(lead.actor, leaver.user.id, colleague.user.id)).toBe(3)
		const mails = await smtp.waitForMails(1)
		expect(recipients(mails)).toEqual([colleague.user.email])

		smtp.mails.length = 0
		await assignCase(lead.actor, references[0]!, lead.user.id)
		await expectNoMail()
	})

	test('with two workers, each of many notices is sent exactly once', async () => {
		const accounts = []
		for (let index = 0; index < 8; index++) {
			accounts.push(await createSignedInStaff('COUNSELLOR', `notice-many-${index}`))
		}
		for (const account of accounts) {
			const { reference } = await createRequest(intake(), [], { notifyStaff: false })
			await assignCase(lead.actor, reference, account.user.id)
		}
		const mails = await smtp.waitForMails(accounts.length)
		expect(recipients(mails)).toEqual(accounts.map((account) => account.user.email).sort())
	})

	test('an account on the digest gets no single mails, and at 07:00 one with the count', async () => {
		const schedule = await prisma.$queryRaw<Array<{ cron: string; timezone: string }>>`
			SELECT cron, timezone FROM pgboss.schedule WHERE name = 'notice-digest'`
		expect(schedule).toEqual([{ cron: '0 7 * * *', timezone: 'Europe/Zurich' }])

		await setNoticeMode(lead.actor, 'DIGEST')
		await setNoticeMode(secondLead.actor, 'DIGEST')
		const first = await createRequest(intake(), [])
		const second = await createRequest(intake(), [])
		await expectNoMail()
		const pending = await prisma.staffUser.findMany({
			where: { id: { in: [lead.user.id, secondLead.user.id] } },
			select: { noticesPending: true },
		})
		expect(pending.map((account) => account.noticesPending)).toEqual([2, 2])

		expect(await prisma.$transaction((tx) => queueDigests(tx))).toBe(2)
		const mails = await smtp.waitForMails(2)
		expect(recipients(mails)).toEqual([lead.user.email, secondLead.user.email].sort())
		for (const mail of mails) {
			expectContentFree(mail, first.reference, second.reference, 'Quittengelee')
			expect(mail.text).toContain('sind in der Anlaufstelle 2 neue Eingänge für Sie dazugekommen')
			expect(mail.text).toContain('2 new things have arrived for you')
		}
		// Counted once: a second run finds nothing.
		expect(await prisma.$transaction((tx) => queueDigests(tx))).toBe(0)
		await setNoticeMode(lead.actor, 'EACH')
		await setNoticeMode(secondLead.actor, 'EACH')
	})
})

describe('reporter notices', () => {
	const reporterEmail = 'zephyrine.reporter@example.net'

	test('a reporter who asked hears of an answer in their language, without its content', async () => {
		const { reference } = await createRequest(
			intake({
				responseWish: 'ANSWER',
				contactMode: 'contact',
				contactEmail: reporterEmail,
				replyNotice: 'yes',
			}),
			[],
			{ language: 'fr', notifyStaff: false },
		)
		await sendMessageToReporter(lead.actor, reference, 'Réponse au sujet du Quittengelee')
		const mails = await smtp.waitForMails(1)
		expect(recipients(mails)).toEqual([reporterEmail])
		const [mail] = mails
		expectContentFree(mail!, reference, 'Quittengelee', 'Réponse')
		expect(mail!.subject).toBe('Un nouveau message pour vous')
		expect(mail!.text).toContain(`${ORIGIN}/follow-up\n`)
		expect(mail!.from).toBe(OFFICE_EMAIL)

		// The queue holds the address encrypted only, in the job as in every table.
		const dump = await dumpDatabaseText(process.env.DATABASE_URL!)
		for (const trace of tracesOf(reporterEmail)) expect(dump).not.toContain(trace)
		expect(dump).toContain('sealedAddress')
	})

	test('one who did not ask, or turned it off on the follow-up page, hears nothing; turned on, in that page’s language', async () => {
		const silent = await createRequest(
			intake({ responseWish: 'ANSWER', contactMode: 'contact', contactEmail: reporterEmail }),
			[],
			{ notifyStaff: false },
		)
		await sendMessageToReporter(lead.actor, silent.reference, 'Antwort ohne Benachrichtigung')
		await expectNoMail()

		const reporter = (await getReporter((await openReporterSession(silent.followUpCode))!))!
		expect(await setReplyNotice(reporter, true, 'de-x-ls')).toBe(true)
		await sendMessageToReporter(lead.actor, silent.reference, 'Antwort mit Benachrichtigung')
		const mails = await smtp.waitForMails(1)
		expect(recipients(mails)).toEqual([reporterEmail])
		expect(mails[0]!.subject).toBe('Es gibt eine Antwort für Sie')

		smtp.mails.length = 0
		expect(await setReplyNotice(reporter, false, 'de')).toBe(true)
		await sendMessageToReporter(lead.actor, silent.reference, 'Wieder ohne')
		await expectNoMail()

		// Without an address there is nothing to turn on.
		const anonymous = await createRequest(intake(), [], { notifyStaff: false })
		const nobody = (await getReporter((await openReporterSession(anonymous.followUpCode))!))!
		expect(await setReplyNotice(nobody, true, 'de')).toBe(false)
	})
})

describe('delivery', () => {
	test('the admin’s test mail goes to their address or the office’s, and is audited', async () => {
		expect(await sendTestMail(admin.actor, 'own')).toEqual({ delivered: true })
		expect(await sendTestMail(admin.actor, 'office')).toEqual({ delivered: true })
		expect(recipients(smtp.mails)).toEqual([OFFICE_EMAIL, admin.user.email].sort())
		expect(smtp.mails[0]!.subject).toBe('Anlaufstelle: Test-E-Mail / Anlaufstelle: test e-mail')
		const audited = await prisma.auditEvent.findMany({
			where: { action: 'notifications.test-sent', actorId: admin.user.id },
			select: { detail: true },
			orderBy: { id: 'asc' },
		})
		expect(audited.map((entry) => entry.detail)).toEqual([
			{ to: 'own', delivered: true },
			{ to: 'office', delivered: true },
		])
		const status = await getNotificationStatus(admin.actor)
		expect(status.server).toEqual({ host: '127.0.0.1', port: smtp.port, tls: 'none' })
		expect(status.lastDeliveredAt).not.toBeNull()
		expect(JSON.stringify(status)).not.toContain(SMTP_SIGN_IN.pass)
	})

	test('a refused mail is tried again, then given up with its kind kept for the admin; the request stays', async () => {
		const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
		await db.connect()
		try {
			// One retry a second later, instead of six over an hour.
			await db.query(
				`UPDATE pgboss.queue SET retry_limit = 1, retry_delay = 1, retry_backoff = false WHERE name = 'staff-notice'`,
			)
			smtp.refuseWith = 550
			const { reference } = await createRequest(intake(), [])
			const failedJobs = () =>
				db.query<{ output: string; retry_count: number }>(
					`SELECT output::text AS output, retry_count FROM pgboss.job WHERE state = 'failed'`,
				)
			const deadline = Date.now() + 30_000
			let failed = await failedJobs()
			while (failed.rows.length < 2 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 250))
				failed = await failedJobs()
			}
			// Tried twice for each lead, then given up; no mail went out, the request is there.
			expect(failed.rows.map((row) => row.retry_count)).toEqual([1, 1])
			expect(smtp.mails).toEqual([])
			expect(await prisma.case.count({ where: { reference } })).toBe(1)
			const status = await getNotificationStatus(admin.actor)
			expect(status.lastFailure).toBe('EENVELOPE 550')
			expect(status.lastFailureAt).not.toBeNull()
			for (const row of failed.rows) expect(row.output).not.toMatch(/@|refused by the test/)

			expect(await sendTestMail(admin.actor, 'own')).toEqual({
				delivered: false,
				failure: 'EENVELOPE 550',
			})
		} finally {
			smtp.refuseWith = null
			await installJobQueue(process.env.DATABASE_URL!)
			await db.end()
		}
	})

	test('a test mail to an office address the settings do not name is refused', async () => {
		await prisma.officeSettings.update({ where: { id: 1 }, data: { officeEmail: null } })
		try {
			await expect(sendTestMail(admin.actor, 'office')).rejects.toThrow(NoOfficeEmailError)
		} finally {
			await prisma.officeSettings.update({ where: { id: 1 }, data: { officeEmail: OFFICE_EMAIL } })
		}
	})

	test('a sent notice leaves the queue within minutes: archived after one, deleted after another', async () => {
		const boss = new PgBoss({
			connectionString: process.env.DATABASE_URL,
			schema: JOB_SCHEMA,
			...JOB_RETENTION,
			migrate: false,
			supervise: false,
			schedule: false,
		})
		await boss.start()
		try {
			const count = async (table: 'job' | 'archive') =>
				(
					await prisma.$queryRawUnsafe<Array<{ n: number }>>(
						`SELECT count(*)::int AS n FROM pgboss.${table} WHERE state = 'completed'`,
					)
				)[0]!.n
			expect(await count('job')).toBeGreaterThan(0)
			// As if the last mail had gone out two minutes ago.
			await prisma.$executeRawUnsafe(
				`UPDATE pgboss.job SET completed_on = now() - interval '2 minutes' WHERE state = 'completed'`,
			)
			await boss.maintain()
			expect(await count('job')).toBe(0)
			expect(await count('archive')).toBeGreaterThan(0)
			await prisma.$executeRawUnsafe(
				`UPDATE pgboss.archive SET archived_on = now() - interval '2 minutes'`,
			)
			await boss.maintain()
			expect(await count('archive')).toBe(0)
		} finally {
			await boss.stop({ graceful: false })
		}
	})

	test('the SMTP password and the reporter’s address are in no log line and no row', async () => {
		const dump = await dumpDatabaseText(process.env.DATABASE_URL!)
		const log = logLines.join('')
		expect(log).toContain('notifications on')
		expect(log).toContain('mail not sent')
		for (const secret of [SMTP_SIGN_IN.pass, 'zephyrine.reporter@example.net']) {
			for (const trace of tracesOf(secret)) {
				expect(dump).not.toContain(trace)
				expect(log).not.toContain(trace)
			}
		}
	})
})
