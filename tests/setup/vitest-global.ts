// Once per `vitest run`: one PostgreSQL server and one migrated template
// database; every test file then gets a fresh copy of that template
// (tests/setup/vitest-database.ts), so files never see each other's rows.
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../server/migrations.ts'
import {
	createDatabase,
	dropDatabase,
	startTestPostgres,
	uniqueDatabaseName,
} from '../support/postgres.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		postgresAdminUrl: string
		templateDatabase: string
	}
}

export default async function setup(project: TestProject) {
	const postgres = await startTestPostgres()
	const template = uniqueDatabaseName('anlaufstelle_template')
	const templateUrl = await createDatabase(postgres.adminUrl, template)
	await applyMigrations(templateUrl)
	project.provide('postgresAdminUrl', postgres.adminUrl)
	project.provide('templateDatabase', template)
	return async () => {
		await dropDatabase(postgres.adminUrl, template)
		await postgres.stop()
	}
}
