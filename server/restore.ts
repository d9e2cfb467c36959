// Loads a dump written by server/backup.ts into an empty database: the
// migrations first, then every row in one transaction, so that a failed
// restore leaves the database as empty as it found it. The tallies of the
// statistics come back by themselves: the insert trigger on "Case" counts
// the restored cases, and "DeletedCaseTally" comes with the dump.
import { createReadStream } from 'node:fs'
import readline from 'node:readline'
import { createGunzip } from 'node:zlib'
import pg from 'pg'
import { DUMP_FORMAT, DUMP_VERSION, type DumpHeader, type DumpLine } from './backup.ts'
import { applyMigrations, readMigrationList } from './migrations.ts'

export class RestoreRefusedError extends Error {}

export type RestoreSummary = { rows: Record<string, number> }

/** Rows per INSERT, and about how much JSON one may carry (attachments run to 10 MB). */
const BATCH_ROWS = 500
const BATCH_BYTES = 8 * 1024 * 1024

export async function restoreDatabase(databaseUrl: string, file: string): Promise<RestoreSummary> {
	const lines = jsonLines(file)
	try {
		const header = await readHeader(lines)
		await assertKnownMigrations(header.migrations)
		await applyMigrations(databaseUrl)
		return await loadRows(databaseUrl, lines as AsyncGenerator<DumpLine>)
	} finally {
		await lines.return(undefined)
	}
}

/** The file's lines, parsed; a truncated or damaged file fails in gunzip. */
async function* jsonLines(file: string): AsyncGenerator<unknown> {
	const gunzip = createGunzip()
	const source = createReadStream(file)
	source.on('error', (error) => gunzip.destroy(error))
	const input = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity })
	for await (const line of input) if (line) yield JSON.parse(line)
}

async function readHeader(lines: AsyncGenerator<unknown>): Promise<DumpHeader> {
	const { value } = await lines.next()
	const header = value as Partial<DumpHeader> | undefined
	if (header?.format !== DUMP_FORMAT) {
		throw new RestoreRefusedError('This file is not a backup of Anlaufstelle.')
	}
	if (header.version !== DUMP_VERSION || !Array.isArray(header.migrations)) {
		throw new RestoreRefusedError(
			`This backup has format version ${header.version}; this app reads version ${DUMP_VERSION}.`,
		)
	}
	return header as DumpHeader
}

/** The backup's migrations must be this app's, or its first ones: a newer app's data would not fit. */
async function assertKnownMigrations(migrations: string[]): Promise<void> {
	const known = (await readMigrationList()).migrationDirectories.map((entry) => entry.path)
	const unknown = migrations.find((name, index) => known[index] !== name)
	if (unknown) {
		throw new RestoreRefusedError(
			`The backup was made by another version of the app (its migration ${unknown} is not this app's); restore it with the version that made it.`,
		)
	}
}

async function assertEmpty(client: pg.Client): Promise<void> {
	const { rows } = await client.query<{ staff: boolean; cases: boolean }>(
		`SELECT EXISTS (SELECT 1 FROM "StaffUser") AS staff, EXISTS (SELECT 1 FROM "Case") AS cases`,
	)
	if (rows[0]!.staff || rows[0]!.cases) {
		throw new RestoreRefusedError(
			'The target database already holds staff accounts or cases. Restore only into a new, empty database; nothing was changed.',
		)
	}
}

async function loadRows(
	databaseUrl: string,
	lines: AsyncIterable<DumpLine>,
): Promise<RestoreSummary> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		await client.query('BEGIN')
		await assertEmpty(client)
		const rows = await insertRows(client, lines)
		await moveSequencesPastRows(client, Object.keys(rows))
		await client.query('COMMIT')
		return { rows }
	} finally {
		// Without COMMIT, closing the connection rolls everything back.
		await client.end()
	}
}

/** Inserts the rows as the file lists them: table by table, parents first. */
async function insertRows(
	client: pg.Client,
	lines: AsyncIterable<DumpLine>,
): Promise<Record<string, number>> {
	const counts: Record<string, number> = {}
	let batch: { table: string; rows: DumpLine['row'][]; bytes: number } | null = null
	const flush = async () => {
		if (!batch) return
		await insertBatch(client, batch.table, batch.rows)
		counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length
		batch = null
	}
	for await (const { table, row } of lines) {
		if (batch && (batch.table !== table || batch.rows.length >= BATCH_ROWS)) await flush()
		batch ??= { table, rows: [], bytes: 0 }
		batch.rows.push(row)
		batch.bytes += JSON.stringify(row).length
		if (batch.bytes >= BATCH_BYTES) await flush()
	}
	await flush()
	return counts
}

/**
 * One INSERT per batch: the rows travel as one JSON array, and
 * jsonb_to_recordset gives each column its type with PostgreSQL's own input
 * rules (arrays, enums, timestamps); bytea arrives as base64 text and is
 * decoded here.
 */
async function insertBatch(client: pg.Client, table: string, rows: DumpLine['row'][]) {
	const statement = await insertStatement(client, table, Object.keys(rows[0]!))
	await client.query(statement, [JSON.stringify(rows)])
}

async function insertStatement(client: pg.Client, table: string, columns: string[]) {
	const { rows } = await client.query<{ name: string; type: string }>(
		`SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
		 FROM pg_attribute a
		 WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
		[pg.escapeIdentifier(table)],
	)
	const types = new Map(rows.map((row) => [row.name, row.type]))
	const missing = columns.filter((column) => !types.has(column))
	if (missing.length) {
		throw new RestoreRefusedError(
			`The backup has ${table}.${missing.join(', ')}, which this version of the app does not.`,
		)
	}
	const quoted = columns.map((column) => pg.escapeIdentifier(column))
	const values = columns.map((column, i) =>
		types.get(column) === 'bytea' ? `decode(r.${quoted[i]}, 'base64')` : `r.${quoted[i]}`,
	)
	const definitions = columns.map((column, i) => {
		const type = types.get(column)!
		return `${quoted[i]} ${type === 'bytea' ? 'text' : type}`
	})
	return `INSERT INTO ${pg.escapeIdentifier(table)} (${quoted.join(', ')})
		SELECT ${values.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${definitions.join(', ')})`
}

/**
 * Rows came with their ids; a serial column's sequence ("AuditEvent".id)
 * must continue after the highest, or the next insert would collide.
 */
async function moveSequencesPastRows(client: pg.Client, tables: string[]): Promise<void> {
	const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
		`SELECT table_name AS table, column_name AS column,
		        pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
		 FROM information_schema.columns
		 WHERE table_schema = 'public' AND table_name = ANY($1)
		   AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
		[tables],
	)
	for (const { table, column, sequence } of rows) {
		const id = pg.escapeIdentifier(column)
		await client.query(
			`SELECT setval($1, coalesce(max(${id}), 1), max(${id}) IS NOT NULL) FROM ${pg.escapeIdentifier(table)}`,
			[sequence],
		)
	}
}
