// A session cookie holding `<session id>.<session key>`, both random: the id
// finds the session row, the key opens what the row keeps encrypted. So a
// copy of the database holds no usable session (security-model.md).
// HttpOnly, SameSite=Strict, no expiry (gone when the browser closes), and
// Secure whenever the request is not plain HTTP to this machine itself.
// Path `/`: Remix fetches page data from `<page>.data`, which a narrower
// path would not reach.

export type SessionToken = { id: string; key: Buffer }

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

function attributes(request: Request) {
	const url = new URL(request.url)
	const secure = url.protocol === 'https:' || !LOOPBACK.has(url.hostname)
	return `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
}

export function tokenCookie(name: string) {
	return {
		read(request: Request): SessionToken | null {
			const header = request.headers.get('Cookie') ?? ''
			for (const part of header.split(';')) {
				const [key, value = ''] = part.trim().split('=')
				if (key !== name) continue
				const [id, key64] = value.split('.')
				if (!id || !key64) return null
				const sessionKey = Buffer.from(key64, 'base64url')
				return sessionKey.length === 32 ? { id, key: sessionKey } : null
			}
			return null
		},
		serialize(request: Request, token: SessionToken): string {
			return `${name}=${token.id}.${token.key.toString('base64url')}; ${attributes(request)}`
		},
		clear(request: Request): string {
			return `${name}=; Max-Age=0; ${attributes(request)}`
		},
	}
}

export const reporterSessionCookie = tokenCookie('follow_up')
export const staffSessionCookie = tokenCookie('staff_session')
