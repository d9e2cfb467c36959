import type { ServerBuild } from '@remix-run/node'
import type { RequestHandler } from 'express'
import { bodyLimitOf } from '../app/platform/forms/body-limit.ts'
import { pagePathOf, routeOf, routePatterns } from './route-patterns.ts'

/**
 * How long a connection stays open after a 413 sent before the body had
 * arrived. Closed at once, a connection with unread data is reset, and the
 * client can lose the answer before reading it; a moment later it has read
 * it.
 */
const CLOSE_AFTER_MS = 1_000

/**
 * Refuses a request whose body announces (Content-Length) more than its
 * route reads, before any of it is read: 413. A route's limit is the one its
 * `handle` declares (app/platform/forms/body-limit.ts), or FORM_BODY_LIMIT,
 * also for a path no route has. A body that announces no length is counted
 * by readFormData (and the intake's parser) as it is read, under the same
 * limit. After either 413 the connection is closed: the rest of the body is
 * never taken in. (Another answer sent before its body arrived leaves Node to
 * read the rest and throw it away, so that the connection can carry the next
 * request.)
 */
export function refuseOversizedBodies(build: Pick<ServerBuild, 'routes'>): RequestHandler {
	const limitOf = bodyLimits(build)
	return (req, res, next) => {
		res.once('finish', () => {
			if (res.statusCode !== 413 || req.complete) return
			req.pause()
			setTimeout(() => req.socket.destroy(), CLOSE_AFTER_MS).unref()
		})
		const announced = Number(req.get('Content-Length') ?? 0)
		if (!announced || announced <= limitOf(req.path)) return next()
		res.status(413).type('text/plain').send('Zu viel auf einmal gesendet. / Too much sent at once.')
	}
}

/** The body limit of the route a request path is for. */
export function bodyLimits(build: Pick<ServerBuild, 'routes'>): (requestPath: string) => number {
	const patterns = routePatterns(build)
	return (requestPath) => bodyLimitOf(routeOf(patterns, pagePathOf(requestPath))?.handle)
}
