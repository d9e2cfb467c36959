// The PostgreSQL server that tests use: TEST_DATABASE_URL or DATABASE_URL
// when given (tests then only create and drop databases of their own on it),
// otherwise a throw-away embedded cluster in a temporary folder.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../server/dev/embedded-postgres.ts'

export type TestPostgres = { adminUrl: string; stop(): Promise<void> }

export async function startTestPostgres(): Promise<TestPostgres> {
	const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
	if (given) return { adminUrl: given, stop: async () => {} }
	const dir = await makeTemporaryDir('anlaufstelle-test-pg-')
	const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), password: 'test' })
	return {
		adminUrl: cluster.adminUrl,
		stop: async () => {
			await cluster.stop()
			await fs.rm(dir, { recursive: true, force: true })
		},
	}
}

/**
 * A temporary folder the `postgres` system user can pass through when the
 * tests run as root (mkdtemp makes it 0700).
 */
export async function makeTemporaryDir(prefix: string): Promise<string> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix))
	await fs.chmod(dir, 0o711)
	return dir
}

export function databaseUrl(adminUrl: string, database: string): string {
	const url = new URL(adminUrl)
	url.pathname = `/${database}`
	return url.toString()
}

export function uniqueDatabaseName(prefix: string): string {
	return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: adminUrl })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

export async function createDatabase(
	adminUrl: string,
	name: string,
	template?: string,
): Promise<string> {
	await withAdmin(adminUrl, (client) =>
		client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
	)
	return databaseUrl(adminUrl, name)
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
	await withAdmin(adminUrl, (client) =>
		client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
	)
}
