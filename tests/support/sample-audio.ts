// Small sound files built by hand for the metadata strippers and the upload
// tests: each container carries `hidden` in every tag it can hold, next to
// stand-in (or, for WAV, real) sound that must survive byte for byte.
const u32le = (value: number) => {
	const bytes = Buffer.alloc(4)
	bytes.writeUInt32LE(value)
	return bytes
}
const u32be = (value: number) => {
	const bytes = Buffer.alloc(4)
	bytes.writeUInt32BE(value)
	return bytes
}
const text = (value: string) => Buffer.from(value, 'latin1')
/** Bytes that look like nothing in particular (no zero runs, no tag names). */
export const noise = (length: number, seed = 1) =>
	Buffer.from(Array.from({ length }, (_, i) => ((i * 73 + seed * 151) % 251) + 1))

// --- WAV ---

function riffChunk(id: string, body: Buffer): Buffer {
	const padding = body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)
	return Buffer.concat([text(id), u32le(body.length), body, padding])
}

/** 0.2 s of a 440 Hz tone, 8 kHz mono 16-bit: plays in a browser. */
export function wavSamples(): Buffer {
	const samples = Buffer.alloc(1600 * 2)
	for (let i = 0; i < 1600; i++) {
		samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), i * 2)
	}
	return samples
}

export function wavFormat(): Buffer {
	const fmt = Buffer.alloc(16)
	fmt.writeUInt16LE(1, 0) // PCM
	fmt.writeUInt16LE(1, 2) // mono
	fmt.writeUInt32LE(8000, 4)
	fmt.writeUInt32LE(16000, 8)
	fmt.writeUInt16LE(2, 12)
	fmt.writeUInt16LE(16, 14)
	return fmt
}

export function wavWithTags(hidden: string): Buffer {
	const info = Buffer.concat([
		text('INFO'),
		riffChunk('INAM', text(`${hidden}\0`)),
		riffChunk('IART', text(`Artist ${hidden}\0`)),
	])
	const bext = Buffer.concat([text(`Originator ${hidden}`.padEnd(256, '\0')), Buffer.alloc(346)])
	const chunks = Buffer.concat([
		riffChunk('fmt ', wavFormat()),
		riffChunk('bext', bext),
		riffChunk('LIST', info),
		riffChunk('data', wavSamples()),
		riffChunk(
			'id3 ',
			Buffer.concat([text('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 9]), text(hidden)]),
		),
	])
	return Buffer.concat([text('RIFF'), u32le(4 + chunks.length), text('WAVE'), chunks])
}

// --- MP3 ---

/** MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz: 417 bytes each. */
export function mpegFrames(count: number): Buffer[] {
	return Array.from({ length: count }, (_, i) =>
		Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), noise(413, i)]),
	)
}

function syncsafe(value: number): Buffer {
	return Buffer.from([
		(value >> 21) & 0x7f,
		(value >> 14) & 0x7f,
		(value >> 7) & 0x7f,
		value & 0x7f,
	])
}

function id3v2(hidden: string): Buffer {
	const title = text(`\0${hidden}`)
	const frame = Buffer.concat([text('TIT2'), syncsafe(title.length), Buffer.from([0, 0]), title])
	return Buffer.concat([text('ID3'), Buffer.from([4, 0, 0]), syncsafe(frame.length), frame])
}

function apeTag(hidden: string): Buffer {
	const item = Buffer.concat([u32le(hidden.length), u32le(0), text('Title\0'), text(hidden)])
	const part = (flags: number) =>
		Buffer.concat([
			text('APETAGEX'),
			u32le(2000),
			u32le(item.length + 32),
			u32le(1),
			u32le(flags),
			Buffer.alloc(8),
		])
	return Buffer.concat([part(0xa0000000), item, part(0x80000000)])
}

export function mp3WithTags(hidden: string): { file: Buffer; frames: Buffer } {
	const frames = mpegFrames(4)
	const id3v1 = Buffer.concat([text('TAG'), text(hidden.padEnd(125, '\0').slice(0, 125))])
	return {
		file: Buffer.concat([id3v2(hidden), ...frames, apeTag(hidden), id3v1]),
		frames: Buffer.concat(frames),
	}
}

// --- MP4 ---

export function mp4Box(type: string, ...body: Buffer[]): Buffer {
	const content = Buffer.concat(body)
	return Buffer.concat([u32be(8 + content.length), text(type), content])
}

const timedHeader = (type: string, tail: number) =>
	mp4Box(type, Buffer.from([0, 0, 0, 0]), u32be(3_800_000_000), u32be(3_800_000_001), noise(tail))

/**
 * An M4A skeleton: one sound track whose chunk offset (`stco`) points at its
 * samples in `mdat`, and metadata in a track and movie `udta`, a `meta`
 * inside `moov`, a top-level `meta` and an XMP `uuid`.
 */
export function mp4WithTags(hidden: string, handler = 'soun'): { file: Buffer; samples: Buffer } {
	const samples = noise(300, 7)
	const ilst = mp4Box('ilst', mp4Box('\xa9nam', mp4Box('data', u32be(1), u32be(0), text(hidden))))
	const meta = mp4Box('meta', Buffer.alloc(4), mp4Box('hdlr', Buffer.alloc(8), text('mdir')), ilst)
	const ftyp = mp4Box('ftyp', text('M4A '), u32be(0), text('M4A isom'))
	const build = (chunkOffset: number) => {
		const stbl = mp4Box(
			'stbl',
			mp4Box('stco', Buffer.alloc(4), u32be(1), u32be(chunkOffset)),
			mp4Box('stsz', Buffer.alloc(4), u32be(300), u32be(1)),
		)
		const trak = mp4Box(
			'trak',
			timedHeader('tkhd', 72),
			mp4Box(
				'mdia',
				timedHeader('mdhd', 8),
				mp4Box('hdlr', Buffer.alloc(8), text(handler), Buffer.alloc(12), text('SoundHandler\0')),
				mp4Box('minf', stbl),
			),
			mp4Box('udta', mp4Box('name', text(hidden))),
		)
		const moov = mp4Box('moov', timedHeader('mvhd', 88), trak, mp4Box('udta', meta), meta)
		const xmp = mp4Box('uuid', noise(16, 3), text(`<x:xmpmeta>${hidden}</x:xmpmeta>`))
		return Buffer.concat([ftyp, moov, xmp, meta, mp4Box('mdat', samples)])
	}
	const draft = build(0)
	const file = build(draft.length - samples.length)
	return { file, samples }
}

// --- WebM ---

function ebmlSize(length: number): Buffer {
	const bytes = Buffer.alloc(8)
	bytes.writeBigUInt64BE(BigInt(length) | (1n << 56n))
	return bytes
}

export function ebml(id: number, ...body: Buffer[]): Buffer {
	const content = Buffer.concat(body)
	const idBytes = Buffer.from(
		id
			.toString(16)
			.padStart(2, '0')
			.match(/../g)!
			.map((h) => parseInt(h, 16)),
	)
	return Buffer.concat([idBytes, ebmlSize(content.length), content])
}

const UNKNOWN_SIZE = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])

export function simpleBlock(index: number): Buffer {
	return ebml(0xa3, Buffer.from([0x81, 0, index * 20, 0x80]), noise(120, index))
}

/**
 * A WebM as a streaming recorder writes it (segment and cluster of unknown
 * size) with a title, muxing and writing application, a track name and a
 * Tags element after the cluster.
 */
export function webmWithTags(hidden: string, trackType = 2): { file: Buffer; blocks: Buffer } {
	const header = ebml(0x1a45dfa3, ebml(0x4282, text('webm')), ebml(0x4287, Buffer.from([4])))
	const info = ebml(
		0x1549a966,
		ebml(0x2ad7b1, Buffer.from([0x0f, 0x42, 0x40])),
		ebml(0x4d80, text(`Muxer ${hidden}`)),
		ebml(0x5741, text(`Writer ${hidden}`)),
		ebml(0x7ba9, text(hidden)),
	)
	const tracks = ebml(
		0x1654ae6b,
		ebml(
			0xae,
			ebml(0xd7, Buffer.from([1])),
			ebml(0x83, Buffer.from([trackType])),
			ebml(0x86, text('A_OPUS')),
			ebml(0x536e, text(hidden)),
		),
	)
	const blocks = Buffer.concat([0, 1, 2].map(simpleBlock))
	const cluster = Buffer.concat([
		Buffer.from([0x1f, 0x43, 0xb6, 0x75]),
		UNKNOWN_SIZE,
		ebml(0xe7, Buffer.from([0])),
		blocks,
	])
	const tags = ebml(
		0x1254c367,
		ebml(0x7373, ebml(0x67c8, ebml(0x45a3, text('ARTIST')), ebml(0x4487, text(hidden)))),
	)
	const segment = Buffer.concat([
		Buffer.from([0x18, 0x53, 0x80, 0x67]),
		UNKNOWN_SIZE,
		info,
		tracks,
		cluster,
		tags,
	])
	return { file: Buffer.concat([header, segment]), blocks }
}

// --- Ogg ---

/** The Ogg checksum, bit by bit (independent of the app's table). */
export function oggChecksum(bytes: Buffer): number {
	let crc = 0
	for (const byte of bytes) {
		crc ^= byte << 24
		for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1
		crc >>>= 0
	}
	return crc
}

type RawPage = { flags: number; granule: bigint; sequence: number; segments: Buffer[] }

function oggPage(page: RawPage, serial = 0x5eed): Buffer {
	const header = Buffer.alloc(27)
	header.write('OggS', 0, 'latin1')
	header[5] = page.flags
	header.writeBigInt64LE(page.granule, 6)
	header.writeUInt32LE(serial, 14)
	header.writeUInt32LE(page.sequence, 18)
	header[26] = page.segments.length
	const bytes = Buffer.concat([
		header,
		Buffer.from(page.segments.map((segment) => segment.length)),
		...page.segments,
	])
	bytes.writeUInt32LE(oggChecksum(bytes), 22)
	return bytes
}

/** A packet's segments: 255 bytes each and a shorter last one (possibly empty). */
function lace(packet: Buffer): Buffer[] {
	const segments: Buffer[] = []
	for (let offset = 0; ; offset += 255) {
		segments.push(packet.subarray(offset, offset + 255))
		if (packet.length - offset < 255) return segments
	}
}

/**
 * An Ogg stream: the identification header alone on the first page, then
 * `comment` (and for Vorbis the setup header) over as many pages as they
 * need, then three pages of stand-in sound packets.
 */
export function oggWithTags(
	codec: 'opus' | 'vorbis',
	hidden: string,
): { file: Buffer; audioPackets: Buffer[] } {
	const vendor = text(`Vendor ${hidden}`)
	const comment = text(`TITLE=${hidden}`.padEnd(70_000, '.'))
	const commentBody = Buffer.concat([
		u32le(vendor.length),
		vendor,
		u32le(1),
		u32le(comment.length),
		comment,
	])
	const head =
		codec === 'opus'
			? Buffer.concat([text('OpusHead'), Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])])
			: Buffer.concat([
					text('\x01vorbis'),
					Buffer.alloc(4),
					Buffer.from([1]),
					u32le(44100),
					noise(13),
					Buffer.from([0xb8, 1]),
				])
	const headers =
		codec === 'opus'
			? [Buffer.concat([text('OpusTags'), commentBody])]
			: [
					Buffer.concat([text('\x03vorbis'), commentBody, Buffer.from([1])]),
					Buffer.concat([text('\x05vorbis'), noise(600, 9)]),
				]
	const segments = headers.flatMap(lace)
	const pages: RawPage[] = [{ flags: 2, granule: 0n, sequence: 0, segments: lace(head) }]
	for (let start = 0; start < segments.length; start += 255) {
		const chunk = segments.slice(start, start + 255)
		pages.push({
			flags: start ? 1 : 0,
			granule: start + 255 >= segments.length ? 0n : -1n,
			sequence: pages.length,
			segments: chunk,
		})
	}
	const audioPackets = [0, 1, 2, 3, 4, 5].map((i) => noise(i === 2 ? 400 : 90, 20 + i))
	for (let i = 0; i < 3; i++) {
		pages.push({
			flags: i === 2 ? 4 : 0,
			granule: BigInt(960 * 2 * (i + 1)),
			sequence: pages.length,
			segments: audioPackets.slice(i * 2, i * 2 + 2).flatMap(lace),
		})
	}
	return { file: Buffer.concat(pages.map((page) => oggPage(page))), audioPackets }
}
