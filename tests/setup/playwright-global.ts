// Once per Playwright run: a database of its own on the test PostgreSQL, the
// production build served on a free port, torn down afterwards. The URL and
// the server's log reach the tests through environment variables.
import path from 'node:path'
import { applyMigrations } from '../../server/migrations.ts'
import { startAppServer } from '../support/app-server.ts'
import {
	createDatabase,
	dropDatabase,
	startTestPostgres,
	uniqueDatabaseName,
} from '../support/postgres.ts'

const SECRET = 'e2e-secret-that-is-long-enough-for-the-schema'

export default async function globalSetup() {
	const postgres = await startTestPostgres()
	const name = uniqueDatabaseName('e2e')
	const databaseUrl = await createDatabase(postgres.adminUrl, name)
	await applyMigrations(databaseUrl)
	const server = await startAppServer({
		env: {
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: SECRET,
			HASH_PEPPER: SECRET,
			// A seeded demo says so on every page (tests/e2e/demo-banner.spec.ts).
			APP_MODE: 'demo',
			// Tests pose as different clients (X-Forwarded-For) so that their
			// rate limits do not meet.
			TRUST_PROXY: '1',
			// Answered by tests/e2e/quick-exit.spec.ts inside the browser: no request leaves.
			QUICK_EXIT_URL: 'https://neutral.example/weather',
		},
		// Outside test-results/, which Playwright empties when the run starts.
		logFile: path.resolve('.cache', 'e2e', 'server.log'),
	})
	process.env.E2E_BASE_URL = server.url
	process.env.E2E_SERVER_LOG = server.logFile
	process.env.E2E_DATABASE_URL = databaseUrl

	return async () => {
		await server.stop()
		await dropDatabase(postgres.adminUrl, name)
		await postgres.stop()
	}
}
