// Everything in a database as text, the way a thief of a dump would see it:
// every row of every table, binary columns as hex.
import pg from 'pg'

export async function dumpDatabaseText(url: string): Promise<string> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const tables = await client.query<{ name: string }>(
			`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
		)
		const parts: string[] = []
		for (const { name } of tables.rows) {
			const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)
			parts.push(`-- ${name}`, ...rows.rows.map((r) => r.row))
		}
		return parts.join('\n')
	} finally {
		await client.end()
	}
}

/** The forms a phrase can take in a dump or a log: text, hex, base64. */
export function tracesOf(phrase: string): string[] {
	const bytes = Buffer.from(phrase, 'utf8')
	return [phrase, bytes.toString('hex'), bytes.toString('base64').slice(0, -4)]
}
