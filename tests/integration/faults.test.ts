// Faults under a stream of real submissions, against the production server
// on a PostgreSQL of its own: the database stops mid-stream and comes back,
// and a statement runs into the statement timeout. Every submission the app
// acknowledged (a follow-up code on the page) is stored and opens with its
// code; every other one got the translated error page without internals;
// nothing is half-stored; the app serves again without a restart.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	ensureDatabase,
	freePort,
	startEmbeddedPostgres,
	type EmbeddedPostgres,
} from '../../server/dev/embedded-postgres.ts'
import { applyMigrations } from '../../server/migrations.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { makeTemporaryDir } from '../support/postgres.ts'

const SECRET = 'faults-secret-that-is-long-enough-for-the-schema'
const INTERNALS =
	/\bat .*\.(ts|js):\d+|Prisma|ECONNREFUSED|reach database|statement timeout|canceling statement/i

let dir: string
let dataDir: string
let port: number
let database: EmbeddedPostgres
let app: AppServer
/** More forms than the tests post. */
const FORMS = 60
let formTokens: string[]

const octet = () => Math.floor(Math.random() * 254) + 1

beforeAll(async () => {
	dir = await makeTemporaryDir('anlaufstelle-faults-')
	dataDir = path.join(dir, 'postgres')
	port = await freePort()
	database = await startEmbeddedPostgres({ dataDir, password: 'faults', port })
	await ensureDatabase(database.adminUrl, 'app')
	await applyMigrations(database.urlFor('app'))
	app = await startAppServer({
		env: {
			DATABASE_URL: database.urlFor('app'),
			SESSION_SECRET: SECRET,
			HASH_PEPPER: SECRET,
			APP_MODE: 'demo',
			TRUST_PROXY: '1',
			DATABASE_STATEMENT_TIMEOUT_MS: '1000',
		},
		logFile: path.join(dir, 'app.log'),
	})
	// A form stores one request (decision 0020): a form of its own for every post.
	formTokens = await Promise.all(
		Array.from({ length: FORMS }, async () => {
			const page = await (await fetch(`${app.url}/request`)).text()
			return /name="formStarted" value="([^"]+)"/.exec(page)![1]!
		}),
	)
	// The form refuses posts sooner than 3 s after it was shown.
	await new Promise((resolve) => setTimeout(resolve, 3_100))
}, 180_000)

afterAll(async () => {
	await app?.stop()
	await database?.stop()
	await fs.rm(dir, { recursive: true, force: true })
})

type Outcome = { code: string | null; status: number; html: string }

/** One no-JavaScript form post, as its own client (the rate limit is per client). */
async function submit(marker: string): Promise<Outcome> {
	const form = new FormData()
	const formToken = formTokens.pop()
	if (!formToken) throw new Error(`more than ${FORMS} posts: raise FORMS`)
	form.set('formStarted', formToken)
	form.set('narrative', `Fault stream ${marker}`)
	form.set('areas', 'public_space')
	form.set('contactMode', 'anonymous')
	form.set('responseWish', 'ANSWER')
	form.set('consent', 'yes')
	try {
		const response = await fetch(`${app.url}/request`, {
			method: 'POST',
			body: form,
			headers: { 'X-Forwarded-For': `10.${octet()}.${octet()}.${octet()}` },
		})
		const html = await response.text()
		const code = /data-testid="follow-up-code"[^>]*>([^<]+)</.exec(html)?.[1]?.trim() ?? null
		return { code: response.status === 200 ? code : null, status: response.status, html }
	} catch {
		return { code: null, status: 0, html: '' }
	}
}

async function opens(code: string): Promise<boolean> {
	const body = new URLSearchParams({ intent: 'open', code })
	const response = await fetch(`${app.url}/follow-up`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { 'X-Forwarded-For': `10.${octet()}.${octet()}.${octet()}` },
	})
	return (
		response.status === 302 && (response.headers.get('set-cookie') ?? '').includes('follow_up=')
	)
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
	const client = new pg.Client({ connectionString: database.urlFor('app') })
	await client.connect()
	try {
		return (await client.query<T>(sql)).rows
	} finally {
		await client.end()
	}
}

const countCases = async () =>
	Number((await query<{ n: string }>('SELECT count(*) AS n FROM "Case"'))[0]!.n)

function expectHonestErrorPage(outcome: Outcome) {
	if (outcome.status === 0) return // the connection itself failed: the browser shows its own error
	expect(outcome.status).toBeGreaterThanOrEqual(500)
	expect(outcome.html).toContain('Vorübergehend nicht erreichbar')
	expect(outcome.html).not.toMatch(INTERNALS)
}

async function expectNothingHalfStored() {
	const incomplete = await query<{ reference: string }>(
		// (Retention removes grants on purpose, with the content: those cases are not half-stored.
		// A case staff recorded has a reporter's grant only if the person got a code.)
		`SELECT reference FROM "Case" c WHERE c."personalDataDeletedAt" IS NULL AND (NOT EXISTS (SELECT 1 FROM "CaseKeyGrant" g WHERE g."caseId" = c.id AND g.holder = 'RECOVERY')
		 OR (c.channel IN ('WEB_ANONYMOUS', 'WEB_WITH_CONTACT')
		     AND NOT EXISTS (SELECT 1 FROM "CaseKeyGrant" g WHERE g."caseId" = c.id AND g.holder = 'REPORTER')))`,
	)
	expect(incomplete).toEqual([])
}

test('PostgreSQL stops in the middle of a stream of submissions and comes back', async () => {
	const before = await countCases()
	const outcomes: Outcome[] = []
	const stream = async (from: number, count: number) => {
		for (let index = from; index < from + count; index += 4) {
			outcomes.push(
				...(await Promise.all([0, 1, 2, 3].map((offset) => submit(`${index + offset}`)))),
			)
		}
	}
	await stream(0, 12)
	const stopping = database.stop()
	await stream(12, 8)
	await stopping
	await stream(20, 8)
	database = await startEmbeddedPostgres({ dataDir, password: 'faults', port })
	await expect
		.poll(async () => (await fetch(`${app.url}/readyz`)).status, { timeout: 30_000 })
		.toBe(200)
	await stream(28, 8)

	const acknowledged = outcomes.filter((outcome) => outcome.code)
	const refused = outcomes.filter((outcome) => !outcome.code)
	expect(acknowledged.length).toBeGreaterThanOrEqual(20)
	expect(refused.length).toBeGreaterThan(0)
	for (const outcome of refused) expectHonestErrorPage(outcome)
	// Acknowledged means stored: each code opens its request.
	expect(await countCases()).toBeGreaterThanOrEqual(before + acknowledged.length)
	for (const outcome of acknowledged) expect(await opens(outcome.code!)).toBe(true)
	await expectNothingHalfStored()
	expect((await submit('after')).code).not.toBeNull()
}, 240_000)

test('a statement that runs into the statement timeout fails cleanly and stores nothing', async () => {
	const locker = new pg.Client({ connectionString: database.urlFor('app') })
	await locker.connect()
	try {
		const before = await countCases()
		// A long transaction holding the table: the app's insert waits past its timeout.
		await locker.query('BEGIN')
		await locker.query('LOCK TABLE "Case" IN ACCESS EXCLUSIVE MODE')
		const blocked = await submit('blocked')
		await locker.query('ROLLBACK')
		expect(blocked.code).toBeNull()
		expectHonestErrorPage(blocked)
		expect(await countCases()).toBe(before)

		const next = await submit('after the timeout')
		expect(next.code).not.toBeNull()
		expect(await opens(next.code!)).toBe(true)
		expect(await countCases()).toBe(before + 1)
		await expectNothingHalfStored()
	} finally {
		await locker.end()
	}
}, 120_000)
