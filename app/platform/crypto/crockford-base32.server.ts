// Crockford's Base32: digits and letters without I, L, O and U, so that what
// people copy by hand reads back even with look-alikes (O for 0, I or L for 1).
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function encodeBase32(bytes: Uint8Array): string {
	let output = ''
	let buffer = 0
	let bits = 0
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte
		bits += 8
		while (bits >= 5) {
			output += ALPHABET[(buffer >>> (bits - 5)) & 31]
			bits -= 5
		}
		buffer &= (1 << bits) - 1
	}
	if (bits > 0) output += ALPHABET[(buffer << (5 - bits)) & 31]
	return output
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
	const bytes: number[] = []
	let buffer = 0
	let bits = 0
	for (const char of text) {
		buffer = (buffer << 5) | ALPHABET.indexOf(char)
		bits += 5
		if (bits >= 8) {
			bytes.push((buffer >>> (bits - 8)) & 255)
			bits -= 8
			buffer &= (1 << bits) - 1
		}
	}
	return bytes.length === byteLength ? Buffer.from(bytes) : null
}

/** Groups of four, as people write codes down. */
export function groupsOfFour(text: string): string {
	return text.match(/.{1,4}/g)?.join('-') ?? ''
}
