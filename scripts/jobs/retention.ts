// `npm run jobs:retention`: the retention job on demand (the server also runs
// it daily). Uses DATABASE_URL, or the embedded database under .data/.
import { loadDotEnvFile, parseEnv } from '../../app/platform/env.server.ts'
import { openDatabase } from '../../server/database.ts'
import { applyMigrations } from '../../server/migrations.ts'

loadDotEnvFile()
const database = await openDatabase(parseEnv(process.env), () => {})
process.env.DATABASE_URL = database.url
try {
	await applyMigrations(database.url)
	const { runRetention } = await import('../../app/features/cases/retention.server.ts')
	const { disconnectPrisma } = await import('../../app/platform/db.server.ts')
	const { deleted, auditEntriesDeleted } = await runRetention()
	console.log(
		deleted.length
			? `Deleted ${deleted.length} case(s), keeping their counts: ${deleted.join(', ')}`
			: 'No case is due for deletion.',
	)
	if (auditEntriesDeleted)
		console.log(`Deleted ${auditEntriesDeleted} audit entries past the period.`)
	await disconnectPrisma()
} finally {
	await database.close()
}
