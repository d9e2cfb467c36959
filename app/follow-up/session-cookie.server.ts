// The reporter's session cookie: `<session id>.<session key>`, both random.
// HttpOnly, SameSite=Strict, Secure over HTTPS, and gone when the browser
// closes. (Its path is `/`: Remix fetches page data from `/follow-up.data`,
// which a cookie limited to `/follow-up` would not reach.)
import type { ReporterSessionToken } from '~/models/reporter-session.server'

const NAME = 'follow_up'
const PATH = '/'

export function readReporterToken(request: Request): ReporterSessionToken | null {
	const header = request.headers.get('Cookie') ?? ''
	for (const part of header.split(';')) {
		const [key, value = ''] = part.trim().split('=')
		if (key !== NAME) continue
		const [id, key64] = value.split('.')
		if (!id || !key64) return null
		const sessionKey = Buffer.from(key64, 'base64url')
		return sessionKey.length === 32 ? { id, key: sessionKey } : null
	}
	return null
}

function attributes(request: Request) {
	const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
	return `Path=${PATH}; HttpOnly; SameSite=Strict${secure}`
}

export function reporterCookie(request: Request, token: ReporterSessionToken): string {
	return `${NAME}=${token.id}.${token.key.toString('base64url')}; ${attributes(request)}`
}

export function clearReporterCookie(request: Request): string {
	return `${NAME}=; Max-Age=0; ${attributes(request)}`
}
