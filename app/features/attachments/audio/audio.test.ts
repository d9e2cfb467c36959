// Sound files: recognised by their content, and stripped of every tag while
// the sound itself (frames, samples, blocks, packets) stays byte for byte
// and the container stays valid (sizes, offsets, page checksums).
import { describe, expect, test } from 'vitest'
import {
	mp3WithTags,
	mp4WithTags,
	oggChecksum,
	oggWithTags,
	wavFormat,
	wavSamples,
	wavWithTags,
	webmWithTags,
} from '../../../../tests/support/sample-audio'
import { detectMediaType } from '../file-type.server'
import { MalformedFileError } from '../malformed-file'
import { prepareAttachments } from '../prepare.server'
import { stripMetadata } from '../strip-metadata.server'
import { ID, readElement } from './matroska.server'
import { readBoxes } from './mp4.server'
import { readPages } from './ogg.server'

const HIDDEN = 'Ayse Demir Rosenbergstrasse 12'
const contains = (data: Buffer, phrase: string) => data.includes(Buffer.from(phrase, 'latin1'))

describe('sound files by content', () => {
	test('each format whatever its name, and look-alikes refused', () => {
		expect(detectMediaType(wavWithTags(HIDDEN))).toBe('audio/wav')
		expect(detectMediaType(oggWithTags('opus', HIDDEN).file)).toBe('audio/ogg')
		expect(detectMediaType(oggWithTags('vorbis', HIDDEN).file)).toBe('audio/ogg')
		expect(detectMediaType(webmWithTags(HIDDEN).file)).toBe('audio/webm')
		expect(detectMediaType(mp4WithTags(HIDDEN).file)).toBe('audio/mp4')
		expect(detectMediaType(mp3WithTags(HIDDEN).file)).toBe('audio/mpeg')
		// Frames without a tag in front.
		expect(detectMediaType(mp3WithTags(HIDDEN).frames)).toBe('audio/mpeg')

		// Two bytes that look like a frame header, then nothing like a frame.
		expect(detectMediaType(Buffer.from([0xff, 0xfb, 0x90, 0x00, 1, 2, 3, 4, 5, 6]))).toBeNull()
		// An Ogg stream of another codec (Theora video).
		const theora = Buffer.from(oggWithTags('opus', HIDDEN).file)
		theora.write('\x80theora\0', 28 + theora[26]! - 1, 'latin1')
		expect(detectMediaType(theora)).toBeNull()
		// Matroska that is not WebM.
		const mkv = Buffer.from(webmWithTags(HIDDEN).file)
		expect(detectMediaType(Buffer.concat([mkv.subarray(0, 4), Buffer.from([0x8a])]))).toBeNull()
	})

	test('a video in a sound container is refused, never stored', () => {
		for (const file of [mp4WithTags(HIDDEN, 'vide').file, webmWithTags(HIDDEN, 1).file]) {
			const { prepared, errors } = prepareAttachments([{ name: 'clip', data: file }], [])
			expect(prepared).toEqual([])
			expect(errors).toEqual([{ kind: 'type', name: 'clip' }])
		}
	})

	test('truncated files are refused as malformed', () => {
		const cases: Array<[Parameters<typeof stripMetadata>[0], Buffer]> = [
			['audio/wav', wavWithTags(HIDDEN).subarray(0, 200)],
			['audio/ogg', oggWithTags('opus', HIDDEN).file.subarray(0, 5000)],
			['audio/webm', webmWithTags(HIDDEN).file.subarray(0, 60)],
			['audio/mp4', mp4WithTags(HIDDEN).file.subarray(0, 100)],
			['audio/mpeg', mp3WithTags(HIDDEN).file.subarray(0, 30)],
		]
		for (const [type, data] of cases) {
			expect(() => stripMetadata(type, data), type).toThrow(MalformedFileError)
		}
	})
})

describe('WAV', () => {
	test('only the format and the samples are kept; the RIFF size is right', () => {
		const stripped = stripMetadata('audio/wav', wavWithTags(HIDDEN))
		expect(contains(stripped, HIDDEN)).toBe(false)
		expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8)
		const chunks: string[] = []
		for (let offset = 12; offset < stripped.length;) {
			const size = stripped.readUInt32LE(offset + 4)
			chunks.push(stripped.subarray(offset, offset + 4).toString('latin1'))
			offset += 8 + size + (size % 2)
		}
		expect(chunks).toEqual(['fmt ', 'data'])
		expect(stripped.subarray(20, 36)).toEqual(wavFormat())
		expect(stripped.subarray(44)).toEqual(wavSamples())
	})
})

describe('MP3', () => {
	test('ID3v2 in front, APE and ID3v1 behind are gone; the frames are the same bytes', () => {
		const { file, frames } = mp3WithTags(HIDDEN)
		const stripped = stripMetadata('audio/mpeg', file)
		expect(contains(stripped, HIDDEN)).toBe(false)
		expect(stripped).toEqual(frames)
	})
})

describe('MP4', () => {
	test('metadata boxes become zeroed free boxes of the same size; offsets still point at the samples', () => {
		const { file, samples } = mp4WithTags(HIDDEN)
		const stripped = stripMetadata('audio/mp4', file)
		expect(contains(stripped, HIDDEN)).toBe(false)
		expect(stripped.length).toBe(file.length)

		const tree = (data: Buffer, start: number, end: number): string[] =>
			readBoxes(data, start, end).flatMap((box) =>
				['moov', 'trak', 'mdia', 'minf', 'stbl'].includes(box.type)
					? [box.type, ...tree(data, box.bodyStart, box.end).map((child) => `${box.type}/${child}`)]
					: [`${box.type}@${box.start}+${box.end - box.start}`],
			)
		const before = tree(file, 0, file.length)
		const after = tree(stripped, 0, stripped.length)
		const blanked = (entry: string) => entry.replace(/(udta|meta|uuid)@/, 'free@')
		expect(after).toEqual(before.map(blanked))
		expect(after.filter((entry) => /udta|meta|uuid/.test(entry))).toEqual([])

		const stco = stripped.indexOf('stco', 0, 'latin1')
		const chunkOffset = stripped.readUInt32BE(stco + 12)
		expect(stripped.subarray(chunkOffset, chunkOffset + samples.length)).toEqual(samples)
		// Creation and modification times are zeroed in every header.
		for (const type of ['mvhd', 'tkhd', 'mdhd']) {
			const at = stripped.indexOf(type, 0, 'latin1') + 8
			expect(stripped.subarray(at, at + 8)).toEqual(Buffer.alloc(8))
		}
	})
})

describe('WebM', () => {
	test('Tags become Void, the info and track names are blanked, the blocks stay', () => {
		const { file, blocks } = webmWithTags(HIDDEN)
		const stripped = stripMetadata('audio/webm', file)
		expect(contains(stripped, HIDDEN)).toBe(false)
		expect(stripped.length).toBe(file.length)
		expect(stripped.includes(blocks)).toBe(true)
		expect(stripped.indexOf(blocks)).toBe(file.indexOf(blocks))

		// Info and Tracks still parse in their places; the Tags are one Void to the end.
		const header = readElement(stripped, 0, stripped.length)
		const segment = readElement(stripped, header.end, stripped.length)
		const info = readElement(stripped, segment.dataStart, stripped.length)
		const tracks = readElement(stripped, info.end, stripped.length)
		expect([info.id, tracks.id]).toEqual([ID.Info, ID.Tracks])
		expect(stripped.includes('A_OPUS')).toBe(true)
		const tagsAt = file.indexOf(Buffer.from([0x12, 0x54, 0xc3, 0x67]))
		expect(readElement(file, tagsAt, file.length).id).toBe(ID.Tags)
		const voided = readElement(stripped, tagsAt, stripped.length)
		expect(voided.id).toBe(ID.Void)
		expect(voided.end).toBe(stripped.length)
	})
})

describe('Ogg', () => {
	for (const codec of ['opus', 'vorbis'] as const) {
		test(`${codec}: an empty comment header, every page checksum valid, the sound packets unchanged`, () => {
			const { file, audioPackets } = oggWithTags(codec, HIDDEN)
			const stripped = stripMetadata('audio/ogg', file)
			expect(contains(stripped, HIDDEN)).toBe(false)

			const pages = readPages(stripped)
			let offset = 0
			for (const [index, page] of pages.entries()) {
				const length = 27 + page.lacing.length + page.body.length
				const bytes = Buffer.from(stripped.subarray(offset, offset + length))
				const stored = bytes.readUInt32LE(22)
				bytes.writeUInt32LE(0, 22)
				expect(oggChecksum(bytes)).toBe(stored)
				expect(page.sequence).toBe(index)
				expect(page.serial).toBe(pages[0]!.serial)
				offset += length
			}
			expect(offset).toBe(stripped.length)

			const packets: Buffer[] = []
			let current: Buffer[] = []
			for (const page of pages) {
				let at = 0
				for (const value of page.lacing) {
					current.push(page.body.subarray(at, at + value))
					at += value
					if (value < 255) {
						packets.push(Buffer.concat(current))
						current = []
					}
				}
			}
			const empty =
				codec === 'opus'
					? Buffer.concat([Buffer.from('OpusTags'), Buffer.alloc(8)])
					: Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), Buffer.alloc(8), Buffer.from([1])])
			expect(packets[1]).toEqual(empty)
			expect(packets.slice(-audioPackets.length)).toEqual(audioPackets)
			// The header now fits one page: two header pages fewer for the long comment.
			expect(pages.length).toBe(1 + 1 + 3)
			expect(pages.at(-1)!.headerType & 4).toBe(4)
		})
	}
})
