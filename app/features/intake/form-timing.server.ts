// A bot posts a form the instant it loads it; a person needs time to read
// and write. The form carries the time it was rendered and a random nonce,
// signed so that it cannot be backdated, and a submission sooner than this
// is not stored. The same token is good for one stored request
// (spent-form-token.server.ts), and only within FORM_TOKEN_DAYS, the time
// its spent mark is kept (decision 0020).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { getHashPepper } from '~/platform/hash-pepper.server'

export const MIN_FILL_SECONDS = 3

/** How long a rendered form may be sent: long enough to fill it in over a weekend. */
export const FORM_TOKEN_DAYS = 3

const sign = (issuedAt: string, nonce: string) =>
	createHmac('sha256', getHashPepper())
		.update(`form-started:${issuedAt}.${nonce}`)
		.digest('base64url')

/** Two forms rendered in the same millisecond differ by their nonce, so each is spent on its own. */
export function issueFormToken(now = Date.now()): string {
	const issuedAt = String(now)
	const nonce = randomBytes(12).toString('base64url')
	return `${issuedAt}.${nonce}.${sign(issuedAt, nonce)}`
}

export type FormTokenCheck = 'person' | 'tooFast' | 'expired'

/**
 * Whether the form was filled in long enough (a missing or forged token is
 * not) and is still within its days.
 */
export function checkFormToken(token: unknown, now = Date.now()): FormTokenCheck {
	if (typeof token !== 'string') return 'tooFast'
	const [issuedAt = '', nonce = '', signature = ''] = token.split('.')
	const expected = Buffer.from(sign(issuedAt, nonce))
	const given = Buffer.from(signature)
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'tooFast'
	const age = now - Number(issuedAt)
	if (age < MIN_FILL_SECONDS * 1000) return 'tooFast'
	return age > FORM_TOKEN_DAYS * 86_400_000 ? 'expired' : 'person'
}
