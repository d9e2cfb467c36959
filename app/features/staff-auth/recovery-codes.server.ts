// Ten one-time recovery codes for a lost authenticator: 50 random bits each,
// written as two groups of five Crockford characters. Stored only as keyed
// hashes (HMAC with the server pepper): random codes need no slow hash
// (docs/decisions/0006-follow-up-code.md gives the argument).
import { createHmac, randomBytes } from 'node:crypto'
import { encodeBase32, normalizeBase32 } from '../../platform/crypto/crockford-base32.server'

export const RECOVERY_CODE_COUNT = 10
const LENGTH = 10

export function generateRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const code = encodeBase32(randomBytes(7)).slice(0, LENGTH)
		return `${code.slice(0, 5)}-${code.slice(5)}`
	})
}

/** Null when the input cannot be a recovery code. */
export function recoveryCodeHash(input: string, pepper: string): Buffer | null {
	const code = normalizeBase32(input)
	if (!code || code.length !== LENGTH) return null
	return createHmac('sha256', pepper).update(`recovery-code:${code}`).digest()
}
