// A logical backup of the app's database, written in Node: no pg_dump that
// talks to PostgreSQL 18 is at hand (the embedded cluster ships only the
// server, Debian's pg_dump 15 refuses a newer one). One REPEATABLE READ,
// READ ONLY transaction reads every table from a single snapshot, so the
// file is consistent while the app keeps writing.
//
// The file holds what the database holds: ciphertext, public keys and
// wrapped private keys (security-model.md, "Backups"); no secret of the
// server is in it. Only the app's schema ("public") is read: the mail
// queue's (pgboss, decision 0017) holds notices that are hours old at most,
// and a restore installs it empty. Format: gzip-compressed JSON lines, first a header
// (format, version, the migrations applied), then one line per row,
// {"table": ..., "row": {...}}, the tables in foreign-key order (parents
// first) so that a restore can insert them as it reads them. bytea is
// base64, bigint a string, timestamps and dates as PostgreSQL writes them.
import fs from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import pg from 'pg'

export const DUMP_FORMAT = 'anlaufstelle-dump'
export const DUMP_VERSION = 1

/**
 * Prisma's own bookkeeping comes back with the migrations; the statistics'
 * tallies of the cases there are are rebuilt from the "Case" rows by its
 * insert trigger (those of the cases retention deleted, "DeletedCaseTally",
 * are dumped like any other table). Sessions
 * and rate-limit counters are short-lived state: after a restore everyone
 * signs in again, and no cookie from before the restore opens anything.
 */
const NOT_DUMPED = [
	'_prisma_migrations',
	'CaseTally',
	'StaffSession',
	'ReporterSession',
	'RateLimitCounter',
]

export type DumpHeader = {
	format: typeof DUMP_FORMAT
	version: number
	createdAt: string
	migrations: string[]
}

export type DumpLine = { table: string; row: Record<string, unknown> }

export type BackupSummary = { file: string; rows: Record<string, number> }

export class BackupExistsError extends Error {
	constructor(file: string) {
		super(`${file} exists already; a backup never overwrites one.`)
	}
}

/** Writes the dump to `file` (mode 0600; an existing file is never overwritten). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
	await assertAbsent(file)
	await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	// Written beside the target (a leftover of a killed run removed first)
	// and linked to its name when complete: a failed run leaves no file that
	// looks like a backup, and the link refuses to replace one.
	const partial = `${file}.partial`
	await fs.rm(partial, { force: true })
	try {
		await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
		const rows: Record<string, number> = {}
		await pipeline(
			dumpLines(client, rows),
			createGzip(),
			createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
		)
		await client.query('COMMIT')
		await fs.link(partial, file)
		return { file, rows }
	} finally {
		await fs.rm(partial, { force: true })
		await client.end()
	}
}

async function assertAbsent(file: string): Promise<void> {
	const exists = await fs.stat(file).then(
		() => true,
		() => false,
	)
	if (exists) throw new BackupExistsError(file)
}

async function* dumpLines(client: pg.Client, counts: Record<string, number>) {
	const header: DumpHeader = {
		format: DUMP_FORMAT,
		version: DUMP_VERSION,
		createdAt: new Date().toISOString(),
		migrations: await appliedMigrations(client),
	}
	yield `${JSON.stringify(header)}\n`
	for (const table of await tablesInForeignKeyOrder(client)) {
		counts[table] = 0
		for await (const rows of tableRows(client, table)) {
			counts[table] += rows.length
			const prefix = `{"table":${JSON.stringify(table)},"row":`
			yield rows.map((row) => `${prefix}${row}}\n`).join('')
		}
	}
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		`SELECT migration_name AS name FROM _prisma_migrations
		 WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
	)
	return rows.map((row) => row.name)
}

/** The app's tables, each after every table its foreign keys point to. */
async function tablesInForeignKeyOrder(client: pg.Client): Promise<string[]> {
	const tables = await client.query<{ name: string }>(
		`SELECT table_name AS name FROM information_schema.tables
		 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))
		 ORDER BY table_name`,
		[NOT_DUMPED],
	)
	const references = await client.query<{ child: string; parent: string }>(
		`SELECT child.relname AS child, parent.relname AS parent
		 FROM pg_constraint c
		 JOIN pg_class child ON child.oid = c.conrelid
		 JOIN pg_class parent ON parent.oid = c.confrelid
		 WHERE c.contype = 'f' AND child.relnamespace = 'public'::regnamespace`,
	)
	return parentsFirst(
		tables.rows.map((table) => table.name),
		references.rows,
	)
}

function parentsFirst(tables: string[], references: { child: string; parent: string }[]) {
	const ordered: string[] = []
	const visit = (table: string, path: string[]) => {
		if (ordered.includes(table) || !tables.includes(table)) return
		if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${path.join(' → ')}`)
		for (const { child, parent } of references) {
			if (child === table && parent !== table) visit(parent, [...path, table])
		}
		ordered.push(table)
	}
	for (const table of tables) visit(table, [])
	return ordered
}

/**
 * Attachments run to 10 MB each while most rows are a few hundred bytes:
 * each fetch asks for as many rows as the previous ones suggest fit in
 * about this much memory.
 */
const FETCH_BYTES = 8 * 1024 * 1024
const FETCH_ROWS_AT_MOST = 1000

/** The table's rows as JSON text, in chunks read through a cursor. */
async function* tableRows(client: pg.Client, table: string): AsyncGenerator<string[]> {
	await client.query(`DECLARE dump_rows NO SCROLL CURSOR FOR ${await rowQuery(client, table)}`)
	let count = 1
	for (;;) {
		const { rows } = await client.query<{ row: string }>(`FETCH ${count} FROM dump_rows`)
		if (rows.length === 0) break
		const texts = rows.map((row) => row.row)
		yield texts
		const bytesPerRow = texts.reduce((sum, text) => sum + text.length, 0) / texts.length
		count = Math.max(1, Math.min(FETCH_ROWS_AT_MOST, Math.floor(FETCH_BYTES / bytesPerRow)))
	}
	await client.query('CLOSE dump_rows')
}

/** Each row as one JSON object; bytea in base64 (not JSON's hex) and bigint as a string. */
async function rowQuery(client: pg.Client, table: string): Promise<string> {
	const { rows: columns } = await client.query<{ name: string; type: string }>(
		`SELECT column_name AS name, data_type AS type FROM information_schema.columns
		 WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
		[table],
	)
	const select = columns.map(({ name, type }) => {
		const column = pg.escapeIdentifier(name)
		if (type === 'bytea') return `translate(encode(${column}, 'base64'), E'\\n', '') AS ${column}`
		if (type === 'bigint') return `${column}::text AS ${column}`
		return column
	})
	return `SELECT to_jsonb(t)::text AS row FROM (SELECT ${select.join(', ')} FROM ${pg.escapeIdentifier(table)}) AS t`
}
