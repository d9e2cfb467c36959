// The envelope both session kinds share (staff and reporter): the cookie
// holds a random id and a random key; the row is found by the id's hash and
// keeps its secret (a staff private key, a reporter's case key) encrypted
// with the key, bound to the row. A database copy opens no session.
import { decrypt, encrypt, newSymmetricKey } from '../crypto/aead.server'
import { hashToken, newRandomToken } from '../crypto/token-hash.server'
import type { SessionToken } from './token-cookie.server'

type SessionKind = 'staff-session' | 'reporter-session'

export function newSessionToken(): SessionToken {
	return { id: newRandomToken(24), key: newSymmetricKey() }
}

/** The row id of a session: the hash of the cookie's id. */
export function sessionRowId(token: SessionToken): string {
	return hashToken(token.id).toString('hex')
}

export function sealSessionSecret(kind: SessionKind, token: SessionToken, secret: Buffer): Buffer {
	return encrypt(token.key, `${kind}:${sessionRowId(token)}`, secret)
}

/** The secret kept in the row, or null when the cookie's key does not open it. */
export function openSessionSecret(
	kind: SessionKind,
	token: SessionToken,
	sealed: Uint8Array,
): Buffer | null {
	try {
		return decrypt(token.key, `${kind}:${sessionRowId(token)}`, sealed)
	} catch {
		return null
	}
}
