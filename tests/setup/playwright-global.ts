// Once per Playwright run: a database of its own on the test PostgreSQL, the
// production build served on a free port, torn down afterwards. The URL and
// the server's log reach the tests through environment variables.
import fs from 'node:fs'
import path from 'node:path'
import { freePort } from '../../server/dev/embedded-postgres.ts'
import { applyMigrations } from '../../server/migrations.ts'
import { startAppServer } from '../support/app-server.ts'
import { startSmtpServer } from '../support/smtp.ts'
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
	// The app's mail goes to an SMTP server here; the tests read each mail as a line of this file.
	const mailLog = path.resolve('.cache', 'e2e', 'mail.jsonl')
	fs.mkdirSync(path.dirname(mailLog), { recursive: true })
	fs.writeFileSync(mailLog, '')
	const smtp = await startSmtpServer({
		onMail: (mail) => fs.appendFileSync(mailLog, `${JSON.stringify(mail)}\n`),
	})
	const port = String(await freePort())
	const server = await startAppServer({
		env: {
			PORT: port,
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(smtp.port),
			SMTP_TLS: 'none',
			SMTP_FROM: 'anlaufstelle@e2e.test',
			PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
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
	process.env.E2E_MAIL_LOG = mailLog

	return async () => {
		await server.stop()
		await smtp.close()
		await dropDatabase(postgres.adminUrl, name)
		await postgres.stop()
	}
}
