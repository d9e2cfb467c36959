// How the server starts, as operators and new users start it: the compiled
// server under plain `node` (server/start.sh), never tsx. Without
// DATABASE_URL: the office on an embedded PostgreSQL under the data folder,
// migrated at start, no demo data, no secret on the terminal; SIGTERM stops
// app and database cleanly; the next start finds the data. `--demo`: the
// demo in a folder of its own, whatever DATABASE_URL says. With DATABASE_URL:
// no migration at start; pending ones stop it, `npm run db:migrate` (plain
// node on the build) applies them.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { BUILD_DIR } from '../../server/paths.ts'
import { SERVER_ENTRY, startAppServer, type AppServer } from '../support/app-server.ts'
import {
	createDatabase,
	dropDatabase,
	makeTemporaryDir,
	uniqueDatabaseName,
} from '../support/postgres.ts'

const SECRET = 'start-secret-that-is-long-enough-for-the-schema'
/** What must never reach the terminal or the log of an office. */
const KEY_MATERIAL = /recovery key|private key|TOTP|password|secret/i

let dir: string
beforeAll(async () => {
	dir = await makeTemporaryDir('anlaufstelle-start-')
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

/** The command line the kernel knows for the process: plain node on the build. */
async function commandLine(app: AppServer): Promise<string[]> {
	const raw = await fs.readFile(`/proc/${app.process.pid}/cmdline`, 'utf8')
	return raw.split('\0').filter(Boolean)
}

test('the office on the embedded default starts, serves, stops cleanly and keeps its data', async () => {
	const dataDir = path.join(dir, 'office')
	const env = { DATA_DIR: dataDir }

	const first = await startAppServer({ env, logFile: path.join(dir, 'first.log') })
	const argv = await commandLine(first)
	expect(path.basename(argv[0]!)).toBe('node')
	expect(argv).toContain(SERVER_ENTRY)
	expect(argv.join(' ')).not.toMatch(/tsx/)
	expect(await (await fetch(`${first.url}/healthz`)).text()).toBe('ok')
	const page = await (await fetch(`${first.url}/`, { headers: { 'Accept-Language': 'de' } })).text()
	expect(page).toContain('<html lang="de" dir="ltr">')
	expect(page).not.toContain('(Demo)')
	expect(await first.stop()).toBe(0)

	const log = await fs.readFile(first.logFile, 'utf8')
	expect(log).toMatch(/applied: \d+_init/)
	expect(log).not.toContain('seeded demo data')
	expect(log).not.toMatch(KEY_MATERIAL)
	expect(log).toContain('"msg":"stopped"')
	await expect(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow()
	expect((await fs.stat(path.join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600)

	const second = await startAppServer({ env, logFile: path.join(dir, 'second.log') })
	try {
		expect((await fetch(`${second.url}/`)).status).toBe(200)
		expect(await fs.readFile(second.logFile, 'utf8')).toContain('no pending migrations')
	} finally {
		expect(await second.stop()).toBe(0)
	}
}, 180_000)

test('the demo runs in a folder of its own, prints its accounts but no recovery key, and ignores DATABASE_URL', async () => {
	const dataDir = path.join(dir, 'shared')
	const demo = await startAppServer({
		// An office's database in the environment must never receive demo data.
		env: {
			DATA_DIR: dataDir,
			DATABASE_URL: 'postgresql://office@127.0.0.1:1/office',
			SESSION_SECRET: SECRET,
			HASH_PEPPER: SECRET,
		},
		args: ['--demo'],
		logFile: path.join(dir, 'demo.log'),
	})
	try {
		expect(await (await fetch(`${demo.url}/`)).text()).toContain('(Demo)')
	} finally {
		expect(await demo.stop()).toBe(0)
	}
	const log = await fs.readFile(demo.logFile, 'utf8')
	expect(log).toContain('seeded demo data')
	expect(log).toContain('"mode":"demo"')
	const { lead } = DEMO_ACCOUNTS
	expect(log).toContain(`${lead.email} / ${lead.password} / TOTP ${lead.totpSecret}`)
	expect(log).not.toMatch(/recovery key|private key/i)
	await fs.access(path.join(dataDir, 'demo', 'postgres', 'PG_VERSION'))
	await fs.access(path.join(dataDir, 'demo', 'secrets.json'))
	await expect(fs.access(path.join(dataDir, 'postgres'))).rejects.toThrow()
}, 180_000)

test('with DATABASE_URL the server does not migrate: pending migrations stop it until `npm run db:migrate`', async () => {
	const adminUrl = inject('postgresAdminUrl')
	const name = uniqueDatabaseName('start')
	const databaseUrl = await createDatabase(adminUrl, name)
	const env = { DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, HASH_PEPPER: SECRET }
	try {
		await expect(startAppServer({ env, logFile: path.join(dir, 'pending.log') })).rejects.toThrow(
			/Anlaufstelle could not start: the database lacks \d+ migration\(s\) \(\d+_init, .*\); run `npm run db:migrate` first\n/,
		)

		const migrate = spawnSync(
			process.execPath,
			[path.join(BUILD_DIR, 'server-runtime', 'migrate.js')],
			{ env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env }, encoding: 'utf8' },
		)
		expect(migrate.stderr).toBe('')
		expect(migrate.stdout).toMatch(/^applied: \d+_init, /)
		expect(migrate.status).toBe(0)

		const app = await startAppServer({ env, logFile: path.join(dir, 'migrated.log') })
		try {
			expect(await (await fetch(`${app.url}/healthz`)).text()).toBe('ok')
			expect((await fetch(`${app.url}/staff/login`)).status).toBe(200)
			expect((await commandLine(app)).join(' ')).not.toMatch(/tsx/)
		} finally {
			expect(await app.stop()).toBe(0)
		}
		expect(await fs.readFile(path.join(dir, 'migrated.log'), 'utf8')).not.toMatch(/applied/)
	} finally {
		await dropDatabase(adminUrl, name)
	}
}, 120_000)

test('a bad environment stops the start with one line per variable', async () => {
	await expect(
		startAppServer({
			env: { PORT: 'eighty', DATABASE_URL: 'postgresql://127.0.0.1:1/x', APP_MODE: 'show' },
			logFile: path.join(dir, 'bad-env.log'),
		}),
	).rejects.toThrow(
		/PORT: .*\n[\s\S]*APP_MODE: .*\n[\s\S]*SESSION_SECRET: is required in production with DATABASE_URL/,
	)
})
