import { randomBytes } from 'node:crypto'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

/** A fresh nonce per response; Remix puts it on every script it renders. */
export const cspNonce: RequestHandler = (_req, res, next) => {
	res.locals.cspNonce = randomBytes(16).toString('base64')
	next()
}

/**
 * Nothing may load from another host (product.md: no third-party requests of
 * any kind), no inline script runs without the nonce, no site may frame us,
 * and forms post only here. In development Vite's hot reloading needs more,
 * so the policy is reported there instead of enforced.
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
