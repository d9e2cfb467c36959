// Any address no other route claims. Throwing here (rather than letting
// Remix answer 404 by itself) runs the root loader, so the "not found" page
// is in the visitor's language.
export function loader() {
	throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
	return null
}
