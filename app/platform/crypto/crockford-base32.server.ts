// Crockford's Base32 (through @scure/base): digits and letters without I, L,
// O and U, so that what people copy by hand reads back even with look-alikes
// (O for 0, I or L for 1). What this module adds is the lenient reading of
// typed input and the grouping people write codes down in.
import { base32crockford } from '@scure/base'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function encodeBase32(bytes: Uint8Array): string {
	return base32crockford.encode(bytes)
}

/** Upper case, without separators, look-alikes mapped; null if any other character remains. */
export function normalizeBase32(input: string): string | null {
	const cleaned = input
		.toUpperCase()
		.replace(/[\s\-–—_.]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1')
	for (const char of cleaned) if (!ALPHABET.includes(char)) return null
	return cleaned
}

export function decodeBase32(input: string, byteLength: number): Buffer | null {
	const text = normalizeBase32(input)
	if (text === null) return null
	try {
		const bytes = base32crockford.decode(text)
		return bytes.length === byteLength ? Buffer.from(bytes) : null
	} catch {
		// Trailing bits that are not zero: not something we ever wrote.
		return null
	}
}

/** Groups of four, as people write codes down. */
export function groupsOfFour(text: string): string {
	return text.match(/.{1,4}/g)?.join('-') ?? ''
}
