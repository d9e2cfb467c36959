// The office recovery key pair. Its private key is shown once, as text to
// print and keep offline, and never stored by the server.
import { createHash } from 'node:crypto'
import { decodeBase32, encodeBase32, groupsOfFour } from './crockford-base32.server'
import { generateKeyPair, publicKeyOf, type KeyPair } from './key-pairs.server'

export function generateRecoveryKey(): { keyPair: KeyPair; sheetText: string } {
	const keyPair = generateKeyPair()
	return { keyPair, sheetText: groupsOfFour(encodeBase32(keyPair.privateKey)) }
}

/** The key pair from the text on the recovery sheet, or null if it is mistyped. */
export function parseRecoveryKey(text: string): KeyPair | null {
	const privateKey = decodeBase32(text, 32)
	return privateKey ? { privateKey, publicKey: publicKeyOf(privateKey) } : null
}

/**
 * A short name of a sheet, from its public key (40 bits of its SHA-256), so
 * that a person holding two printed sheets can tell which one the office uses.
 */
export function sheetNumberOf(publicKey: Uint8Array): string {
	return groupsOfFour(encodeBase32(createHash('sha256').update(publicKey).digest().subarray(0, 5)))
}
