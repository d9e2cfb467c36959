// `npm run setup`: prepares a new office. Creates the office recovery key
// (its private half is printed once, to be kept offline on paper, and never
// stored) and the first lead account. Asks on the terminal, or reads
// SETUP_LEAD_EMAIL, SETUP_LEAD_NAME and SETUP_LEAD_PASSWORD.
import readline from 'node:readline/promises'
import { loadDotEnvFile, parseEnv } from '../app/env.server.ts'
import { openDatabase } from '../server/database.ts'
import { applyMigrations } from '../server/migrations.ts'

loadDotEnvFile()
const database = await openDatabase(parseEnv(process.env), () => {})
process.env.DATABASE_URL = database.url
try {
	await applyMigrations(database.url)
	const { generateRecoveryKey } = await import('../app/crypto/recovery-key.server.ts')
	const { getRecoveryPublicKey, setRecoveryPublicKey } =
		await import('../app/models/office-keys.server.ts')
	const { createStaffUser, listActiveLeadKeys } = await import('../app/models/staff-user.server.ts')
	const { disconnectPrisma } = await import('../app/db.server.ts')

	if (await getRecoveryPublicKey()) {
		console.log('The office recovery key exists already; it is not shown again.')
	} else {
		const { keyPair, sheetText } = generateRecoveryKey()
		await setRecoveryPublicKey(keyPair.publicKey)
		console.log(
			[
				'',
				'=== OFFICE RECOVERY KEY: print this, keep it offline, never store it on a computer ===',
				'',
				`    ${sheetText}`,
				'',
				'With it the office can open every request if no lead can any more.',
				'It is shown only now; the server keeps only its public half.',
				'',
			].join('\n'),
		)
	}

	if ((await listActiveLeadKeys()).length === 0) {
		const terminal = readline.createInterface({ input: process.stdin, output: process.stdout })
		const ask = async (variable: string, question: string) =>
			process.env[variable] ?? (await terminal.question(question))
		const email = await ask('SETUP_LEAD_EMAIL', 'E-mail of the first lead: ')
		const displayName = await ask('SETUP_LEAD_NAME', 'Name of the first lead: ')
		const password = await ask('SETUP_LEAD_PASSWORD', 'Password (at least 12 characters): ')
		terminal.close()
		if (password.length < 12) throw new Error('the password needs at least 12 characters')
		await createStaffUser({ email, displayName, password, role: 'LEAD' })
		console.log(`Lead ${email} created.`)
	}
	await disconnectPrisma()
} finally {
	await database.close()
}
