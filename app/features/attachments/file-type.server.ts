// What a file is, judged by its content (never by its name or the type the
// browser claims): JPEG, PNG, PDF, plain UTF-8 text, or sound (WAV, Ogg with
// Opus or Vorbis, WebM, MP4/M4A, MP3).
import { ebmlDocType } from './audio/matroska.server'
import { firstFrameOffset, mpegFrameLength } from './audio/mp3.server'
import { oggCodec, readPages } from './audio/ogg.server'
import { MalformedFileError } from './malformed-file'

export type AcceptedMediaType =
	'image/jpeg' | 'image/png' | 'application/pdf' | 'text/plain' | AudioMediaType

export type AudioMediaType = 'audio/wav' | 'audio/ogg' | 'audio/webm' | 'audio/mp4' | 'audio/mpeg'

const startsWith = (data: Buffer, signature: number[]) =>
	signature.every((byte, i) => data[i] === byte)
const latin1 = (data: Buffer, from: number, to: number) =>
	data.subarray(from, to).toString('latin1')

export function detectMediaType(data: Buffer): AcceptedMediaType | null {
	if (data.length >= 3 && startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
	if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
	if (latin1(data, 0, 5) === '%PDF-') return 'application/pdf'
	const audio = detectAudioType(data)
	if (audio) return audio
	if (isPlainText(data)) return 'text/plain'
	return null
}

function detectAudioType(data: Buffer): AudioMediaType | null {
	if (latin1(data, 0, 4) === 'RIFF' && latin1(data, 8, 12) === 'WAVE') return 'audio/wav'
	if (latin1(data, 0, 4) === 'OggS' && isOpusOrVorbis(data)) return 'audio/ogg'
	if (ebmlDocType(data) === 'webm') return 'audio/webm'
	if (latin1(data, 4, 8) === 'ftyp') return 'audio/mp4'
	if (isMpegAudio(data)) return 'audio/mpeg'
	return null
}

function isOpusOrVorbis(data: Buffer): boolean {
	try {
		const [first] = readPages(data.subarray(0, firstPageEnd(data)))
		return Boolean(first && oggCodec(first.body))
	} catch (error) {
		if (error instanceof MalformedFileError) return false
		throw error
	}
}

/** Where the first page ends by its segment table (a page holds at most 255 × 255 bytes). */
function firstPageEnd(data: Buffer): number {
	const segments = data[26] ?? 0
	let end = 27 + segments
	for (let i = 0; i < segments; i++) end += data[27 + i] ?? 0
	return end
}

/**
 * An MPEG audio frame where the first one should be, and right after it
 * another frame, an ID3v1 tag or the end: two bytes that merely look like a
 * frame header are not enough.
 */
function isMpegAudio(data: Buffer): boolean {
	const offset = firstFrameOffset(data)
	const length = mpegFrameLength(data, offset)
	if (!length || offset + length > data.length) return false
	const next = offset + length
	return (
		next >= data.length ||
		mpegFrameLength(data, next) !== null ||
		latin1(data, next, next + 3) === 'TAG'
	)
}

function isPlainText(data: Buffer): boolean {
	if (data.length === 0) return false
	if (data.includes(0)) return false
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(data)
	} catch {
		return false
	}
	// Control characters other than tab, newline, carriage return and form
	// feed mean a binary format that happens to be valid UTF-8.
	for (const byte of data) {
		if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) return false
	}
	return true
}
