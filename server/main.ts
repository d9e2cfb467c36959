import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import type { Logger } from 'pino'
import type { ViteDevServer } from 'vite'
import { EnvError, loadDotEnvFile, parseEnv, type Env } from '../app/platform/env.server.ts'
import { errorSummary, getLogger } from '../app/platform/logger.server.ts'
import { createApp } from './app.ts'
import { openDatabase, type Database } from './database.ts'
import { applyMigrationsApart, pendingMigrations } from './migrations.ts'
import { BUILD_DIR } from './paths.ts'

const SHUTDOWN_GRACE_MS = 10_000
/**
 * Ctrl-C under `npm start` reaches the server twice at once: from the
 * terminal and forwarded by npm. A second signal within this time is that
 * same one; a later one means "stop now".
 */
const SAME_SIGNAL_MS = 1_000

/**
 * `npm run demo` (`--demo`): the demo on its own embedded PostgreSQL and
 * secrets under `<DATA_DIR>/demo`, whatever the environment or `.env` says
 * about the office's database, so that demo accounts with published
 * passwords can never be seeded into an office's database.
 */
function useSelfContainedDemo() {
	process.env.APP_MODE = 'demo'
	for (const name of ['DATABASE_URL', 'SESSION_SECRET', 'HASH_PEPPER']) delete process.env[name]
}

/**
 * The embedded database is this process's own: it migrates it. A database
 * of the operator's is migrated as a step of its own (`npm run db:migrate`,
 * with a deployment), so the server only checks that it is current.
 */
async function prepareSchema(database: Database, logger: Logger): Promise<void> {
	if (database.embedded) {
		logger.info(await applyMigrationsApart(database.url))
		return
	}
	const pending = await pendingMigrations(database.url)
	if (pending.length === 0) return
	throw new Error(
		`the database lacks ${pending.length} migration(s) (${pending.join(', ')}); run \`npm run db:migrate\` first`,
	)
}

/** What to type into a browser on this machine. */
function localUrl(host: string, port: number): string {
	const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)
	const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host
	return `http://${name}:${port}`
}

/**
 * An office that is not set up yet gets a one-time setup link at every
 * start, for the person at the terminal (it is not key material: it opens
 * the setup once, and only until someone completes it).
 */
async function issueSetupLinkAtStart(logger: Logger): Promise<string | null> {
	try {
		const { issueSetupLink } = await import('../app/features/staff-admin/office-setup.server.ts')
		return await issueSetupLink()
	} catch (error) {
		logger.error({ err: errorSummary(error) }, 'could not issue a setup link')
		return null
	}
}

export async function main(): Promise<void> {
	loadDotEnvFile()
	if (process.argv.includes('--demo')) useSelfContainedDemo()
	let env: Env
	try {
		env = parseEnv(process.env)
	} catch (error) {
		if (!(error instanceof EnvError)) throw error
		console.error('Anlaufstelle cannot start; fix these environment variables (see .env.example):')
		for (const problem of error.problems) console.error(`  ${problem}`)
		process.exit(1)
	}

	process.env.LOG_LEVEL = env.LOG_LEVEL
	const logger = getLogger()
	const postgresLog = logger.child({ component: 'postgres' })
	const database = await openDatabase(env, (line) => postgresLog.debug(line))
	// The app reads these through getEnv(): the embedded default supplies
	// what an operator would otherwise set.
	process.env.DATABASE_URL = database.url
	if (database.localSecrets) {
		process.env.SESSION_SECRET ??= database.localSecrets.sessionSecret
		process.env.HASH_PEPPER ??= database.localSecrets.hashPepper
	}

	const hashPepper = process.env.HASH_PEPPER
	if (!hashPepper) {
		console.error(
			'Anlaufstelle cannot start: HASH_PEPPER is required with DATABASE_URL (see .env.example)',
		)
		await database.close()
		process.exit(1)
	}

	const stopDatabaseOnFailure = async (error: unknown) => {
		// Start-up errors carry no visitor data; their whole message helps the operator.
		const message = error instanceof Error ? error.message : String(error)
		logger.fatal({ message }, 'start-up failed')
		console.error(`Anlaufstelle could not start: ${message}`)
		await database.close()
		process.exit(1)
	}

	try {
		await prepareSchema(database, logger)
		const { disconnectPrisma, prisma } = await import('../app/platform/db.server.ts')
		if (env.APP_MODE === 'demo') {
			const { seedDemo } = await import('./demo.ts')
			await seedDemo(logger)
		}

		const { startHousekeeping } = await import('./housekeeping.ts')
		const stopHousekeeping = startHousekeeping(logger)
		// Every instance sends mail; the queue hands each job to one of them.
		const { startNotificationWorker } =
			await import('../app/features/notifications/notification-worker.server.ts')
		const notifications = await startNotificationWorker(logger)

		const isDatabaseReady = async () => {
			try {
				await prisma.$queryRaw`SELECT 1`
				return true
			} catch {
				return false
			}
		}

		let app
		let vite: ViteDevServer | undefined
		if (env.NODE_ENV === 'development') {
			const { createServer } = await import('vite')
			vite = await createServer({ server: { middlewareMode: true } })
			app = createApp({
				mode: 'development',
				vite,
				logger,
				trustProxy: env.TRUST_PROXY,
				hashPepper,
				isDatabaseReady,
			})
		} else {
			// Built by `npm run build` (`npm start` builds first when needed).
			const buildUrl = pathToFileURL(path.join(BUILD_DIR, 'server', 'index.js')).href
			const build = (await import(buildUrl)) as ServerBuild
			app = createApp({
				mode: 'production',
				build,
				logger,
				trustProxy: env.TRUST_PROXY,
				hashPepper,
				isDatabaseReady,
			})
		}

		// Issued before listening, so that a link issued later (by a test, or
		// another instance) is the one that counts.
		const setupLink = env.APP_MODE === 'office' ? await issueSetupLinkAtStart(logger) : null
		const server = app.listen(env.PORT, env.HOST, () => {
			const { port } = server.address() as AddressInfo
			const url = localUrl(env.HOST, port)
			logger.info(
				{ url, mode: env.APP_MODE, database: database.embedded ? 'embedded' : 'DATABASE_URL' },
				'listening',
			)
			console.log(
				`\nAnlaufstelle${env.APP_MODE === 'demo' ? ' (demo)' : ''} is running at ${url}\n`,
			)
			if (setupLink) console.log(`Open ${url}${setupLink} to set up the office\n`)
		})
		server.on('error', (error) => void stopDatabaseOnFailure(error))

		let stoppingSince: number | undefined
		const shutdown = async (signal: string) => {
			if (stoppingSince !== undefined) {
				if (Date.now() - stoppingSince < SAME_SIGNAL_MS) return
				logger.warn('second signal: exiting at once')
				process.exit(1)
			}
			stoppingSince = Date.now()
			logger.info({ signal }, 'shutting down: finishing requests in flight')
			// Stop accepting; idle keep-alive sockets close now, busy ones after
			// their response; whatever is still open after the grace period is cut.
			const closed = new Promise<void>((resolve) => server.close(() => resolve()))
			server.closeIdleConnections()
			const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
			await closed
			clearTimeout(force)
			stopHousekeeping()
			await notifications?.stop()
			await vite?.close()
			await disconnectPrisma()
			await database.close()
			logger.info('stopped')
			process.exit(0)
		}
		process.on('SIGINT', () => void shutdown('SIGINT'))
		process.on('SIGTERM', () => void shutdown('SIGTERM'))
	} catch (error) {
		await stopDatabaseOnFailure(error)
	}
}
