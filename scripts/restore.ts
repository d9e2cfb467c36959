// `npm run restore -- <file>`: loads a backup made by `npm run backup` into
// an empty database (DATABASE_URL, or the embedded one under .data/):
// applies the migrations, then every row in one transaction. Refuses a
// database that already holds staff accounts or cases.
import { loadDotEnvFile, parseEnv } from '../app/platform/env.server.ts'
import { openDatabase } from '../server/database.ts'
import { RestoreRefusedError, restoreDatabase } from '../server/restore.ts'

loadDotEnvFile()
const file = process.argv[2]
if (!file) {
	console.error('Usage: npm run restore -- <backup file>')
	process.exit(1)
}
const database = await openDatabase(parseEnv(process.env), () => {})
try {
	const { rows } = await restoreDatabase(database.url, file)
	const total = Object.values(rows).reduce((sum, count) => sum + count, 0)
	console.log(`Restored ${total} rows into ${Object.keys(rows).length} tables from ${file}.`)
} catch (error) {
	if (!(error instanceof RestoreRefusedError)) throw error
	console.error(error.message)
	process.exitCode = 1
} finally {
	await database.close()
}
