// The TOTP secret at rest: encrypted with a key derived from SESSION_SECRET,
// since the server must read it at every login.
import { decrypt, encrypt } from '../../platform/crypto/aead.server'
import { serverKey } from '../../platform/crypto/server-key.server'

export function sealTotpSecret(secret: string): Buffer {
	return encrypt(serverKey('totp-secret'), 'totp-secret', secret)
}

export function openTotpSecret(sealed: Uint8Array): string {
	return decrypt(serverKey('totp-secret'), 'totp-secret', sealed).toString('utf8')
}
