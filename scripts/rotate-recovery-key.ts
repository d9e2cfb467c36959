// `npm run keys:rotate-recovery`: replaces the office recovery key, say when
// a sheet may have been seen by someone it should not have. Reads the
// current sheet's text from standard input (never from an argument, which
// the shell history and the process list keep), prints the new sheet once,
// switches the office to it and re-wraps every case's recovery grant
// (app/features/cases/recovery-rotation.server.ts); the app may keep running.
// Given the old sheet after a rotation that stopped half-way, it finishes it.
import { loadDotEnvFile, parseEnv } from '../app/platform/env.server.ts'
import type { KeyPair } from '../app/platform/crypto/key-pairs.server.ts'
import { openDatabase } from '../server/database.ts'
import { applyMigrations } from '../server/migrations.ts'

async function readStandardInput(): Promise<string> {
	if (process.stdin.isTTY) {
		process.stderr.write('Type or paste the current recovery key, then press Enter and Ctrl-D:\n')
	}
	const chunks: Buffer[] = []
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
	return Buffer.concat(chunks).toString('utf8')
}

function printSheet(sheetText: string): void {
	console.log(
		[
			'',
			'=== NEW OFFICE RECOVERY KEY: print this, keep it offline, never store it on a computer ===',
			'',
			`    ${sheetText}`,
			'',
			'It replaces the current recovery sheet once the re-wrap below has finished.',
			'It is shown only now; the server keeps only its public half.',
			'',
		].join('\n'),
	)
}

async function rotate(oldKey: KeyPair): Promise<void> {
	const { generateRecoveryKey } = await import('../app/platform/crypto/recovery-key.server.ts')
	const { IN_FLIGHT_MS, WrongRecoveryKeyError, rotateRecoveryKey } =
		await import('../app/features/cases/recovery-rotation.server.ts')
	const next = generateRecoveryKey()
	next.keyPair.privateKey.fill(0)
	// Shown before the switch: once new requests are wrapped to the key, its
	// sheet must exist.
	printSheet(next.sheetText)
	console.log(
		`Re-wrapping every case's recovery grant to the new key (at least ${IN_FLIGHT_MS / 1000} s, so that requests arriving meanwhile are included)…`,
	)
	try {
		const { rewrapped } = await rotateRecoveryKey(oldKey, next.keyPair.publicKey)
		console.log(`Re-wrapped ${rewrapped} case key(s) to the new recovery key.`)
		console.log('The old recovery sheet is no longer needed: destroy it.')
	} catch (error) {
		if (error instanceof WrongRecoveryKeyError) {
			console.error('The recovery key changed meanwhile: the sheet above is NOT in use.')
			process.exitCode = 1
			return
		}
		console.error(
			'The rotation stopped. Keep both sheets and run `npm run keys:rotate-recovery` again with the OLD one: it finishes the rotation.',
		)
		throw error
	}
}

async function finish(oldKey: KeyPair): Promise<void> {
	const { finishRecoveryKeyRotation } =
		await import('../app/features/cases/recovery-rotation.server.ts')
	const { rewrapped } = await finishRecoveryKeyRotation(oldKey)
	if (rewrapped === 0) {
		console.error('This is not the recovery key of this office.')
		process.exitCode = 1
		return
	}
	console.log(`Finished an earlier rotation: re-wrapped ${rewrapped} case key(s) to the new key.`)
	console.log('The old recovery sheet is no longer needed: destroy it.')
}

loadDotEnvFile()
const sheet = await readStandardInput()
const database = await openDatabase(parseEnv(process.env), () => {})
process.env.DATABASE_URL = database.url
try {
	await applyMigrations(database.url)
	const { parseRecoveryKey } = await import('../app/platform/crypto/recovery-key.server.ts')
	const { isOfficeRecoveryKey } = await import('../app/features/cases/recovery-rotation.server.ts')
	const { disconnectPrisma } = await import('../app/platform/db.server.ts')
	const oldKey = parseRecoveryKey(sheet)
	try {
		if (!oldKey) {
			console.error('This is not a recovery key: check it for typing mistakes.')
			process.exitCode = 1
		} else if (await isOfficeRecoveryKey(oldKey)) {
			await rotate(oldKey)
		} else {
			await finish(oldKey)
		}
	} finally {
		oldKey?.privateKey.fill(0)
		await disconnectPrisma()
	}
} finally {
	await database.close()
}
