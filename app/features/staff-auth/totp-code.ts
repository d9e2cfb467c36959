// Time-based one-time passwords as RFC 6238 and every authenticator app
// define them (HMAC-SHA-1, 30-second steps, 6 digits), through otplib, which
// follows the RFC (its test vectors are checked in totp-code.test.ts). A code
// is accepted one step early or late (clock drift) and never twice: the
// accepted step is remembered and passed back as `lastStep`.
// Plain Node, no app imports: the end-to-end tests compute codes with it.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib'

const PERIOD_SECONDS = 30

export function newTotpSecret(): string {
	// 160 bits, the size RFC 4226 recommends.
	return generateSecret({ length: 20 })
}

export function totpAuthUri(secret: string, accountName: string, issuer: string): string {
	// otplib leaves out the defaults (SHA1, 6 digits, 30 s), as authenticator apps expect.
	return generateURI({ issuer, label: accountName, secret })
}

export const stepAt = (now: number) => Math.floor(now / 1000 / PERIOD_SECONDS)

/** The code for a moment (the demo's instructions and the tests use it). */
export function totpCode(secret: string, now = Date.now()): string {
	return generateSync({ secret, epoch: Math.floor(now / 1000), period: PERIOD_SECONDS })
}

/**
 * The time step the code belongs to, or null when it is wrong or its step
 * is not after `lastStep` (a code seen once is spent).
 */
export function acceptTotpCode(
	secret: string,
	input: string,
	lastStep: number | null,
	now = Date.now(),
): number | null {
	const token = input.replace(/[\s-]+/g, '')
	if (!/^\d{6}$/.test(token)) return null
	const result = verifySync({
		secret,
		token,
		epoch: Math.floor(now / 1000),
		period: PERIOD_SECONDS,
		epochTolerance: PERIOD_SECONDS,
		...(lastStep === null ? {} : { afterTimeStep: lastStep }),
	})
	// The TOTP result names its step; the HOTP result type has none.
	return result.valid && 'timeStep' in result ? result.timeStep : null
}
