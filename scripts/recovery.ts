// `npm run recovery [-- <e-mail> …]`: the recovery ceremony, the way out
// when no approved lead is left to decide. Reads the office recovery key
// (the printed sheet's text) from standard input, never from an argument or
// a file it would leave behind; approves the open key requests (of the
// accounts named, or all) and completes the pending grants of every
// approved account (or of those named). Prints whom it approved. The key is
// not stored.
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
const emails = process.argv.slice(2)
const sheet = await readStandardInput()
const database = await openDatabase(parseEnv(process.env), () => {})
process.env.DATABASE_URL = database.url
try {
	await applyMigrations(database.url)
	const { parseRecoveryKey } = await import('../app/platform/crypto/recovery-key.server.ts')
	const { NotTheRecoveryKeyError, runRecoveryCeremony } =
		await import('../app/features/key-access/key-requests.server.ts')
	const { disconnectPrisma } = await import('../app/platform/db.server.ts')
	const keyPair = parseRecoveryKey(sheet)
	try {
		if (!keyPair) throw new NotTheRecoveryKeyError()
		const result = await runRecoveryCeremony(keyPair, emails.length ? emails : undefined)
		for (const { email, role, reason, by } of result.approved) {
			console.log(`Approved ${email} (${role}; ${reason}${by ? `, asked by ${by}` : ''}).`)
		}
		for (const email of result.unknown) console.log(`No account has the address ${email}.`)
		console.log(`Completed ${result.completed} pending grant(s).`)
		if (result.unopenable)
			console.log(`${result.unopenable} could not be opened (no recovery grant).`)
	} catch (error) {
		if (!(error instanceof NotTheRecoveryKeyError)) throw error
		console.error('This is not the recovery key of this office.')
		process.exitCode = 1
	} finally {
		keyPair?.privateKey.fill(0)
	}
	await disconnectPrisma()
} finally {
	await database.close()
}
