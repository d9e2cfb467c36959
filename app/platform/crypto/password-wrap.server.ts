// A staff member's private key, wrapped by a key derived from their password
// with Argon2id, so that the database alone never yields it. Unwrapping is
// also the password check: AES-256-GCM's tag fails for a wrong key, so no
// separate verifier exists for an offline guesser to try first, and a
// sign-in costs one Argon2 run, not two (decision 0016). Each wrap carries
// the cost it was made at, so that a key wrapped at an older, lower cost
// still opens, and is wrapped again at the current cost when it does.
import argon2 from 'argon2'
import { randomBytes } from 'node:crypto'
import { decrypt, encrypt } from './aead.server'
import { throughArgon2Gate } from './argon2-gate.server'

export type KeyCost = { memoryKiB: number; passes: number; parallelism: number }

/** RFC 9106's second recommendation at one lane, above SecureDrop's 64 MiB (decision 0016). */
export const KEY_COST: KeyCost = { memoryKiB: 65_536, passes: 3, parallelism: 1 }

export type PasswordWrappedKey = { wrapped: Buffer; salt: Buffer; cost: KeyCost }

const ASSOCIATED_DATA = 'staff-private-key'

async function keyFromPassword(password: string, salt: Buffer, cost: KeyCost): Promise<Buffer> {
	return throughArgon2Gate(() =>
		argon2.hash(password, {
			type: argon2.argon2id,
			memoryCost: cost.memoryKiB,
			timeCost: cost.passes,
			parallelism: cost.parallelism,
			salt,
			hashLength: 32,
			raw: true,
		}),
	)
}

/** Wraps at the current cost, with a new salt. */
export async function wrapWithPassword(
	secret: Buffer,
	password: string,
): Promise<PasswordWrappedKey> {
	const salt = randomBytes(16)
	const key = await keyFromPassword(password, salt, KEY_COST)
	try {
		return { salt, wrapped: encrypt(key, ASSOCIATED_DATA, secret), cost: { ...KEY_COST } }
	} finally {
		key.fill(0)
	}
}

/** The secret, or null when the password is wrong. */
export async function unwrapWithPassword(
	key: { wrapped: Uint8Array; salt: Uint8Array; cost: KeyCost },
	password: string,
): Promise<Buffer | null> {
	const derived = await keyFromPassword(password, Buffer.from(key.salt), key.cost)
	try {
		return decrypt(derived, ASSOCIATED_DATA, key.wrapped)
	} catch {
		return null
	} finally {
		derived.fill(0)
	}
}

/**
 * What unwrapping at the current cost takes, spent for nothing: a sign-in
 * for an address without an account must not answer sooner than one with.
 */
export async function spendUnwrapTime(password: string): Promise<void> {
	;(await keyFromPassword(password, randomBytes(16), KEY_COST)).fill(0)
}

/** Whether a key wrapped at this cost should be wrapped again at the current one. */
export function isBelowCurrentCost(cost: KeyCost): boolean {
	return cost.memoryKiB < KEY_COST.memoryKiB || cost.passes < KEY_COST.passes
}
