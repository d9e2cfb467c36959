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
		if (originHost !== hostOf(req)) return forbid(res)
	}
	next()
}

/**
 * The host the browser addressed: X-Forwarded-Host only when the request came
 * through a proxy that `TRUST_PROXY` trusts (as Express decides for
 * req.hostname), else Host. Without this, anyone could name their own site
 * in X-Forwarded-Host and pass.
 */
function hostOf(req: Parameters<RequestHandler>[0]): string | undefined {
	const trust = req.app.get('trust proxy fn') as (
		address: string | undefined,
		hop: number,
	) => boolean
	const forwarded = req.get('X-Forwarded-Host')?.split(',')[0]?.trim()
	if (forwarded && trust(req.socket.remoteAddress, 0)) return forwarded
	return req.get('Host')
}

function forbid(res: Parameters<RequestHandler>[1]) {
	res
		.status(403)
		.type('text/plain')
		.send('Forbidden: this form can only be sent from this website.')
}
