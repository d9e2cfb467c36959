// `npm run recovery`: the recovery ceremony. Reads the office recovery key
// (the printed sheet's text) from standard input, never from an argument or
// a file it would leave behind, and completes every pending grant: for a
// new lead, or an account whose password was reset, when no lead's session
// can do it. The key is not stored.
import { loadDotEnvFile, parseEnv } from '../app/platform/env.server.ts'
import { openDatabase } from '../server/database.ts'
import { applyMigrations } from '../server/migrations.ts'

async function readStandardInput(): Promise<string> {
	if (process.stdin.isTTY) {
		process.stderr.write('Type or paste the recovery key, then press Enter and Ctrl-D:\n')
	}
	const chunks: Buffer[] = []
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
	return Buffer.concat(chunks).toString('utf8')
}

loadDotEnvFile()
const sheet = await readStandardInput()
const database = await openDatabase(parseEnv(process.env), () => {})
process.env.DATABASE_URL = database.url
try {
	await applyMigrations(database.url)
	const { parseRecoveryKey } = await import('../app/platform/crypto/recovery-key.server.ts')
	const { getRecoveryPublicKey } = await import('../app/features/cases/office-keys.server.ts')
	const { completePendingGrantsWithRecoveryKey } =
		await import('../app/features/cases/pending-grants.server.ts')
	const { disconnectPrisma } = await import('../app/platform/db.server.ts')
	const keyPair = parseRecoveryKey(sheet)
	const officeKey = await getRecoveryPublicKey()
	if (!keyPair || !officeKey || !keyPair.publicKey.equals(Buffer.from(officeKey))) {
		console.error('This is not the recovery key of this office.')
		process.exitCode = 1
	} else {
		const { completed, unopenable } = await completePendingGrantsWithRecoveryKey(keyPair)
		keyPair.privateKey.fill(0)
		console.log(`Completed ${completed} pending grant(s).`)
		if (unopenable) console.log(`${unopenable} could not be opened (no recovery grant).`)
	}
	await disconnectPrisma()
} finally {
	await database.close()
}
