// MP3: a run of MPEG audio frames, with ID3v2 tags (title, artist, cover
// picture, comments) in front and ID3v1 or APE tags behind. Only the frames
// are kept, byte for byte; whatever is not a frame goes.
import { MalformedFileError } from '../malformed-file'

const KBPS = {
	v1: {
		1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
		2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
		3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	},
	v2: {
		1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
		2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
		3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
	},
} as const
const SAMPLE_RATES: Record<number, readonly number[]> = {
	3: [44100, 48000, 32000],
	2: [22050, 24000, 16000],
	0: [11025, 12000, 8000],
}

/** The length of the MPEG audio frame at `offset`, or null when none starts there. */
export function mpegFrameLength(data: Buffer, offset: number): number | null {
	if (offset + 4 > data.length) return null
	const [b0, b1, b2] = [data[offset]!, data[offset + 1]!, data[offset + 2]!]
	if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null
	const version = (b1 >> 3) & 3
	const layer = 4 - ((b1 >> 1) & 3)
	const bitrateIndex = b2 >> 4
	const rateIndex = (b2 >> 2) & 3
	// Reserved version or layer, free-format or bad bit rate, reserved rate.
	if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
		return null
	const kbps = KBPS[version === 3 ? 'v1' : 'v2'][layer as 1 | 2 | 3][bitrateIndex]!
	const rate = SAMPLE_RATES[version]![rateIndex]!
	const padding = (b2 >> 1) & 1
	if (layer === 1) return (Math.floor((12 * kbps * 1000) / rate) + padding) * 4
	const perFrame = layer === 3 && version !== 3 ? 72 : 144
	return Math.floor((perFrame * kbps * 1000) / rate) + padding
}

/** The length of the ID3v2 tag at `offset` (header, body, footer), or 0. */
export function id3v2Length(data: Buffer, offset: number): number {
	if (offset + 10 > data.length || data.subarray(offset, offset + 3).toString('latin1') !== 'ID3')
		return 0
	const size = [6, 7, 8, 9].reduce((sum, i) => (sum << 7) | (data[offset + i]! & 0x7f), 0)
	const footer = data[offset + 5]! & 0x10 ? 10 : 0
	return 10 + size + footer
}

/** Where the first frame starts: after any ID3v2 tags in front. */
export function firstFrameOffset(data: Buffer): number {
	let offset = 0
	for (let length = id3v2Length(data, 0); length; length = id3v2Length(data, offset)) {
		offset += length
	}
	return offset
}

export function stripMp3(data: Buffer): Buffer {
	const frames: Buffer[] = []
	let offset = firstFrameOffset(data)
	while (offset < data.length) {
		const tag = id3v2Length(data, offset)
		if (tag) {
			offset += tag
			continue
		}
		const length = mpegFrameLength(data, offset)
		// ID3v1 ("TAG"), APE, Lyrics3 or anything else after the last frame.
		if (!length || offset + length > data.length) break
		frames.push(data.subarray(offset, offset + length))
		offset += length
	}
	if (!frames.length) throw new MalformedFileError('MP3 without frames')
	return Buffer.concat(frames)
}
