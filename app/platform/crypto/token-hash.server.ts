import { createHash } from 'node:crypto'

/**
 * What is stored of a one-time link's or an API token's random secret: its
 * SHA-256. A random 256-bit token needs no slow or keyed hash; a copy of the
 * database then holds no usable link.
 */
export function tokenHash(token: string): Buffer {
	return createHash('sha256').update(token).digest()
}
