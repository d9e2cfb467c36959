// Photos carry hidden metadata: GPS position, camera serial numbers, the
// owner's name. Before a photo is encrypted and stored, only the parts that
// draw the image are kept (a list of what to keep, not of what to drop); the
// pixels stay untouched. Sound files carry tags (names, dates, devices,
// places): each container's stripper in ./audio removes them without
// touching the sound. Files that do not parse as the format they claim are
// refused rather than stored as they are.
import { stripWebm } from './audio/matroska.server'
import { stripMp3 } from './audio/mp3.server'
import { stripMp4 } from './audio/mp4.server'
import { stripOgg } from './audio/ogg.server'
import { stripWav } from './audio/wav.server'
import type { AcceptedMediaType } from './file-type.server'
import { MalformedFileError } from './malformed-file'

const STRIPPERS: Partial<Record<AcceptedMediaType, (data: Buffer) => Buffer>> = {
	'image/jpeg': stripJpeg,
	'image/png': stripPng,
	'audio/wav': stripWav,
	'audio/ogg': stripOgg,
	'audio/webm': stripWebm,
	'audio/mp4': stripMp4,
	'audio/mpeg': stripMp3,
}

/** PDF and text are stored as they are (docs/security-model.md says so). */
export function stripMetadata(type: AcceptedMediaType, data: Buffer): Buffer {
	const strip = STRIPPERS[type]
	return strip ? strip(data) : data
}

/**
 * Keeps only what draws the image: the JFIF header (APP0 "JFIF"), the ICC
 * colour profile (APP2 "ICC_PROFILE"), the tables, frames and scans, up to
 * the first end-of-image marker. Everything else goes: APP1 (Exif with GPS,
 * XMP), APP2 holding MPF, APP3 to APP15, comments, and whatever follows the
 * end of the image (MPF images, gain maps, motion photos append whole
 * further JPEGs there, each with its own Exif).
 */
function stripJpeg(data: Buffer): Buffer {
	const kept: Buffer[] = [data.subarray(0, 2)]
	let offset = 2
	while (offset < data.length) {
		if (data[offset] !== 0xff) throw new MalformedFileError('JPEG segment expected')
		const marker = data[offset + 1]!
		if (marker === 0xd9) {
			kept.push(data.subarray(offset, offset + 2))
			return Buffer.concat(kept)
		}
		// Fill bytes, restart markers and TEM stand alone.
		if (marker === 0xff || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			offset += marker === 0xff ? 1 : 2
			continue
		}
		if (offset + 4 > data.length) throw new MalformedFileError('truncated JPEG')
		const length = data.readUInt16BE(offset + 2)
		const end = offset + 2 + length
		if (length < 2 || end > data.length) throw new MalformedFileError('truncated JPEG segment')
		if (keepsJpegSegment(marker, data.subarray(offset + 4, end))) {
			kept.push(data.subarray(offset, end))
		}
		offset = end
		// Start of scan: entropy-coded data follows the header, up to the
		// next marker that is neither a stuffed 0xFF00 nor a restart marker.
		if (marker === 0xda) {
			const scanEnd = endOfScan(data, offset)
			kept.push(data.subarray(offset, scanEnd))
			offset = scanEnd
		}
	}
	throw new MalformedFileError('JPEG without end of image')
}

function keepsJpegSegment(marker: number, body: Buffer): boolean {
	const startsWith = (text: string) => body.subarray(0, text.length).toString('latin1') === text
	if (marker === 0xe0) return startsWith('JFIF\0')
	if (marker === 0xe2) return startsWith('ICC_PROFILE\0')
	// APP1, APP3 to APP15 and comments.
	if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return false
	return true
}

function endOfScan(data: Buffer, from: number): number {
	for (let index = from; index + 1 < data.length; index++) {
		if (data[index] !== 0xff) continue
		const next = data[index + 1]!
		if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) continue
		return index
	}
	throw new MalformedFileError('JPEG scan without end')
}

/**
 * The chunks that draw the image, and nothing else: text chunks (where XMP
 * lives), eXIf and exIf, time stamps and every private chunk go.
 */
const PNG_IMAGE_CHUNKS = new Set([
	'IHDR',
	'PLTE',
	'IDAT',
	'IEND',
	'tRNS',
	'gAMA',
	'cHRM',
	'sRGB',
	'iCCP',
])

function stripPng(data: Buffer): Buffer {
	const kept: Buffer[] = [data.subarray(0, 8)]
	let offset = 8
	while (offset + 12 <= data.length) {
		const length = data.readUInt32BE(offset)
		const type = data.subarray(offset + 4, offset + 8).toString('latin1')
		const end = offset + 12 + length
		if (end > data.length) throw new MalformedFileError('truncated PNG chunk')
		if (PNG_IMAGE_CHUNKS.has(type)) kept.push(data.subarray(offset, end))
		offset = end
		// Whatever follows the end chunk is not part of the image.
		if (type === 'IEND') return Buffer.concat(kept)
	}
	throw new MalformedFileError('PNG without end')
}
