// `npm start` without DATABASE_URL, as a new user runs it: embedded
// PostgreSQL under the data folder, migrations, demo data, the page served;
// SIGTERM stops app and database cleanly; the next start finds the data.
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { startAppServer } from '../support/app-server.ts'
import { makeTemporaryDir } from '../support/postgres.ts'

let dir: string
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

test('the embedded default starts, serves, stops cleanly and keeps its data', async () => {
	dir = await makeTemporaryDir('anlaufstelle-start-')
	const dataDir = path.join(dir, '.data')
	const env = { DATA_DIR: dataDir }

	const first = await startAppServer({ env, logFile: path.join(dir, 'first.log') })
	const page = await (await fetch(`${first.url}/`, { headers: { 'Accept-Language': 'de' } })).text()
	expect(page).toContain('<html lang="de" dir="ltr">')
	expect(page).toContain('(Demo)')
	expect(await first.stop()).toBe(0)

	const log = await fs.readFile(first.logFile, 'utf8')
	expect(log).toContain('seeded demo data')
	expect(log).toContain('"msg":"stopped"')
	await expect(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow()
	expect((await fs.stat(path.join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600)

	const second = await startAppServer({ env, logFile: path.join(dir, 'second.log') })
	try {
		expect(await (await fetch(`${second.url}/`)).text()).toContain('(Demo)')
		expect(await fs.readFile(second.logFile, 'utf8')).not.toContain('seeded demo data')
	} finally {
		expect(await second.stop()).toBe(0)
	}
}, 180_000)

test('a bad environment stops the start with one line per variable', async () => {
	await expect(
		startAppServer({
			env: { PORT: 'eighty', DATABASE_URL: 'postgresql://127.0.0.1:1/x' },
			logFile: path.join(dir ?? '/tmp', 'bad-env.log'),
		}),
	).rejects.toThrow(/PORT: .*\n[\s\S]*SESSION_SECRET: is required in production with DATABASE_URL/)
})
