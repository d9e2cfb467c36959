// `npm run backup [-- <file>]`: a consistent dump of the app's database
// (server/backup.ts), by default to backups/anlaufstelle-<timestamp>.dump.gz,
// readable by its owner only. Uses DATABASE_URL, or the embedded database
// under .data/. The dump holds ciphertext and wrapped keys only; keep
// SESSION_SECRET and HASH_PEPPER out of the place it is stored.
import { loadDotEnvFile, parseEnv } from '../app/platform/env.server.ts'
import { BackupExistsError, backupDatabase } from '../server/backup.ts'
import { openDatabase } from '../server/database.ts'

/** 2026-11-28T01-07-39Z: sorts by time and has no colon, which some file systems refuse. */
function defaultFile(now = new Date()): string {
	const stamp = now
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replaceAll(':', '-')
	return `backups/anlaufstelle-${stamp}.dump.gz`
}

loadDotEnvFile()
const file = process.argv[2] ?? defaultFile()
const database = await openDatabase(parseEnv(process.env), () => {})
try {
	const { rows } = await backupDatabase(database.url, file)
	const total = Object.values(rows).reduce((sum, count) => sum + count, 0)
	console.log(`Wrote ${file}: ${total} rows from ${Object.keys(rows).length} tables.`)
} catch (error) {
	if (!(error instanceof BackupExistsError)) throw error
	console.error(error.message)
	process.exitCode = 1
} finally {
	await database.close()
}
