// X25519 key pairs and libsodium sealed boxes (crypto_box_seal: an ephemeral
// X25519 key, XSalsa20-Poly1305), the construction GlobaLeaks uses to wrap a
// report key to each recipient. Chosen over HPKE for its cost: about 0.08 ms
// per wrap here against 3 to 7 ms (docs/decisions/0005-case-key-wrapping.md).
import sodium from 'sodium-native'

export type KeyPair = { publicKey: Buffer; privateKey: Buffer }

export function generateKeyPair(): KeyPair {
	const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES)
	const privateKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES)
	sodium.crypto_box_keypair(publicKey, privateKey)
	return { publicKey, privateKey }
}

/** The same 32-byte seed always gives the same key pair. */
export function keyPairFromSeed(seed: Buffer): KeyPair {
	if (seed.length !== sodium.crypto_box_SEEDBYTES) throw new Error('a key seed has 32 bytes')
	const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES)
	const privateKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES)
	sodium.crypto_box_seed_keypair(publicKey, privateKey, seed)
	return { publicKey, privateKey }
}

export function publicKeyOf(privateKey: Buffer): Buffer {
	const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES)
	sodium.crypto_scalarmult_base(publicKey, privateKey)
	return publicKey
}

/** Wraps a secret (a case key) so that only the holder of `publicKey`'s private key can open it. */
export function sealTo(publicKey: Uint8Array, secret: Buffer): Buffer {
	const sealed = Buffer.alloc(secret.length + sodium.crypto_box_SEALBYTES)
	sodium.crypto_box_seal(sealed, secret, Buffer.from(publicKey))
	return sealed
}

/** The wrapped secret, or null when this key pair cannot open it. */
export function openSealed(sealed: Uint8Array, keyPair: KeyPair): Buffer | null {
	if (sealed.length < sodium.crypto_box_SEALBYTES) return null
	const secret = Buffer.alloc(sealed.length - sodium.crypto_box_SEALBYTES)
	const ok = sodium.crypto_box_seal_open(
		secret,
		Buffer.from(sealed),
		keyPair.publicKey,
		keyPair.privateKey,
	)
	return ok ? secret : null
}
