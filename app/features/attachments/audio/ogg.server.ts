// Ogg (Opus or Vorbis): pages of packets, each page with a sequence number
// and a checksum. The comment header (OpusTags or the Vorbis comment: title,
// artist, encoder, dates, anything a program chose to write) is replaced by
// an empty one (no vendor, no comments); the header pages are built anew
// around it, and every later page keeps its packets but gets its sequence
// number shifted to follow and its checksum computed again.
import { MalformedFileError } from '../malformed-file'

type Page = {
	headerType: number
	granule: Buffer
	serial: number
	sequence: number
	lacing: number[]
	body: Buffer
}

const CONTINUED = 0x01
const FIRST_PAGE = 0x02
const MAX_SEGMENTS = 255

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
	let crc = index << 24
	for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1
	return crc >>> 0
})

/** The Ogg checksum (CRC-32, polynomial 0x04C11DB7, unreflected, no final XOR). */
export function oggCrc(bytes: Buffer): number {
	let crc = 0
	for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0
	return crc
}

export function readPages(data: Buffer): Page[] {
	const pages: Page[] = []
	let offset = 0
	while (offset < data.length) {
		if (
			offset + 27 > data.length ||
			data.subarray(offset, offset + 4).toString('latin1') !== 'OggS'
		)
			throw new MalformedFileError('Ogg page expected')
		if (data[offset + 4] !== 0) throw new MalformedFileError('unknown Ogg version')
		const segments = data[offset + 26]!
		const bodyStart = offset + 27 + segments
		if (bodyStart > data.length) throw new MalformedFileError('truncated Ogg page')
		const lacing = [...data.subarray(offset + 27, bodyStart)]
		const bodyEnd = bodyStart + lacing.reduce((sum, value) => sum + value, 0)
		if (bodyEnd > data.length) throw new MalformedFileError('truncated Ogg page')
		pages.push({
			headerType: data[offset + 5]!,
			granule: data.subarray(offset + 6, offset + 14),
			serial: data.readUInt32LE(offset + 14),
			sequence: data.readUInt32LE(offset + 18),
			lacing,
			body: data.subarray(bodyStart, bodyEnd),
		})
		offset = bodyEnd
	}
	return pages
}

export function writePage(page: Page): Buffer {
	const header = Buffer.alloc(27 + page.lacing.length)
	header.write('OggS', 0, 'latin1')
	header[5] = page.headerType
	page.granule.copy(header, 6)
	header.writeUInt32LE(page.serial, 14)
	header.writeUInt32LE(page.sequence, 18)
	header[26] = page.lacing.length
	Buffer.from(page.lacing).copy(header, 27)
	const bytes = Buffer.concat([header, page.body])
	bytes.writeUInt32LE(oggCrc(bytes), 22)
	return bytes
}

/** The codec of a stream whose first packet is `first`: Opus, Vorbis or neither. */
export function oggCodec(first: Buffer): 'opus' | 'vorbis' | null {
	if (first.subarray(0, 8).toString('latin1') === 'OpusHead') return 'opus'
	if (first.subarray(0, 7).toString('latin1') === '\x01vorbis') return 'vorbis'
	return null
}

const EMPTY_COMMENTS = {
	opus: Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]),
	// Vendor length, comment count, and the framing bit.
	vorbis: Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), Buffer.alloc(8), Buffer.from([1])]),
}
const COMMENT_PREFIX = { opus: 'OpusTags', vorbis: '\x03vorbis' }
// Opus has its head and its tags; Vorbis its identification, comment and setup.
const HEADER_PACKETS = { opus: 2, vorbis: 3 }

export function stripOgg(data: Buffer): Buffer {
	const pages = readPages(data)
	const first = pages[0]
	if (!first || !(first.headerType & FIRST_PAGE)) throw new MalformedFileError('no first Ogg page')
	// One logical stream only: several (a video with its sound) are refused.
	if (pages.some((page) => page.serial !== first.serial))
		throw new MalformedFileError('multiplexed Ogg')
	const codec = oggCodec(first.body)
	if (!codec || first.lacing.length === 0 || first.lacing.at(-1) === 255)
		throw new MalformedFileError('unknown Ogg stream')

	const { packets, pageCount } = headerPackets(pages, HEADER_PACKETS[codec])
	if (
		packets[1]!.subarray(0, COMMENT_PREFIX[codec].length).toString('latin1') !==
		COMMENT_PREFIX[codec]
	)
		throw new MalformedFileError('Ogg comment header expected')
	const rebuilt = [first, ...pagesOf([EMPTY_COMMENTS[codec], ...packets.slice(2)], first.serial, 1)]
	const shift = rebuilt.length - pageCount
	const audio = pages.slice(pageCount).map((page) => ({ ...page, sequence: page.sequence + shift }))
	return Buffer.concat([...rebuilt, ...audio].map(writePage))
}

/**
 * The first `count` packets and the number of pages they fill. Both codecs
 * start the sound on a fresh page, so the last header packet must end its page.
 */
function headerPackets(pages: Page[], count: number) {
	const packets: Buffer[] = []
	let current: Buffer[] = []
	for (const [index, page] of pages.entries()) {
		let offset = 0
		for (const [segment, value] of page.lacing.entries()) {
			current.push(page.body.subarray(offset, offset + value))
			offset += value
			if (value === 255) continue
			packets.push(Buffer.concat(current))
			current = []
			if (packets.length === count) {
				if (segment !== page.lacing.length - 1)
					throw new MalformedFileError('sound on a header page')
				return { packets, pageCount: index + 1 }
			}
		}
	}
	throw new MalformedFileError('Ogg headers incomplete')
}

/** Pages carrying `packets`, numbered from `sequence`; header pages have granule position 0. */
function pagesOf(packets: Buffer[], serial: number, sequence: number): Page[] {
	const segments: Array<{ bytes: Buffer; ends: boolean }> = []
	for (const packet of packets) {
		for (let offset = 0; ; offset += 255) {
			const bytes = packet.subarray(offset, offset + 255)
			segments.push({ bytes, ends: bytes.length < 255 })
			if (bytes.length < 255) break
		}
	}
	const pages: Page[] = []
	let continued = false
	for (let start = 0; start < segments.length; start += MAX_SEGMENTS) {
		const chunk = segments.slice(start, start + MAX_SEGMENTS)
		const endsPacket = chunk.some((segment) => segment.ends)
		pages.push({
			headerType: continued ? CONTINUED : 0,
			// A page on which no packet ends has no position (-1).
			granule: Buffer.alloc(8, endsPacket ? 0 : 0xff),
			serial,
			sequence: sequence + pages.length,
			lacing: chunk.map((segment) => segment.bytes.length),
			body: Buffer.concat(chunk.map((segment) => segment.bytes)),
		})
		continued = !chunk.at(-1)!.ends
	}
	return pages
}
