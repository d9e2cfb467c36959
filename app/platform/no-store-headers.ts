import type { HeadersFunction } from '@remix-run/node'

/**
 * `headers` for a page outside /staff (which server/app.ts never lets be
 * cached) that must not be cached: a secret in its address or on it. Remix
 * takes a document's headers from the deepest route's `headers` function,
 * not from the `data()` headers of its loader or action (only cookies pass
 * through), so the page says it here.
 */
export const noStoreHeaders: HeadersFunction = ({ parentHeaders }) => {
	const headers = new Headers(parentHeaders)
	headers.set('Cache-Control', 'no-store')
	return headers
}
