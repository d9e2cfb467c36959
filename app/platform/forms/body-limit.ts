// How much of a request's body a route reads at most. Without a limit one
// post could fill the server's memory before anything looked at it. A route
// that takes more than an ordinary form declares its limit in its `handle`;
// the server (server/body-limit.ts) refuses a body that announces more with
// 413 before reading any of it, and readFormData stops reading a body that
// announces nothing once it passes the same limit. A route without a
// declaration gets FORM_BODY_LIMIT.

/**
 * The most a URL-encoded form of this many typed characters takes: a
 * character is at most 4 bytes in UTF-8, and each byte travels as `%XX`;
 * plus 4 KiB for field names, separators and hidden fields. In whole KiB.
 */
export function urlEncodedFormBytes(characters: number): number {
	return Math.ceil((characters * 4 * 3 + 4096) / 1024) * 1024
}

/**
 * Every back-office form at its longest: the sign-in holds an e-mail (200
 * characters), a password (1000) and where to go next (2000); the password
 * change three passwords (3000) (auth-schemas.ts, schema-fields.ts).
 */
export const FORM_BODY_LIMIT = urlEncodedFormBytes(200 + 1000 + 2000)

export type BodyLimitHandle = { bodyLimit: number }

/** The `handle` of a route whose posts may be larger than FORM_BODY_LIMIT. */
export const bodyLimitHandle = (bytes: number): BodyLimitHandle => ({ bodyLimit: bytes })

/** The limit a route's `handle` declares, or FORM_BODY_LIMIT. */
export function bodyLimitOf(handle: unknown): number {
	const declared = (handle as Partial<BodyLimitHandle> | undefined)?.bodyLimit
	return typeof declared === 'number' ? declared : FORM_BODY_LIMIT
}
