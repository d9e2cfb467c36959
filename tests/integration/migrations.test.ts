// The migrations and schema.prisma must describe the same database. Three
// databases are built: one by the migrations, one straight from
// schema.prisma, one from the snapshot that the next migration is diffed
// against. Their catalogues must be identical in everything schema.prisma
// can express. What the migrations add by hand beyond it (CHECK
// constraints, triggers and their functions) is left out here and proved
// by its own tests (database-integrity, statistics, retention).
import fs from 'node:fs/promises'
import pg from 'pg'
import { afterAll, describe, expect, inject, test } from 'vitest'
import {
	SCHEMA_FILE,
	SNAPSHOT_FILE,
	applyMigrations,
	isEmptyMigration,
	migrationScript,
	readMigrationList,
} from '../../server/migrations.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'

const adminUrl = inject('postgresAdminUrl')
const created: string[] = []

async function emptyDatabase(prefix: string): Promise<string> {
	const name = uniqueDatabaseName(prefix)
	created.push(name)
	return createDatabase(adminUrl, name)
}

afterAll(async () => {
	for (const name of created) await dropDatabase(adminUrl, name)
})

async function run(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

/** Tables, columns, constraints, indexes and enums, in a stable order. */
async function catalogue(url: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const query = async (sql: string) => (await client.query(sql)).rows
		return {
			columns: await query(`
				SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
				       character_maximum_length, numeric_precision, datetime_precision
				FROM information_schema.columns
				WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
				ORDER BY table_name, column_name`),
			constraints: await query(`
				SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS definition
				FROM pg_constraint
				WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
				  AND contype <> 'c'
				ORDER BY 1, 2`),
			indexes: await query(`
				SELECT tablename, indexname, indexdef FROM pg_indexes
				WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
				ORDER BY 1, 2`),
			enums: await query(`
				SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t
				JOIN pg_enum e ON e.enumtypid = t.oid
				JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
				ORDER BY 1, 3`),
		}
	} finally {
		await client.end()
	}
}

describe('migrations', () => {
	test('applying the migrations builds exactly the database schema.prisma describes', async () => {
		const schema = await fs.readFile(SCHEMA_FILE, 'utf8')
		const snapshot = await fs.readFile(SNAPSHOT_FILE, 'utf8')

		const migrated = await emptyDatabase('drift_migrated')
		expect((await applyMigrations(migrated)).length).toBeGreaterThan(0)

		const fromSchema = await emptyDatabase('drift_schema')
		await run(fromSchema, await migrationScript(null, schema, fromSchema))

		const fromSnapshot = await emptyDatabase('drift_snapshot')
		await run(fromSnapshot, await migrationScript(null, snapshot, fromSnapshot))

		const expected = await catalogue(migrated)
		expect(expected.columns.length).toBeGreaterThan(0)
		expect(
			await catalogue(fromSchema),
			'schema.prisma differs from the migrations: run `npm run db:migration -- <name>`',
		).toEqual(expected)
		expect(
			await catalogue(fromSnapshot),
			'schema.snapshot.prisma differs from the migrations',
		).toEqual(expected)
	})

	test('schema.prisma has no change that lacks a migration', async () => {
		const schema = await fs.readFile(SCHEMA_FILE, 'utf8')
		const snapshot = await fs.readFile(SNAPSHOT_FILE, 'utf8')
		expect(
			isEmptyMigration(await migrationScript(snapshot, schema, process.env.DATABASE_URL!)),
		).toBe(true)
	})

	test('two instances starting at once apply each migration once', async () => {
		const url = await emptyDatabase('concurrent')
		const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)])
		const all = (await readMigrationList()).migrationDirectories.map((directory) => directory.path)
		expect([...first, ...second].sort()).toEqual(all)
		expect(await applyMigrations(url)).toEqual([])
	})

	test('applying them again changes nothing', async () => {
		expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([])
	})
})
