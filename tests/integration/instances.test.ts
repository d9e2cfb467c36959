// Two app processes on one database, as behind a load balancer: a session
// opened on one is valid on the other, a rate limit counted on one holds on
// the other, a follow-up code from one opens on the other, the daily
// retention job runs once, not once per instance, and each notice reaches
// the SMTP server once, whichever instance's worker takes it.
import path from 'node:path'
import os from 'node:os'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { totpCode } from '~/features/staff-auth/totp-code'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { freePort } from '../../server/dev/embedded-postgres.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts'

const SECRET = 'instances-secret-that-is-long-enough-for-the-schema'
let first: AppServer
let second: AppServer
let smtp: TestSmtpServer
/** Where the notices' links point: the first instance. */
let publicOrigin: string

const start = (name: string, port?: string) =>
	startAppServer({
		env: {
			DATABASE_URL: process.env.DATABASE_URL!,
			SESSION_SECRET: SECRET,
			HASH_PEPPER: SECRET,
			APP_MODE: 'demo',
			TRUST_PROXY: '1',
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(smtp.port),
			SMTP_TLS: 'none',
			SMTP_FROM: 'anlaufstelle@instances.test',
			PUBLIC_ORIGIN: publicOrigin,
			...(port ? { PORT: port } : {}),
		},
		logFile: path.join(os.tmpdir(), `anlaufstelle-${name}-${process.pid}.log`),
	})

beforeAll(async () => {
	smtp = await startSmtpServer()
	const port = String(await freePort())
	publicOrigin = `http://127.0.0.1:${port}`
	// One after the other: only the first finds an empty database to seed.
	first = await start('first', port)
	second = await start('second')
}, 240_000)

afterAll(async () => {
	await Promise.all([first?.stop(), second?.stop()])
	await smtp?.close()
})

const client = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`

function post(app: AppServer, pathname: string, fields: Record<string, string>, cookie?: string) {
	return fetch(`${app.url}${pathname}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { 'X-Forwarded-For': client, ...(cookie ? { Cookie: cookie } : {}) },
	})
}

const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!

test('a staff session opened on one instance works on the other, and logout ends it on both', async () => {
	const { lead } = DEMO_ACCOUNTS
	const login = await post(first, '/staff/login', { email: lead.email, password: lead.password })
	expect(login.status).toBe(302)
	const half = cookieOf(login)
	const secondFactor = await post(
		second,
		'/staff/two-factor',
		{ code: totpCode(lead.totpSecret) },
		half,
	)
	expect(secondFactor.status).toBe(302)
	const session = cookieOf(secondFactor)
	const inbox = await fetch(`${first.url}/staff/cases`, {
		headers: { Cookie: session },
		redirect: 'manual',
	})
	expect(inbox.status).toBe(200)
	await post(second, '/staff/logout', {}, session)
	const after = await fetch(`${first.url}/staff/cases`, {
		headers: { Cookie: session },
		redirect: 'manual',
	})
	expect(after.status).toBe(302)
	expect(after.headers.get('location')).toMatch(/^\/staff\/login/)
})

test('wrong follow-up codes count across instances: the tenth in a row is refused on either', async () => {
	// Fixed 15-minute windows: start clear of a window's end.
	const intoWindow = Date.now() % (15 * 60_000)
	if (intoWindow > 15 * 60_000 - 30_000) {
		await new Promise((resolve) => setTimeout(resolve, 15 * 60_000 - intoWindow + 1_000))
	}
	for (let attempt = 1; attempt <= 9; attempt++) {
		const app = attempt % 2 ? first : second
		const response = await post(app, '/follow-up', { intent: 'open', code: 'WRONG-CODE-0000-0000' })
		// The generic "this code does not open a request" answer.
		expect(response.status).toBe(400)
	}
	const tenth = await post(second, '/follow-up', { intent: 'open', code: 'WRONG-CODE-0000-0000' })
	expect(tenth.status).toBe(429)
}, 60_000)

test('a request sent through one instance opens with its code on the other', async () => {
	const page = await (await fetch(`${first.url}/request`)).text()
	const token = /name="formStarted" value="([^"]+)"/.exec(page)![1]!
	await new Promise((resolve) => setTimeout(resolve, 3_100))
	const form = new FormData()
	for (const [key, value] of Object.entries({
		formStarted: token,
		narrative: 'Sent through the first instance',
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	}))
		form.set(key, value)
	const sent = await fetch(`${first.url}/request`, {
		method: 'POST',
		body: form,
		headers: { 'X-Forwarded-For': '10.8.8.8' },
	})
	const code = /data-testid="follow-up-code"[^>]*>([^<]+)</.exec(await sent.text())?.[1]?.trim()
	expect(code).toBeTruthy()
	const opened = await fetch(`${second.url}/follow-up`, {
		method: 'POST',
		body: new URLSearchParams({ intent: 'open', code: code! }),
		redirect: 'manual',
		headers: { 'X-Forwarded-For': '10.8.8.9' },
	})
	expect(opened.status).toBe(302)
	const page2 = await fetch(`${second.url}/follow-up`, {
		headers: { Cookie: cookieOf(opened) },
	})
	expect(await page2.text()).toContain('Erhalten')
}, 30_000)

test('the daily retention job ran once for both instances', async () => {
	const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
	await db.connect()
	try {
		const { rows } = await db.query<{ n: string }>(
			`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'retention.scheduled'`,
		)
		expect(Number(rows[0]!.n)).toBe(1)
		const runs = await db.query<{ n: string }>(
			`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'retention.run'`,
		)
		expect(Number(runs.rows[0]!.n)).toBe(1)
	} finally {
		await db.end()
	}
})

test('a web request and a reporter’s reply each send exactly one content-free mail, with two instances running', async () => {
	// Whatever the tests before sent has arrived by now.
	await new Promise((resolve) => setTimeout(resolve, 5_000))
	smtp.mails.length = 0
	const narrative = 'Brombeerhecke am Bahnhof, nur für diesen Test'
	const page = await (await fetch(`${second.url}/request`)).text()
	const token = /name="formStarted" value="([^"]+)"/.exec(page)![1]!
	await new Promise((resolve) => setTimeout(resolve, 3_100))
	const form = new FormData()
	for (const [key, value] of Object.entries({
		formStarted: token,
		narrative,
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	}))
		form.set(key, value)
	const sent = await fetch(`${second.url}/request`, {
		method: 'POST',
		body: form,
		headers: { 'X-Forwarded-For': '10.8.7.1' },
	})
	const code = /data-testid="follow-up-code"[^>]*>([^<]+)</.exec(await sent.text())![1]!.trim()

	// The demo's one lead triages.
	const [notice, ...more] = await smtp.waitForMails(1)
	expect(more).toEqual([])
	expect(notice!.to).toEqual([DEMO_ACCOUNTS.lead.email])
	expect(notice!.raw).not.toContain('Brombeerhecke')
	expect(notice!.raw).not.toContain(code)
	const link = /(http:\/\/\S+\/staff\/cases)\n/.exec(notice!.text)![1]!
	expect(link).toBe(`${publicOrigin}/staff/cases`)
	const opened = await fetch(link, { redirect: 'manual' })
	expect(opened.status).toBe(302)
	expect(opened.headers.get('location')).toBe('/staff/login?redirectTo=%2Fstaff%2Fcases')

	smtp.mails.length = 0
	const session = await fetch(`${first.url}/follow-up`, {
		method: 'POST',
		body: new URLSearchParams({ intent: 'open', code }),
		redirect: 'manual',
		headers: { 'X-Forwarded-For': '10.8.7.2' },
	})
	const reply = new FormData()
	reply.set('intent', 'reply')
	reply.set('message', 'Ein Nachtrag mit Schlehen')
	const replied = await fetch(`${first.url}/follow-up`, {
		method: 'POST',
		body: reply,
		redirect: 'manual',
		headers: { Cookie: cookieOf(session), 'X-Forwarded-For': '10.8.7.2' },
	})
	expect(replied.headers.get('location')).toBe('/follow-up?sent=1')
	const [replyNotice, ...duplicates] = await smtp.waitForMails(1)
	expect(duplicates).toEqual([])
	expect(replyNotice!.to).toEqual([DEMO_ACCOUNTS.lead.email])
	expect(replyNotice!.raw).not.toContain('Schlehen')
}, 90_000)
