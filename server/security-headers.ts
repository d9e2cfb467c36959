import { randomBytes } from 'node:crypto'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

/** A fresh nonce per response; Remix puts it on every script it renders. */
export const cspNonce: RequestHandler = (_req, res, next) => {
	res.locals.cspNonce = randomBytes(16).toString('base64')
	next()
}

const TWO_YEARS_IN_SECONDS = 63_072_000

/**
 * Nothing may load from another host (product.md: no third-party requests of
 * any kind), no inline script runs without the nonce, no site may frame us,
 * and forms post only here. In development Vite's hot reloading needs more,
 * so the policy is reported there instead of enforced.
 *
 * Browsers remember HSTS for two years, subdomains included (MDN's
 * recommended value, above the preload list's minimum); it is sent on every
 * production response, since TLS ends at the reverse proxy in front of the
 * app, and browsers ignore it on plain http. Development on localhost gets
 * none, so that a browser never pins http://localhost to https. No other
 * window may hold a reference to ours (Cross-Origin-Opener-Policy), and no
 * other site may embed our responses (Cross-Origin-Resource-Policy).
 */
export function securityHeaders({ development }: { development: boolean }): RequestHandler[] {
	const nonce = (_req: unknown, res: unknown) =>
		`'nonce-${(res as { locals: { cspNonce: string } }).locals.cspNonce}'`
	return [
		helmet({
			contentSecurityPolicy: {
				useDefaults: false,
				reportOnly: development,
				directives: {
					'default-src': ["'self'"],
					'script-src': ["'self'", nonce],
					'style-src': ["'self'"],
					'img-src': ["'self'"],
					'font-src': ["'self'"],
					'connect-src': development ? ["'self'", 'ws:'] : ["'self'"],
					'object-src': ["'none'"],
					'base-uri': ["'none'"],
					'form-action': ["'self'"],
					'frame-ancestors': ["'none'"],
				},
			},
			strictTransportSecurity: development
				? false
				: { maxAge: TWO_YEARS_IN_SECONDS, includeSubDomains: true },
			crossOriginOpenerPolicy: { policy: 'same-origin' },
			crossOriginResourcePolicy: { policy: 'same-origin' },
			referrerPolicy: { policy: 'no-referrer' },
			frameguard: { action: 'deny' },
			crossOriginEmbedderPolicy: false,
		}),
		(_req, res, next) => {
			res.setHeader(
				'Permissions-Policy',
				'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
			)
			next()
		},
	]
}
