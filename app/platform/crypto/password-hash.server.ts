// The login verifier: Argon2id at OWASP's minimum profile, encoded with its
// parameters and salt so that a later change of cost still verifies old
// hashes (and rehashes them at the next login).
import argon2 from 'argon2'
import { throughArgon2Gate } from './argon2-gate.server'

/** docs/decisions/0008-argon2-cost.md */
export const PASSWORD_HASHING = {
	type: argon2.argon2id,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
} as const

export function hashPassword(password: string): Promise<string> {
	return throughArgon2Gate(() => argon2.hash(password, PASSWORD_HASHING))
}

/** False for a wrong password and for an account without one. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
	if (!hash.startsWith('$argon2')) {
		// Spend the same time, so that a missing account is not told apart by speed.
		await hashPassword(password)
		return false
	}
	return throughArgon2Gate(() => argon2.verify(hash, password))
}

export function needsRehash(hash: string): boolean {
	return argon2.needsRehash(hash, PASSWORD_HASHING)
}
