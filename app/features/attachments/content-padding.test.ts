import { expect, test } from 'vitest'
import { PADDING_BLOCK, padContent, unpadContent } from './content-padding'

test('every file pads to a multiple of 64 KiB and comes back as it was', () => {
	for (const size of [0, 1, PADDING_BLOCK - 4, PADDING_BLOCK - 3, 3 * PADDING_BLOCK + 17]) {
		const data = Buffer.alloc(size, 7)
		const padded = padContent(data)
		expect(padded.length % PADDING_BLOCK).toBe(0)
		expect(padded.length - data.length).toBeLessThanOrEqual(PADDING_BLOCK + 4)
		expect(unpadContent(padded).equals(data)).toBe(true)
	}
	expect(padContent(Buffer.alloc(10)).length).toBe(padContent(Buffer.alloc(60_000)).length)
})

test('a size beyond the padded content is refused', () => {
	const padded = padContent(Buffer.from('x'))
	padded.writeUInt32BE(PADDING_BLOCK, 0)
	expect(() => unpadContent(padded)).toThrow()
})
