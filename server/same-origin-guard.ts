import type { RequestHandler } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests sent from another site (CSRF), on top of
 * SameSite cookies. Browsers say where a request comes from in
 * Sec-Fetch-Site; older ones send Origin. Because every page sets
 * `Referrer-Policy: no-referrer`, a plain form post carries `Origin: null`;
 * such a request is judged by Sec-Fetch-Site alone, and the `null` is removed
 * so that Remix's own origin check does not mistake it for an attack.
 */
export const sameOriginGuard: RequestHandler = (req, res, next) => {
	if (SAFE_METHODS.has(req.method)) return next()
	const site = req.get('Sec-Fetch-Site')
	if (site && site !== 'same-origin' && site !== 'none') return forbid(res)
	const origin = req.get('Origin')
	if (origin === 'null') {
		if (site !== 'same-origin') return forbid(res)
		delete req.headers.origin
	} else if (origin) {
		let originHost: string
		try {
			originHost = new URL(origin).host
		} catch {
			return forbid(res)
		}
		const host = req.get('X-Forwarded-Host')?.split(',')[0]?.trim() || req.get('Host')
		if (originHost !== host) return forbid(res)
	}
	next()
}

function forbid(res: Parameters<RequestHandler>[1]) {
	res
		.status(403)
		.type('text/plain')
		.send('Forbidden: this form can only be sent from this website.')
}
