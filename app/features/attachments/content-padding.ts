// A file is padded before it is encrypted, so that the length of its
// ciphertext tells a reader of the database its size to 64 KiB only
// (docs/data-protection.md): up to 64 KiB every file looks the same, a photo
// of 2.3 MB one of the 16 sizes between 2 and 3 MB. The plaintext is the
// file's size (4 bytes, big-endian), the file, and zeros up to a multiple of
// 64 KiB; at most 64 KiB more per file.
export const PADDING_BLOCK = 64 * 1024
const SIZE_BYTES = 4

export function padContent(data: Buffer): Buffer {
	const length = Math.ceil((SIZE_BYTES + data.length) / PADDING_BLOCK) * PADDING_BLOCK
	const padded = Buffer.alloc(length)
	padded.writeUInt32BE(data.length, 0)
	data.copy(padded, SIZE_BYTES)
	return padded
}

export function unpadContent(padded: Buffer): Buffer {
	const size = padded.readUInt32BE(0)
	if (SIZE_BYTES + size > padded.length) throw new Error('padded content shorter than its size')
	return padded.subarray(SIZE_BYTES, SIZE_BYTES + size)
}
