import { afterAll, inject } from 'vitest'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'

const adminUrl = inject('postgresAdminUrl')
const name = uniqueDatabaseName('test')
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject('templateDatabase'))

afterAll(async () => {
	const { disconnectPrisma } = await import('../../app/db.server.ts')
	await disconnectPrisma()
	await dropDatabase(adminUrl, name)
})
