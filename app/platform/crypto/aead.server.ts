// AES-256-GCM, the one symmetric cipher of the app. Every value gets a fresh
// random nonce; the associated data binds a ciphertext to where it belongs
// (a field of one case, one session), so it cannot be moved elsewhere.
// Layout: version (1 byte) | nonce (12) | ciphertext | tag (16).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const VERSION = 1
const NONCE_BYTES = 12
const TAG_BYTES = 16
export const KEY_BYTES = 32

export function newSymmetricKey(): Buffer {
	return randomBytes(KEY_BYTES)
}

export function encrypt(key: Buffer, associatedData: string, plaintext: Buffer | string): Buffer {
	if (key.length !== KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key')
	const nonce = randomBytes(NONCE_BYTES)
	const cipher = createCipheriv('aes-256-gcm', key, nonce)
	cipher.setAAD(Buffer.from(associatedData, 'utf8'))
	const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
	return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()])
}

/** Throws if the key, the associated data or a single bit of the value is wrong. */
export function decrypt(key: Buffer, associatedData: string, sealed: Uint8Array): Buffer {
	const data = Buffer.from(sealed)
	if (data.length < 1 + NONCE_BYTES + TAG_BYTES || data[0] !== VERSION) {
		throw new Error('not a ciphertext of this app')
	}
	const nonce = data.subarray(1, 1 + NONCE_BYTES)
	const tag = data.subarray(data.length - TAG_BYTES)
	const decipher = createDecipheriv('aes-256-gcm', key, nonce)
	decipher.setAAD(Buffer.from(associatedData, 'utf8'))
	decipher.setAuthTag(tag)
	return Buffer.concat([
		decipher.update(data.subarray(1 + NONCE_BYTES, data.length - TAG_BYTES)),
		decipher.final(),
	])
}
