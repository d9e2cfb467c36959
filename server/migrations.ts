// Prisma-format migrations (`prisma/migrations/<timestamp>_<name>/migration.sql`)
// applied and written with the WebAssembly schema engine, so that neither
// needs Prisma's downloaded native engine. `prisma migrate deploy` reads the
// same folders wherever that engine is available.
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { MigrationList } from '@prisma/schema-engine-wasm'
import pg from 'pg'
import {
	installJobQueue,
	JOB_SCHEMA,
	jobQueueSchemaVersion,
} from '../app/features/notifications/job-queue.server.ts'
import { BUILD_DIR, PRISMA_DIR, ROOT } from './paths.ts'
import { withSchemaEngine } from './schema-engine.ts'

export const SCHEMA_FILE = path.join(PRISMA_DIR, 'schema.prisma')
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations')
/**
 * The schema as the migrations leave the database. A new migration is the
 * difference between it and schema.prisma; the drift test proves that it
 * matches what the migrations build.
 */
export const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma')
const LOCK_FILE = 'migration_lock.toml'

const NO_FILTERS = { externalTables: [], externalEnums: [] }

export async function readMigrationList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
	const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => [])
	const directories = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
	const migrationDirectories = await Promise.all(
		directories.map(async (name) => {
			const file = path.join(migrationsDir, name, 'migration.sql')
			const content = await fs
				.readFile(file, 'utf8')
				.then((value) => ({ tag: 'ok' as const, value }))
				.catch((error: Error) => ({ tag: 'error' as const, value: error.message }))
			return { path: name, migrationFile: { path: 'migration.sql', content } }
		}),
	)
	const lockContent = await fs
		.readFile(path.join(migrationsDir, LOCK_FILE), 'utf8')
		.catch(() => null)
	return {
		baseDir: migrationsDir,
		lockfile: { path: LOCK_FILE, content: lockContent },
		shadowDbInitScript: '',
		migrationDirectories,
	}
}

/** Any constant: the one advisory lock of every migration run. */
const MIGRATION_LOCK = 0x616e6c6d

/**
 * Applies pending migrations, then installs or upgrades the mail queue's
 * schema (pg-boss, decision 0017); returns the names of the migrations
 * applied now. One run at a time per database: a second instance starting
 * at once waits for the advisory lock, then finds nothing left to do.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
	const schema = await fs.readFile(SCHEMA_FILE, 'utf8')
	const migrationsList = await readMigrationList()
	const lock = new pg.Client({ connectionString: databaseUrl })
	await lock.connect()
	try {
		await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
		const applied = await withSchemaEngine(schema, databaseUrl, async (engine) => {
			const { appliedMigrationNames } = await engine.applyMigrations({
				migrationsList,
				filters: NO_FILTERS,
			})
			return appliedMigrationNames
		})
		await installJobQueue(databaseUrl)
		return applied
	} finally {
		// Ending the session releases the lock, also when a step failed.
		await lock.end()
	}
}

/**
 * Applies pending migrations from a process of its own: the command behind
 * `npm run db:migrate`, run with the same `node` (and, from the source, the
 * same tsx). The schema engine is needed for a second at start-up; in a
 * process of its own, none of its memory stays with the server.
 */
export async function applyMigrationsApart(databaseUrl: string): Promise<string> {
	const fromSource = import.meta.url.endsWith('.ts')
	const command = fromSource
		? path.join(ROOT, 'scripts', 'db', 'migrate.ts')
		: path.join(BUILD_DIR, 'server-runtime', 'migrate.js')
	const child = spawn(process.execPath, [...process.execArgv, command], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject)
		child.once('exit', resolve)
	})
	if (code !== 0) throw new Error(`migrations failed: ${output.trim()}`)
	return output.trim()
}

/**
 * The migrations of prisma/migrations that the database has not applied
 * (or whose run failed), read from Prisma's own bookkeeping table without
 * loading the schema engine; and the mail queue's schema, when it is
 * missing or older than this code's pg-boss wants.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
	const { migrationDirectories } = await readMigrationList()
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		const applied = await client
			.query<{ migration_name: string }>(
				'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
			)
			.then(({ rows }) => new Set(rows.map((row) => row.migration_name)))
			.catch((error: { code?: string }) => {
				// 42P01: no such table, so nothing has been applied yet.
				if (error.code === '42P01') return new Set<string>()
				throw error
			})
		const queue = await client
			.query<{ version: number }>(`SELECT version FROM ${JOB_SCHEMA}.version`)
			.then(({ rows }) => rows[0]?.version ?? null)
			.catch((error: { code?: string }) => {
				// 42P01, 3F000: no such table or schema, so it is not installed.
				if (error.code === '42P01' || error.code === '3F000') return null
				throw error
			})
		const pending = migrationDirectories.map((entry) => entry.path).filter((n) => !applied.has(n))
		if (queue !== jobQueueSchemaVersion()) pending.push(`${JOB_SCHEMA} (the mail queue)`)
		return pending
	} finally {
		await client.end()
	}
}

/**
 * The SQL that turns a database built from `from` (or an empty one) into `to`.
 * The diff itself reads neither database, but the engine insists on a
 * connection when it starts.
 */
export async function migrationScript(
	from: string | null,
	to: string,
	databaseUrl: string,
): Promise<string> {
	const target = (content: string) => ({
		tag: 'schemaDatamodel' as const,
		files: [{ path: 'schema.prisma', content }],
	})
	return withSchemaEngine(to, databaseUrl, async (engine) => {
		const result = await engine.diff({
			from: from === null ? { tag: 'empty' } : target(from),
			to: target(to),
			script: true,
			exitCode: null,
			filters: NO_FILTERS,
		})
		return result.stdout ?? ''
	})
}

export function isEmptyMigration(script: string): boolean {
	return script
		.split('\n')
		.map((line) => line.trim())
		.every((line) => line === '' || line.startsWith('--'))
}
