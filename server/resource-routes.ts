import type { ServerBuild } from '@remix-run/node'
import type { RequestHandler } from 'express'
import { pagePathOf, routePatterns } from './route-patterns.ts'

/**
 * Refuses `GET <path>.data` for routes that answer with a file (an
 * attachment, a CSV or XLSX export, the JSON endpoint). Remix's client never
 * asks for those, but Remix would answer: it runs the loader as if for a page
 * and sends what it returns as page data, without the download headers and
 * the sandbox CSP the route sets on its own response. Such a request can only
 * be crafted. Such routes export `handle = DOWNLOAD_ROUTE`
 * (app/platform/download-route.ts). Other routes without a page (an index that redirects, logout)
 * are reached through `.data` by Remix's own navigation and stay as they are.
 */
export function refuseDataOfDownloads(build: ServerBuild): RequestHandler {
	const patterns = downloadRoutePatterns(build)
	return (req, res, next) => {
		if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.endsWith('.data'))
			return next()
		const path = pagePathOf(req.path)
		if (!patterns.some((pattern) => pattern.test(path))) return next()
		res.status(404).type('text/plain').send('Not found')
	}
}

/** A regular expression for the full path of each route marked as a download. */
export function downloadRoutePatterns(build: Pick<ServerBuild, 'routes'>): RegExp[] {
	return routePatterns(build)
		.filter(({ handle }) => (handle as { download?: boolean } | undefined)?.download)
		.map(({ pattern }) => pattern)
}
