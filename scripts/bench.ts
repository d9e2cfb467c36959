// `npm run bench`: performance figures next to their baselines, measured in
// the same run on this machine. Starts its own PostgreSQL (or uses
// TEST_DATABASE_URL) and the production build.
import path from 'node:path'
import os from 'node:os'
import pg from 'pg'
import { applyMigrations } from '../server/migrations.ts'
import { ensureFreshBuild } from '../server/dev/build.ts'
import { startAppServer } from '../tests/support/app-server.ts'
import {
	createDatabase,
	dropDatabase,
	startTestPostgres,
	uniqueDatabaseName,
} from '../tests/support/postgres.ts'
import {
	intakeBody,
	load,
	startBaselineServer,
	startFloorServer,
	type LoadResult,
} from './bench/intake.ts'
import { CASES, measureInbox, RUNS_PER_FILTER } from './bench/inbox.ts'
import { argon2GateLimits } from '../app/platform/crypto/argon2-gate.server.ts'
import { KEY_COST } from '../app/platform/crypto/password-wrap.server.ts'
import {
	CONCURRENT_LOGINS,
	LOGIN_COST,
	LOGIN_RUNS,
	measureLogin,
	type LoginFigures,
} from './bench/login.ts'
import { measureSoak, residentMiB, SOAK_CONNECTIONS } from './bench/soak.ts'
import { measureStatistics } from './bench/statistics.ts'
import type { Timing } from './bench/timing.ts'

const DURATION = Number(process.env.BENCH_SECONDS ?? 15)
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300)
// Time for the freshly started app to finish what it does once (the first
// housekeeping run, lazy compilation) before its idle memory is read.
const IDLE_SETTLE_MS = 5_000

ensureFreshBuild((message) => console.log(message))
const postgres = await startTestPostgres()
const name = uniqueDatabaseName('bench')
const databaseUrl = await createDatabase(postgres.adminUrl, name)
const secret = 'bench-secret-that-is-long-enough-for-the-schema'
let app: Awaited<ReturnType<typeof startAppServer>> | undefined
let baseline: Awaited<ReturnType<typeof startBaselineServer>> | undefined
let floor: Awaited<ReturnType<typeof startFloorServer>> | undefined

const row = (label: string, r: LoadResult) =>
	`${label.padEnd(36)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0)).padStart(5)
const timingRow = (label: string, t: Timing, rate = '') =>
	`${label.padEnd(36)} ${rate.padEnd(13)}   p50 ${ms(t.p50)} ms   p95 ${ms(t.p95)} ms`

/**
 * The demo data, seeded from this process, so that the app measured below
 * runs as an office's does: started on a database it finds filled.
 */
async function seedDemoData() {
	process.env.DATABASE_URL = databaseUrl
	process.env.SESSION_SECRET = secret
	process.env.HASH_PEPPER = secret
	const { seedIfEmpty } = await import('../prisma/seed.ts')
	const { disconnectPrisma, prisma } = await import('../app/platform/db.server.ts')
	await seedIfEmpty(prisma)
	await disconnectPrisma()
}

try {
	await applyMigrations(databaseUrl)
	await seedDemoData()
	app = await startAppServer({
		env: {
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: secret,
			HASH_PEPPER: secret,
			TRUST_PROXY: '1',
			LOG_LEVEL: 'warn',
		},
		logFile: path.join(os.tmpdir(), `anlaufstelle-bench-${process.pid}.log`),
	})
	await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS))
	const idleMiB = residentMiB(app.process.pid!)
	const page = await (await fetch(`${app.url}/request`)).text()
	const formToken = /name="formStarted" value="([^"]+)"/.exec(page)![1]!
	// The token must be older than the minimum fill time.
	await new Promise((resolve) => setTimeout(resolve, 3_100))
	const { body, contentType } = intakeBody(formToken)

	console.log(`\nIntake at 32 concurrent clients, ${DURATION} s each (${os.cpus().length} cores)`)
	const intake = await load({
		url: `${app.url}/request`,
		body,
		contentType,
		durationSeconds: DURATION,
	})

	// The baseline row is as large as what one request stores.
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	const { rows } = await client.query<{ bytes: string }>(
		`SELECT avg(pg_column_size(c.*) + coalesce((SELECT sum(pg_column_size(g.*)) FROM "CaseKeyGrant" g WHERE g."caseId" = c.id), 0))::int AS bytes FROM "Case" c`,
	)
	const stored = Number(rows[0]?.bytes ?? body.length)
	await client.end()

	baseline = await startBaselineServer(databaseUrl, stored)
	const bare = await load({ url: baseline.url, body, contentType, durationSeconds: DURATION })
	await baseline.stop()
	baseline = undefined

	floor = await startFloorServer(databaseUrl)
	const cryptoAndRows = await load({ url: floor.url, body, contentType, durationSeconds: DURATION })
	await floor.stop()
	floor = undefined
	// The soak and the logins need the app; their figures are printed after the intake's.
	const soak = await measureSoak({ url: app.url, pid: app.process.pid!, seconds: SOAK_SECONDS })
	const logins = await measureLogin({ url: app.url, pid: app.process.pid!, databaseUrl })
	// The inbox is measured in this process: the servers would only compete
	// with it for the cores.
	await app.stop()
	app = undefined

	console.log(row('baseline (bare insert, same size)', bare))
	console.log(row('floor (crypto + rows, no framework)', cryptoAndRows))
	console.log(row('intake (POST /request)', intake))
	console.log(
		`intake / baseline throughput: ${((intake.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(0)} % (goal: at least 50 %); floor / baseline: ${((cryptoAndRows.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(0)} %; stored per request: ${stored} bytes`,
	)

	console.log(
		`\nMemory of the one app process (RSS), idle after start, then under a mixed soak at ${SOAK_CONNECTIONS} concurrent clients: public pages, intake and follow-up posts, staff pages`,
	)
	console.log(`idle after start: RSS ${idleMiB.toFixed(0)} MiB (goal: at most 200 MiB)`)
	const unexpected = Object.entries(soak.unexpected).map(([what, count]) => `${what} x${count}`)
	console.log(
		`soak ${SOAK_SECONDS} s mixed: RSS before ${soak.beforeMiB.toFixed(0)} MiB (after the intake runs and a warm-up), after ${soak.afterMiB.toFixed(0)} MiB (goal: at most 300 MiB), growth ${soak.growthPercent.toFixed(1)} % (goal: under 10 %); ${soak.requests} requests, ${soak.errors} errors${unexpected.length ? ` (${unexpected.join(', ')})` : ''}`,
	)

	console.log(
		`\nInbox with ${CASES} cases: server time of one page (listCases), ${RUNS_PER_FILTER} runs per filter`,
	)
	const inbox = await measureInbox(databaseUrl)
	console.log(`(cases seeded in ${inbox.seedSeconds.toFixed(1)} s)`)
	console.log(timingRow('baseline (bare SQL page + count)', inbox.baseline))
	for (const filter of inbox.filters) console.log(timingRow(`inbox, ${filter.label}`, filter))
	console.log(timingRow('inbox, all of the above', inbox.all))
	const slowest = inbox.filters.reduce((a, b) => (b.p95 > a.p95 ? b : a))
	console.log(
		`inbox / baseline p50: ${(inbox.all.p50 / inbox.baseline.p50).toFixed(1)}x; slowest filter: ${slowest.label} (p95 ${ms(slowest.p95).trim()} ms)`,
	)

	console.log(
		`\nStaff login over HTTP (${LOGIN_COST}): ${LOGIN_RUNS} one at a time, then ${CONCURRENT_LOGINS} at once, with the peak memory (RSS) of the serving process during those ${CONCURRENT_LOGINS}`,
	)
	const loginRow = (label: string, figures: LoginFigures) =>
		`${label.padEnd(40)} one: p50 ${ms(figures.one.p50)} ms  p95 ${ms(figures.one.p95)} ms   ${CONCURRENT_LOGINS} at once: ${figures.burst.seconds.toFixed(1).padStart(4)} s  p50 ${ms(figures.burst.p50)} ms  p95 ${ms(figures.burst.p95)} ms${figures.burst.failed ? `  (${figures.burst.failed} failed)` : ''}   peak RSS ${figures.peakMiB.toFixed(0)} MiB (+${(figures.peakMiB - figures.idleMiB).toFixed(0)} over ${figures.idleMiB.toFixed(0)})`
	console.log(loginRow('baseline (bare, verifier + key, 19 MiB)', logins.baseline))
	console.log(loginRow('bare, key only, current cost', logins.bare))
	console.log(loginRow('app, POST /staff/login', logins.login))
	console.log(
		`login / baseline p50: one ${(logins.login.one.p50 / logins.baseline.one.p50).toFixed(1)}x, ${CONCURRENT_LOGINS} at once ${(logins.login.burst.seconds / logins.baseline.burst.seconds).toFixed(1)}x the wall time; memory rise during the ${CONCURRENT_LOGINS}: app ${(logins.login.peakMiB - logins.login.idleMiB).toFixed(0)} MiB, baseline ${(logins.baseline.peakMiB - logins.baseline.idleMiB).toFixed(0)} MiB (bound: ${argon2GateLimits().runningAtMost} × ${KEY_COST.memoryKiB / 1024} MiB of Argon2)`,
	)

	console.log(
		"\nA full year's statistics report (every table, disclosure control), all cases in that year",
	)
	for (const size of await measureStatistics(databaseUrl)) {
		console.log(`(${size.cases} cases seeded in ${size.seedSeconds.toFixed(1)} s)`)
		console.log(timingRow(`baseline (one counting pass), ${size.cases}`, size.baseline))
		console.log(timingRow(`report, ${size.cases} cases`, size.report))
	}
	console.log('goal: under 1 second for 1,000,000 cases')
} finally {
	await baseline?.stop()
	await floor?.stop()
	await app?.stop()
	await dropDatabase(postgres.adminUrl, name)
	await postgres.stop()
}
