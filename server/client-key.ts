import { createHmac } from 'node:crypto'
import type { RequestHandler } from 'express'

/**
 * Tells clients apart for rate limiting without knowing who they are: a
 * keyed hash of the address and the current day. The address itself never
 * leaves this function, and the key changes at midnight (UTC), so counters
 * cannot be linked from one day to the next.
 */
export function clientKey(pepper: string): RequestHandler {
	return (req, res, next) => {
		const day = new Date().toISOString().slice(0, 10)
		res.locals.clientKey = createHmac('sha256', pepper)
			.update(`client:${day}:${req.ip ?? 'unknown'}`)
			.digest()
		next()
	}
}
