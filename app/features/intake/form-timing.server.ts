// A bot posts a form the instant it loads it; a person needs time to read
// and write. The form carries the time it was rendered, signed so that it
// cannot be backdated, and a submission sooner than this is not stored.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { getHashPepper } from '~/platform/hash-pepper.server'

export const MIN_FILL_SECONDS = 3

const sign = (issuedAt: string) =>
	createHmac('sha256', getHashPepper()).update(`form-started:${issuedAt}`).digest('base64url')

export function issueFormToken(now = Date.now()): string {
	const issuedAt = String(now)
	return `${issuedAt}.${sign(issuedAt)}`
}

/** Whether the form was filled in long enough; a missing or forged token is not. */
export function wasFilledByAPerson(token: unknown, now = Date.now()): boolean {
	if (typeof token !== 'string') return false
	const [issuedAt = '', signature = ''] = token.split('.')
	const expected = Buffer.from(sign(issuedAt))
	const given = Buffer.from(signature)
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false
	return now - Number(issuedAt) >= MIN_FILL_SECONDS * 1000
}
