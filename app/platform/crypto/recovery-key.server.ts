// The office recovery key pair. Its private key is shown once, as text to
// print and keep offline, and never stored by the server.
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
