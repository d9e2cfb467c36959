// Everything in a database as text, the way a thief of a dump would see it:
// every row of every table, the mail queue's (schema pgboss) included,
// binary columns as hex.
import pg from 'pg'

export async function dumpDatabaseText(url: string): Promise<string> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const tables = await client.query<{ schema: string; name: string }>(
			`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
			 WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
		)
		const parts: string[] = []
		for (const { schema, name } of tables.rows) {
			const rows = await client.query<{ row: string }>(
				`SELECT t::text AS row FROM "${schema}"."${name}" t`,
			)
			parts.push(`-- ${schema}.${name}`, ...rows.rows.map((r) => r.row))
		}
		return parts.join('\n')
	} finally {
		await client.end()
	}
}

/**
 * The forms a phrase can take in a dump or a log: text, hex, and base64 and
 * base64url at each of the three alignments it can have inside a longer
 * value (the characters shared with the neighbouring bytes left off).
 */
export function tracesOf(phrase: string): string[] {
	const bytes = Buffer.from(phrase, 'utf8')
	const encoded = [0, 1, 2].flatMap((shift) => {
		const shifted = Buffer.concat([Buffer.alloc(shift), bytes])
		return (['base64', 'base64url'] as const).map((encoding) =>
			shifted.toString(encoding).slice(shift ? 4 : 0, -4),
		)
	})
	// Too short a fragment would match by chance.
	return [phrase, bytes.toString('hex'), ...new Set(encoded.filter((trace) => trace.length >= 8))]
}
