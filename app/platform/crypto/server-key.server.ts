// Keys the server derives from SESSION_SECRET for what it must read by
// itself (a TOTP secret is checked at every login, a reporter's address when
// their notice is mailed): a database copy without the environment does not
// yield them. Case content never uses these keys.
import { hkdfSync } from 'node:crypto'
import { getEnv } from '~/platform/env.server'

export type ServerKeyPurpose = 'totp-secret' | 'reporter-notice'

export function serverKey(purpose: ServerKeyPurpose): Buffer {
	const secret = getEnv().SESSION_SECRET ?? process.env.SESSION_SECRET
	if (!secret) throw new Error('SESSION_SECRET is not set')
	return Buffer.from(hkdfSync('sha256', secret, 'anlaufstelle', `server-key:${purpose}`, 32))
}
