import type { ServerBuild } from '@remix-run/node'
import type { RequestHandler } from 'express'

/**
 * Refuses `GET <path>.data` for resource routes (a file download, a CSV, the
 * JSON endpoint). Remix's client never asks for those, but Remix would
 * answer: it runs the loader as if for a page and sends what it returns as
 * page data, without the download headers and the sandbox CSP the route
 * sets on its own response. Such a request can only be crafted. (Posts stay:
 * a form posting to a resource route, such as logout, goes through `.data`.)
 */
export function refuseDataOfResourceRoutes(build: ServerBuild): RequestHandler {
	const patterns = resourceRoutePatterns(build)
	return (req, res, next) => {
		if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.endsWith('.data'))
			return next()
		const path = req.path.slice(0, -'.data'.length)
		if (!patterns.some((pattern) => pattern.test(path))) return next()
		res.status(404).type('text/plain').send('Not found')
	}
}

/** A regular expression for the full path of each route without a page (no default export). */
export function resourceRoutePatterns(build: Pick<ServerBuild, 'routes'>): RegExp[] {
	const fullPath = (id: string): string => {
		const route = build.routes[id]
		if (!route) return ''
		const parent = route.parentId ? fullPath(route.parentId) : ''
		return [parent, route.path ?? ''].filter(Boolean).join('/')
	}
	return Object.values(build.routes)
		.filter((route) => route && !route.module.default)
		.map((route) => {
			const segments = fullPath(route!.id)
				.split('/')
				.filter(Boolean)
				.map((segment) =>
					segment === '*'
						? '.*'
						: segment.startsWith(':')
							? '[^/]+'
							: segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
				)
			return new RegExp(`^/${segments.join('/')}/?$`, 'i')
		})
}
