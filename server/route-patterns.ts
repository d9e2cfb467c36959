// The routes of the Remix build as the Express layer sees them, before Remix
// runs: a regular expression of each route's full path, to find the route a
// request is for and read what its `handle` declares (a download, a larger
// body limit).
import type { ServerBuild } from '@remix-run/node'

export type RoutePattern = { id: string; pattern: RegExp; handle: unknown }

/**
 * Every route of the build with a pattern of its full path, the most
 * specific first, ranked as Remix ranks them: a fixed segment before a
 * parameter, an index before its layout, a splat (`$.tsx`) last.
 */
export function routePatterns(build: Pick<ServerBuild, 'routes'>): RoutePattern[] {
	const fullPath = (id: string): string => {
		const route = build.routes[id]
		if (!route) return ''
		const parent = route.parentId ? fullPath(route.parentId) : ''
		return [parent, route.path ?? ''].filter(Boolean).join('/')
	}
	return Object.values(build.routes)
		.map((route) => {
			const segments = fullPath(route!.id).split('/').filter(Boolean)
			const pattern = segments.map((segment) =>
				segment === '*'
					? '.*'
					: segment.startsWith(':')
						? '[^/]+'
						: segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
			)
			return {
				id: route!.id,
				pattern: new RegExp(`^/${pattern.join('/')}/?$`, 'i'),
				handle: route!.module.handle,
				score: specificity(segments, route!.index === true),
			}
		})
		.sort((a, b) => b.score - a.score)
		.map(({ id, pattern, handle }) => ({ id, pattern, handle }))
}

/** React Router's ranking (computeScore in @remix-run/router). */
function specificity(segments: string[], index: boolean): number {
	let score = segments.length + (index ? 2 : 0)
	for (const segment of segments) {
		score += segment === '*' ? -2 : segment.startsWith(':') ? 3 : 10
	}
	return score
}

/** The route a page path is for: the most specific whose pattern matches, if any. */
export function routeOf(patterns: RoutePattern[], path: string): RoutePattern | undefined {
	return patterns.find(({ pattern }) => pattern.test(path))
}

/**
 * The page path a request is for, as Remix finds it: single fetch asks for
 * `<path>.data` (and `/_root.data` for the start page), and each segment is
 * matched decoded (`/request` and `/requ%65st` are one route).
 */
export function pagePathOf(requestPath: string): string {
	const page = requestPath.endsWith('.data')
		? requestPath.slice(0, -'.data'.length).replace(/^\/_root$/, '/')
		: requestPath
	try {
		return page
			.split('/')
			.map((segment) => decodeURIComponent(segment).replaceAll('/', '%2F'))
			.join('/')
	} catch {
		return page
	}
}
