// Migration "case_channels" (issue 12) on a database with cases in it: every
// case keeps its channel under the new name, the live tally is counted
// again, what the deleted cases counted takes the new names, and a channel
// staff record is tallied like the others afterwards.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { expect, inject, test } from 'vitest'
import { MIGRATIONS_DIR, readMigrationList } from '../../server/migrations.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'

test('the migration renames the channels of the cases and of both tallies', async () => {
	const adminUrl = inject('postgresAdminUrl')
	const name = uniqueDatabaseName('case_channels')
	const old = new pg.Client({ connectionString: await createDatabase(adminUrl, name) })
	await old.connect()
	try {
		const migrations = (await readMigrationList()).migrationDirectories.map((each) => each.path)
		const upgrade = migrations.findIndex((each) => each.endsWith('_case_channels'))
		const sql = (directory: string) =>
			fs.readFile(path.join(MIGRATIONS_DIR, directory, 'migration.sql'), 'utf8')
		for (const directory of migrations.slice(0, upgrade)) await old.query(await sql(directory))

		await old.query(
			`INSERT INTO "Case" (id, reference, channel, "receivedOn") VALUES
			 ('a', '2026-AAAAA', 'ANONYMOUS', '2026-02-02'),
			 ('b', '2026-BBBBB', 'ANONYMOUS', '2026-05-05'),
			 ('c', '2026-CCCCC', 'WITH_CONTACT', '2026-05-06')`,
		)
		await old.query(
			`INSERT INTO "DeletedCaseTally" (year, quarter, dimension, key, count) VALUES
			 (2024, 1, 'channel', 'ANONYMOUS', 4),
			 (2024, 1, 'channel', 'WITH_CONTACT', 7),
			 (2024, 1, 'gender', 'woman', 5)`,
		)

		await old.query(await sql(migrations[upgrade]!))

		const rows = async (query: string) => (await old.query(query)).rows
		expect(await rows(`SELECT id, channel::text FROM "Case" ORDER BY id`)).toEqual([
			{ id: 'a', channel: 'WEB_ANONYMOUS' },
			{ id: 'b', channel: 'WEB_ANONYMOUS' },
			{ id: 'c', channel: 'WEB_WITH_CONTACT' },
		])
		const tally = `SELECT year, quarter, key, count FROM "CaseTally" WHERE dimension = 'channel' ORDER BY 1, 2, 3`
		expect(await rows(tally)).toEqual([
			{ year: 2026, quarter: 1, key: 'WEB_ANONYMOUS', count: 1 },
			{ year: 2026, quarter: 2, key: 'WEB_ANONYMOUS', count: 1 },
			{ year: 2026, quarter: 2, key: 'WEB_WITH_CONTACT', count: 1 },
		])
		expect(
			await rows(`SELECT dimension, key, count FROM "DeletedCaseTally" ORDER BY dimension, key`),
		).toEqual([
			{ dimension: 'channel', key: 'WEB_ANONYMOUS', count: 4 },
			{ dimension: 'channel', key: 'WEB_WITH_CONTACT', count: 7 },
			{ dimension: 'gender', key: 'woman', count: 5 },
		])

		// The triggers count a recorded channel by its name, as the others.
		await old.query(
			`INSERT INTO "Case" (id, reference, channel, "receivedOn") VALUES ('d', '2026-DDDDD', 'PHONE', '2026-05-07')`,
		)
		await old.query(`UPDATE "Case" SET channel = 'EMAIL' WHERE id = 'c'`)
		expect(await rows(tally)).toEqual([
			{ year: 2026, quarter: 1, key: 'WEB_ANONYMOUS', count: 1 },
			{ year: 2026, quarter: 2, key: 'EMAIL', count: 1 },
			{ year: 2026, quarter: 2, key: 'PHONE', count: 1 },
			{ year: 2026, quarter: 2, key: 'WEB_ANONYMOUS', count: 1 },
			{ year: 2026, quarter: 2, key: 'WEB_WITH_CONTACT', count: 0 },
		])
	} finally {
		await old.end()
		await dropDatabase(adminUrl, name)
	}
})
