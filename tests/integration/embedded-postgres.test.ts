import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import {
	ensureDatabase,
	freePort,
	startEmbeddedPostgres,
} from '../../server/dev/embedded-postgres.ts'
import { makeTemporaryDir } from '../support/postgres.ts'

const dirs: string[] = []
afterAll(async () => {
	for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true })
})

async function query(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query(sql)).rows
	} finally {
		await client.end()
	}
}

describe('embedded PostgreSQL', () => {
	test('keeps its data between runs, with a password', async () => {
		const dir = await makeTemporaryDir('anlaufstelle-embedded-')
		dirs.push(dir)
		const dataDir = path.join(dir, 'postgres')

		const first = await startEmbeddedPostgres({ dataDir, password: 'first-password' })
		await ensureDatabase(first.adminUrl, 'app')
		await query(
			first.urlFor('app'),
			"CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')",
		)
		await first.stop()
		await expect(fs.access(path.join(dataDir, 'postmaster.pid'))).rejects.toThrow()

		const second = await startEmbeddedPostgres({ dataDir, password: 'first-password' })
		try {
			expect(await query(second.urlFor('app'), 'SELECT v FROM kept')).toEqual([{ v: 'still here' }])
			const wrong = new URL(second.urlFor('app'))
			wrong.password = 'wrong'
			await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password/)
		} finally {
			await second.stop()
		}
	})

	test('two processes starting on one new folder at once share one cluster and one database', async () => {
		const dir = await makeTemporaryDir('anlaufstelle-embedded-')
		dirs.push(dir)
		const dataDir = path.join(dir, 'postgres')
		// As two app instances do: initialise, start, create the database, all at once.
		const start = async () => {
			const cluster = await startEmbeddedPostgres({ dataDir, password: 'shared' })
			await ensureDatabase(cluster.adminUrl, 'app')
			return cluster
		}
		const [one, other] = await Promise.all([start(), start()])
		try {
			expect(new URL(one.adminUrl).port).toBe(new URL(other.adminUrl).port)
			expect(await query(other.urlFor('app'), 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
			expect((await fs.readdir(dir)).sort()).toEqual(['postgres'])
		} finally {
			await Promise.all([one.stop(), other.stop()])
		}
	})

	test('comes back by itself after the server process dies', async () => {
		const dir = await makeTemporaryDir('anlaufstelle-embedded-')
		dirs.push(dir)
		const dataDir = path.join(dir, 'postgres')
		const port = await freePort()
		const cluster = await startEmbeddedPostgres({ dataDir, password: 'pw', port })
		try {
			const pid = Number(
				(await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
			)
			process.kill(pid, 'SIGKILL')
			await expect(query(cluster.adminUrl, 'SELECT 1')).rejects.toThrow()
			const deadline = Date.now() + 15_000
			let answer: unknown
			while (Date.now() < deadline && !answer) {
				answer = await query(cluster.adminUrl, 'SELECT 1 AS ok').catch(() => undefined)
				if (!answer) await new Promise((resolve) => setTimeout(resolve, 200))
			}
			expect(answer).toEqual([{ ok: 1 }])
		} finally {
			await cluster.stop()
		}
	})
})
