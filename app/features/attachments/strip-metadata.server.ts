// Photos carry hidden metadata: GPS position, camera serial numbers, the
// owner's name. Before a photo is encrypted and stored, every metadata block
// is dropped; the pixels stay untouched. Files that do not parse as the
// format they claim are refused rather than stored as they are.
import type { AcceptedMediaType } from './file-type.server'

export class MalformedFileError extends Error {}

export function stripMetadata(type: AcceptedMediaType, data: Buffer): Buffer {
	if (type === 'image/jpeg') return stripJpeg(data)
	if (type === 'image/png') return stripPng(data)
	return data
}

/**
 * Keeps the JFIF header (APP0), the ICC colour profile (APP2) and the image
 * segments; drops APP1 (Exif, with GPS, and XMP), APP3 to APP15 and comments.
 */
function stripJpeg(data: Buffer): Buffer {
	const kept: Buffer[] = [data.subarray(0, 2)]
	let offset = 2
	while (offset < data.length) {
		if (data[offset] !== 0xff) throw new MalformedFileError('JPEG segment expected')
		const marker = data[offset + 1]!
		// Start of scan: from here on the compressed image data runs to the end.
		if (marker === 0xda) {
			kept.push(data.subarray(offset))
			return Buffer.concat(kept)
		}
		if (marker === 0xd9) break
		if (marker === 0xff || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			kept.push(data.subarray(offset, offset + 2))
			offset += 2
			continue
		}
		if (offset + 4 > data.length) throw new MalformedFileError('truncated JPEG')
		const length = data.readUInt16BE(offset + 2)
		const end = offset + 2 + length
		if (length < 2 || end > data.length) throw new MalformedFileError('truncated JPEG segment')
		const isMetadata = (marker >= 0xe1 && marker <= 0xef && marker !== 0xe2) || marker === 0xfe
		if (!isMetadata) kept.push(data.subarray(offset, end))
		offset = end
	}
	throw new MalformedFileError('JPEG without image data')
}

/** Text chunks (tEXt, zTXt, iTXt: XMP lives there), eXIf and time stamps go. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'])

function stripPng(data: Buffer): Buffer {
	const kept: Buffer[] = [data.subarray(0, 8)]
	let offset = 8
	while (offset + 12 <= data.length) {
		const length = data.readUInt32BE(offset)
		const type = data.subarray(offset + 4, offset + 8).toString('latin1')
		const end = offset + 12 + length
		if (end > data.length) throw new MalformedFileError('truncated PNG chunk')
		if (!PNG_METADATA_CHUNKS.has(type)) kept.push(data.subarray(offset, end))
		offset = end
		if (type === 'IEND') return Buffer.concat(kept)
	}
	throw new MalformedFileError('PNG without end')
}
