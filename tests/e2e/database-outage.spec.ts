// PostgreSQL goes away under a running app and comes back: /readyz says 503
// meanwhile, pages show a clear error (no stack trace), and the app serves
// again without a restart. The test runs its own database and app so that
// the other tests never see the outage.
import fs from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import {
	ensureDatabase,
	freePort,
	startEmbeddedPostgres,
} from '../../server/dev/embedded-postgres.ts'
import { applyMigrations } from '../../server/migrations.ts'
import { startAppServer } from '../support/app-server.ts'
import { makeTemporaryDir } from '../support/postgres.ts'

test('the app survives PostgreSQL going away and coming back', async ({ page }) => {
	test.setTimeout(120_000)
	const dir = await makeTemporaryDir('anlaufstelle-outage-')
	const dataDir = path.join(dir, 'postgres')
	const port = await freePort()
	let database = await startEmbeddedPostgres({ dataDir, password: 'outage', port })
	await ensureDatabase(database.adminUrl, 'app')
	await applyMigrations(database.urlFor('app'))
	const secret = 'outage-secret-that-is-long-enough-for-the-schema'
	const app = await startAppServer({
		env: { DATABASE_URL: database.urlFor('app'), SESSION_SECRET: secret, HASH_PEPPER: secret },
		logFile: path.join(dir, 'app.log'),
	})
	try {
		expect((await page.goto(`${app.url}/`))?.status()).toBe(200)

		await database.stop()
		expect((await page.request.get(`${app.url}/readyz`)).status()).toBe(503)
		const failed = await page.goto(`${app.url}/`)
		expect(failed?.status()).toBe(500)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Vorübergehend nicht erreichbar',
		)
		// Neither the page nor the data Remix embeds for hydration carries
		// the internal error: no stack frames, no driver or database message.
		const html = await page.content()
		expect(html).not.toMatch(
			/\bat .*\.(ts|js):\d+|Prisma|ECONNREFUSED|reach database|127\.0\.0\.1:\d+/i,
		)
		expect(html).toContain('Unexpected Server Error')

		database = await startEmbeddedPostgres({ dataDir, password: 'outage', port })
		await expect.poll(async () => (await page.request.get(`${app.url}/readyz`)).status()).toBe(200)
		expect((await page.goto(`${app.url}/`))?.status()).toBe(200)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Beratung bei Rassismus und Diskriminierung',
		)
	} finally {
		await app.stop()
		await database.stop()
		await fs.rm(dir, { recursive: true, force: true })
	}
})
