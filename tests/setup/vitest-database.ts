import { afterAll, inject } from 'vitest'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'

const adminUrl = inject('postgresAdminUrl')
const name = uniqueDatabaseName('test')
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject('templateDatabase'))
// Keyed hashes need a pepper; a fixed one keeps test runs comparable.
process.env.HASH_PEPPER ??= 'test-pepper-that-is-at-least-32-characters-long'
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-at-least-32-characters'

afterAll(async () => {
	const { disconnectPrisma } = await import('../../app/platform/db.server.ts')
	await disconnectPrisma()
	await dropDatabase(adminUrl, name)
})
