// The reporter's follow-up code: 20 characters of Crockford's Base32 (no I,
// L, O or U; read back leniently), 100 random bits, shown as five groups of
// four. It is never stored. The whole code, hashed with the server's pepper,
// finds the request; the whole code also derives the reporter's X25519 key
// pair, which opens the case key. Why no slow hash: docs/decisions/0006-follow-up-code.md.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { encodeBase32, groupsOfFour, normalizeBase32 } from './crockford-base32.server'
import { keyPairFromSeed, type KeyPair } from './key-pairs.server'

export const CODE_LENGTH = 20

/** 20 characters from 13 random bytes: 100 random bits. */
export function generateFollowUpCode(): string {
	return encodeBase32(randomBytes(13)).slice(0, CODE_LENGTH)
}

/** As people write it down: ABCD-EFGH-JKMN-PQRS-TVWX. */
export function formatFollowUpCode(code: string): string {
	return groupsOfFour(code)
}

/** The canonical code from what someone typed, or null if it cannot be one. */
export function normalizeFollowUpCode(input: string): string | null {
	const code = normalizeBase32(input)
	return code?.length === CODE_LENGTH ? code : null
}

/**
 * The keyed hash stored with the request; it reveals nothing without the
 * pepper. Over the whole code: a hash of a part would let someone with the
 * database and the pepper guess the code in two halves.
 */
export function followUpLookupHash(code: string, pepper: string): Buffer {
	return createHmac('sha256', pepper).update(`follow-up-lookup/v2:${code}`).digest()
}

export function reporterKeyPair(code: string): KeyPair {
	const seed = Buffer.from(hkdfSync('sha256', code, 'anlaufstelle', 'reporter-key-pair/v1', 32))
	return keyPairFromSeed(seed)
}
