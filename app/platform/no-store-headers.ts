import type { HeadersFunction } from '@remix-run/node'

/**
 * A page's `headers` for pages that must never be cached (a secret in the
 * address or on the page). Remix takes a document's headers from the
 * deepest route's `headers` function, not from the `data()` headers of its
 * loader or action, so a page says it here; the root's (a language
 * cookie) are kept.
 */
export const noStoreHeaders: HeadersFunction = ({ parentHeaders }) => {
	const headers = new Headers(parentHeaders)
	headers.set('Cache-Control', 'no-store')
	return headers
}
