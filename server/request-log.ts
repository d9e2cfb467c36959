import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

/**
 * Paths that carry a secret (an invitation, password-reset or setup link's token)
 * are logged without it, so the log never opens an account.
 */
export function loggablePath(path: string): string {
	return path.replace(/^(\/staff\/invitation\/|\/setup\/)[^/]+/, '$1…')
}

/**
 * One line per request: method, path, status, duration. Deliberately no
 * query string, headers, cookies, body, IP address or user agent: the people
 * who write to the office must leave no trace in the logs.
 */
export function requestLog(logger: Logger): RequestHandler {
	return (req, res, next) => {
		const started = process.hrtime.bigint()
		res.on('finish', () => {
			const ms = Number(process.hrtime.bigint() - started) / 1e6
			logger.info(
				{
					method: req.method,
					path: loggablePath(req.path),
					status: res.statusCode,
					ms: Math.round(ms * 10) / 10,
				},
				'request',
			)
		})
		next()
	}
}
