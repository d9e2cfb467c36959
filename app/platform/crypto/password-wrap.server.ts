// A staff member's private key, wrapped by a key derived from their password
// with Argon2id (its own salt, separate from the login verifier), so that the
// database alone never yields it.
import argon2 from 'argon2'
import { randomBytes } from 'node:crypto'
import { decrypt, encrypt } from './aead.server'
import { throughArgon2Gate } from './argon2-gate.server'

/** OWASP's second recommended profile; docs/decisions records the choice. */
export const KEY_DERIVATION = {
	type: argon2.argon2id,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
} as const

async function keyFromPassword(password: string, salt: Buffer): Promise<Buffer> {
	return throughArgon2Gate(() =>
		argon2.hash(password, { ...KEY_DERIVATION, salt, hashLength: 32, raw: true }),
	)
}

export async function wrapWithPassword(secret: Buffer, password: string) {
	const salt = randomBytes(16)
	const key = await keyFromPassword(password, salt)
	return { salt, wrapped: encrypt(key, 'staff-private-key', secret) }
}

/** Throws when the password is wrong. */
export async function unwrapWithPassword(wrapped: Uint8Array, salt: Uint8Array, password: string) {
	const key = await keyFromPassword(password, Buffer.from(salt))
	return decrypt(key, 'staff-private-key', wrapped)
}
