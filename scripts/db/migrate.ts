// `npm run db:migrate` (`node build/server-runtime/migrate.js`): applies
// pending migrations to DATABASE_URL, or to the embedded database when it is
// unset. The server runs it too, as a process of its own, for its embedded
// database; a deployment runs it before starting the new version.
import { loadDotEnvFile, parseEnv } from '../../app/platform/env.server.ts'
import { openDatabase } from '../../server/database.ts'
import { applyMigrations } from '../../server/migrations.ts'

loadDotEnvFile()
const database = await openDatabase(parseEnv(process.env), () => {})
try {
	const applied = await applyMigrations(database.url)
	console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations')
} finally {
	await database.close()
}
