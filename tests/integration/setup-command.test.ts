// `npm run setup` (the compiled command under plain node, as operators run
// it) holds the first accounts' passwords to the back office's rules: a
// password from the environment that the forms would refuse stops it with
// their explanation, before the recovery key is made and shown.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ensureFreshBuild } from '../../server/dev/build.ts'
import { BUILD_DIR } from '../../server/paths.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'

const SECRET = 'setup-command-secret-that-is-long-enough-for-the-schema'
const adminUrl = inject('postgresAdminUrl')
const name = uniqueDatabaseName('setup_command')
let databaseUrl: string

beforeAll(async () => {
	ensureFreshBuild((message) => console.log(message))
	databaseUrl = await createDatabase(adminUrl, name)
}, 180_000)
afterAll(() => dropDatabase(adminUrl, name))

function setup(leadPassword: string) {
	return spawnSync(process.execPath, [path.join(BUILD_DIR, 'server-runtime', 'setup.js')], {
		env: {
			PATH: process.env.PATH,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: SECRET,
			HASH_PEPPER: SECRET,
			SETUP_LEAD_EMAIL: 'anna.muster@example.ch',
			SETUP_LEAD_NAME: 'Anna Muster',
			SETUP_LEAD_PASSWORD: leadPassword,
			SETUP_ADMIN_EMAIL: 'admin@example.ch',
			SETUP_ADMIN_NAME: 'Ada Admin',
			SETUP_ADMIN_PASSWORD: 'der Satz der Administration',
		},
		encoding: 'utf8',
		input: '',
	})
}

async function stored() {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		const accounts = await client.query<{ email: string; keyMemoryKiB: number; keyPasses: number }>(
			'SELECT email, "keyMemoryKiB", "keyPasses" FROM "StaffUser" ORDER BY email',
		)
		const keys = await client.query('SELECT 1 FROM "OfficeKeys"')
		return { accounts: accounts.rows, recoveryKeys: keys.rowCount }
	} finally {
		await client.end()
	}
}

test('a weak password stops it with the explanation, before the recovery key', async () => {
	const run = setup('anna.muster2026')
	expect(run.status).not.toBe(0)
	expect(run.stderr).toContain(
		'SETUP_LEAD_PASSWORD: This password is easy to guess: it contains your name',
	)
	expect(run.stdout).not.toContain('RECOVERY KEY')
	expect(await stored()).toEqual({ accounts: [], recoveryKeys: 0 })
}, 120_000)

test('a passphrase makes the accounts, their keys wrapped at 64 MiB and 3 passes', async () => {
	const run = setup('Kaffeetasse Regenschirm Pinguin')
	expect(run.stderr).toBe('')
	expect(run.status).toBe(0)
	expect(run.stdout).toContain('=== OFFICE RECOVERY KEY')
	expect(run.stdout).toContain('Lead anna.muster@example.ch created.')
	expect(await stored()).toEqual({
		accounts: [
			{ email: 'admin@example.ch', keyMemoryKiB: 65_536, keyPasses: 3 },
			{ email: 'anna.muster@example.ch', keyMemoryKiB: 65_536, keyPasses: 3 },
		],
		recoveryKeys: 1,
	})
}, 120_000)
