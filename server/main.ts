import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import type { ViteDevServer } from 'vite'
import { EnvError, loadDotEnvFile, parseEnv, type Env } from '../app/platform/env.server.ts'
import { getLogger } from '../app/platform/logger.server.ts'
import { createApp } from './app.ts'
import { BUILD_DIR, ensureFreshBuild, ensurePrismaClient } from './build.ts'
import { openDatabase } from './database.ts'
import { applyMigrations } from './migrations.ts'

const SHUTDOWN_GRACE_MS = 10_000

export async function main(): Promise<void> {
	loadDotEnvFile()
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

	let stopping = false
	const stopDatabaseOnFailure = async (error: unknown) => {
		// Start-up errors carry no visitor data; their whole message helps the operator.
		const message = error instanceof Error ? error.message : String(error)
		logger.fatal({ message }, 'start-up failed')
		console.error(`Anlaufstelle could not start: ${message}`)
		await database.close()
		process.exit(1)
	}

	try {
		const applied = await applyMigrations(database.url)
		if (applied.length) logger.info({ migrations: applied }, 'applied migrations')

		ensurePrismaClient((message) => logger.info(message))
		const { prisma, disconnectPrisma } = await import('../app/platform/db.server.ts')
		const seedDemoData = env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : database.embedded
		if (seedDemoData) {
			const { seedIfEmpty, DEMO_ACCOUNTS } = await import('../prisma/seed.ts')
			const seeded = await seedIfEmpty(prisma)
			if (seeded) {
				logger.info({ cases: seeded.cases }, 'seeded demo data')
				// Demo only: a real office runs `npm run setup`, which shows the
				// recovery key once as a sheet to print.
				console.log(`\nDemo recovery key (shown once, not stored): ${seeded.recoverySheet}`)
			}
			const demo = Object.values(DEMO_ACCOUNTS)
			const present = await prisma.staffUser.count({
				where: { email: { in: demo.map((account) => account.email) } },
			})
			if (present > 0) {
				console.log(
					'\nDemo accounts (sign in at /staff; the code comes from an authenticator app set up\n' +
						'with the TOTP secret: demo only, real accounts enrol at their first login):\n' +
						demo
							.map(
								(account) =>
									`  ${account.role.padEnd(10)} ${account.email} / ${account.password} / TOTP ${account.totpSecret}`,
							)
							.join('\n') +
						'\n',
				)
			}
		}

		const { startHousekeeping } = await import('./housekeeping.ts')
		const stopHousekeeping = startHousekeeping(logger)

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
			ensureFreshBuild((message) => logger.info(message))
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

		const server = app.listen(env.PORT, env.HOST ?? '::', () => {
			const { port } = server.address() as AddressInfo
			const url = `http://localhost:${port}`
			logger.info({ url, database: database.embedded ? 'embedded' : 'DATABASE_URL' }, 'listening')
			console.log(`\nAnlaufstelle is running at ${url}\n`)
		})
		server.on('error', (error) => void stopDatabaseOnFailure(error))

		const shutdown = async (signal: string) => {
			if (stopping) {
				logger.warn('second signal: exiting at once')
				process.exit(1)
			}
			stopping = true
			logger.info({ signal }, 'shutting down: finishing requests in flight')
			// Stop accepting; idle keep-alive sockets close now, busy ones after
			// their response; whatever is still open after the grace period is cut.
			const closed = new Promise<void>((resolve) => server.close(() => resolve()))
			server.closeIdleConnections()
			const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
			await closed
			clearTimeout(force)
			stopHousekeeping()
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
