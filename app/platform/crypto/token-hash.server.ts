// How a random token is stored: invitation and setup links, API tokens,
// session ids. The tokens carry 192 bits or more of randomness, so a plain
// SHA-256 cannot be reversed or guessed, and a database copy holds nothing
// that works as a link, a bearer token or a cookie.
import { createHash, randomBytes } from 'node:crypto'

/** A fresh random token, URL-safe. */
export function newRandomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url')
}

export function hashToken(token: string): Buffer {
	return createHash('sha256').update(token).digest()
}
