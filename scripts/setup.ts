// `npm run setup`: prepares a new office. Creates the office recovery key
// (its private half is printed once, to be kept offline on paper, and never
// stored), the first lead and the first admin account. Asks on the terminal,
// or reads SETUP_LEAD_EMAIL, SETUP_LEAD_NAME, SETUP_LEAD_PASSWORD and
// SETUP_ADMIN_EMAIL, SETUP_ADMIN_NAME, SETUP_ADMIN_PASSWORD. Both enrol their
// second factor at their first login.
import readline from 'node:readline/promises'
import { loadDotEnvFile, parseEnv } from '../app/platform/env.server.ts'
import { openDatabase } from '../server/database.ts'
import { applyMigrations } from '../server/migrations.ts'
import staffTexts from '../app/locales/en/staff.json'

loadDotEnvFile()
const database = await openDatabase(parseEnv(process.env), () => {})
process.env.DATABASE_URL = database.url
try {
	await applyMigrations(database.url)
	const { generateRecoveryKey } = await import('../app/platform/crypto/recovery-key.server.ts')
	const { getRecoveryPublicKey, setRecoveryPublicKey } =
		await import('../app/features/cases/office-keys.server.ts')
	const { createStaffUser } = await import('../app/features/staff-admin/staff-user.server.ts')
	const { assessPassword, personalWords } =
		await import('../app/features/staff-auth/password-strength.server.ts')
	const { MIN_PASSWORD_LENGTH } = await import('../app/features/staff-auth/password-policy.ts')
	const { APPROVED_KEY_HOLDER } = await import('../app/features/key-access/key-requests.server.ts')
	const { disconnectPrisma } = await import('../app/platform/db.server.ts')

	const { prisma } = await import('../app/platform/db.server.ts')
	const terminal = readline.createInterface({ input: process.stdin, output: process.stdout })
	const ask = async (variable: string, question: string) =>
		process.env[variable] ?? (await terminal.question(question))
	/** Why the back office's forms would refuse the password (their explanation), or null. */
	const refusalOf = async (password: string, email: string, displayName: string) => {
		if (password.length < MIN_PASSWORD_LENGTH) return staffTexts.errors.passwordTooShort
		const strength = await assessPassword(password, personalWords(email, displayName))
		return strength.strong ? null : staffTexts.errors.passwordWeak[strength.weakness]
	}
	/** A password by those rules: asked again on the terminal, refused from the environment. */
	const askPassword = async (variable: string, email: string, displayName: string) => {
		for (;;) {
			const password = await ask(
				variable,
				'Password (at least 12 characters and hard to guess: a sentence of four or more words): ',
			)
			const refusal = await refusalOf(password, email, displayName)
			if (!refusal) return password
			if (process.env[variable] !== undefined) throw new Error(`${variable}: ${refusal}`)
			console.log(refusal)
		}
	}
	const askAccount = async (role: 'LEAD' | 'ADMIN', prefix: string, title: string) => {
		const email = await ask(`${prefix}_EMAIL`, `E-mail of the first ${title}: `)
		const displayName = await ask(`${prefix}_NAME`, `Name of the first ${title}: `)
		const password = await askPassword(`${prefix}_PASSWORD`, email, displayName)
		return { role, email, displayName, password, title }
	}
	// Asked and checked before the recovery key is made and shown: a refused
	// password must not end a run whose one showing of the key is past.
	const accounts = []
	try {
		// The lead made here is approved to hold the keys: whoever runs setup holds the recovery key.
		if ((await prisma.staffUser.count({ where: APPROVED_KEY_HOLDER })) === 0) {
			accounts.push(await askAccount('LEAD', 'SETUP_LEAD', 'lead'))
		}
		if ((await prisma.staffUser.count({ where: { role: 'ADMIN', active: true } })) === 0) {
			accounts.push(await askAccount('ADMIN', 'SETUP_ADMIN', 'admin'))
		}
	} finally {
		terminal.close()
	}

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
	for (const { title, ...account } of accounts) {
		await createStaffUser(account)
		console.log(`${title[0]!.toUpperCase()}${title.slice(1)} ${account.email} created.`)
	}
	await disconnectPrisma()
} finally {
	await database.close()
}
