// docs/data-protection.md is the basis of the office's impact assessment and
// record of processing: it must name every table and every column of the
// database, and nothing that is gone. And what has outlived its use goes.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import {
	acceptInvitation,
	deleteSpentInvitations,
	inviteStaff,
} from '~/features/staff-admin/invitations.server'
import { createSignedInStaff } from '../support/staff'

const DOC = path.resolve(import.meta.dirname, '../../docs/data-protection.md')

const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
beforeAll(() => client.connect())
afterAll(() => client.end())

/** Each "### `Table`" section and the columns its table names in its first cells. */
function documentedColumns(markdown: string): Record<string, string[]> {
	const tables: Record<string, string[]> = {}
	let current: string[] | null = null
	for (const line of markdown.split('\n')) {
		const heading = /^### `([^`]+)`\s*$/.exec(line)
		if (heading) tables[heading[1]!] = current = []
		else if (line.startsWith('#')) current = null
		const cell = /^\| `([^`]+)` +\|/.exec(line)
		if (cell && current) current.push(cell[1]!)
	}
	return tables
}

test('docs/data-protection.md names every column of every table, and no other', async () => {
	const { rows } = await client.query<{ table: string; column: string }>(
		`SELECT table_name AS table, column_name AS column FROM information_schema.columns
		 WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
	)
	const database: Record<string, string[]> = {}
	for (const { table, column } of rows) (database[table] ??= []).push(column)
	const sorted = (tables: Record<string, string[]>) =>
		Object.fromEntries(
			Object.entries(tables)
				.map(([table, columns]) => [table, [...columns].sort()] as const)
				.sort(([a], [b]) => a.localeCompare(b)),
		)
	const documented = documentedColumns(await fs.readFile(DOC, 'utf8'))
	expect(sorted(documented)).toEqual(sorted(database))
})

test('docs/data-protection.md names every table of the mail queue (schema pgboss)', async () => {
	const { rows } = await client.query<{ table: string }>(
		`SELECT c.relname AS table FROM pg_class c
		 WHERE c.relnamespace = 'pgboss'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
	)
	const markdown = await fs.readFile(DOC, 'utf8')
	const section = markdown.split('### The mail queue (schema `pgboss`)')[1]?.split('\n#')[0] ?? ''
	const documented = [...section.matchAll(/^\| `(\w+)`/gm)].map((match) => match[1])
	expect(documented.sort()).toEqual(rows.map((row) => row.table).sort())
})

test('the housekeeping deletes links that can no longer be used, and keeps the open ones', async () => {
	const admin = await createSignedInStaff('ADMIN', 'admin')
	const invite = (email: string) =>
		inviteStaff(admin.actor, { email, displayName: email, role: 'COUNSELLOR' })
	const used = await invite('used@example.ch')
	await invite('replaced@example.ch')
	await invite('replaced@example.ch')
	await invite('expired@example.ch')
	await invite('open@example.ch')
	expect(await acceptInvitation(used, 'a long new staff password')).not.toBeNull()
	await prisma.invitation.updateMany({
		where: { email: 'expired@example.ch' },
		data: { expiresAt: new Date(Date.now() - 1000) },
	})

	expect(await deleteSpentInvitations()).toBe(3)
	const left = await prisma.invitation.findMany({ select: { email: true } })
	expect(left.map((invitation) => invitation.email).sort()).toEqual([
		'open@example.ch',
		'replaced@example.ch',
	])
})
