// WebM (Matroska): a tree of EBML elements. Sizes stay as they are (the
// seek index and cues point at byte positions): `Tags`, `Attachments` and
// `Chapters` are overwritten by `Void` elements of the same length, and the
// title, the muxing and writing application, the date and the track names
// are blanked (strings and dates may be zero-filled). Files with any track
// other than sound (a video) are refused.
import { MalformedFileError } from '../malformed-file'

export const ID = {
	EBML: 0x1a45dfa3,
	DocType: 0x4282,
	Segment: 0x18538067,
	SeekHead: 0x114d9b74,
	Info: 0x1549a966,
	Title: 0x7ba9,
	MuxingApp: 0x4d80,
	WritingApp: 0x5741,
	DateUTC: 0x4461,
	Tracks: 0x1654ae6b,
	TrackEntry: 0xae,
	TrackType: 0x83,
	Name: 0x536e,
	Cluster: 0x1f43b675,
	Cues: 0x1c53bb6b,
	Tags: 0x1254c367,
	Attachments: 0x1941a469,
	Chapters: 0x1043a770,
	Void: 0xec,
} as const

const AUDIO_TRACK = 2
const SEGMENT_CHILDREN = new Set<number>([
	ID.SeekHead,
	ID.Info,
	ID.Tracks,
	ID.Cluster,
	ID.Cues,
	ID.Tags,
	ID.Attachments,
	ID.Chapters,
])
const REMOVED = new Set<number>([ID.Tags, ID.Attachments, ID.Chapters])
const BLANKED_INFO = new Set<number>([ID.Title, ID.MuxingApp, ID.WritingApp, ID.DateUTC])

type Element = { id: number; start: number; dataStart: number; end: number; unknownSize: boolean }

function vintLength(first: number | undefined, max: number): number {
	if (!first) throw new MalformedFileError('bad EBML number')
	const length = Math.clz32(first) - 23
	if (length > max) throw new MalformedFileError('bad EBML number')
	return length
}

/** The element at `offset`; an unknown size (all ones) reaches to `limit`. */
export function readElement(data: Buffer, offset: number, limit: number): Element {
	const idLength = vintLength(data[offset], 4)
	const sizeOffset = offset + idLength
	const sizeLength = vintLength(data[sizeOffset], 8)
	const dataStart = sizeOffset + sizeLength
	if (dataStart > limit) throw new MalformedFileError('truncated EBML element')
	let id = 0
	for (let i = 0; i < idLength; i++) id = id * 256 + data[offset + i]!
	let size = data[sizeOffset]! & (0xff >> sizeLength)
	let allOnes = size === 0xff >> sizeLength
	for (let i = 1; i < sizeLength; i++) {
		const byte = data[sizeOffset + i]!
		size = size * 256 + byte
		allOnes &&= byte === 0xff
	}
	const end = allOnes ? limit : dataStart + size
	if (end > limit) throw new MalformedFileError('EBML element beyond its parent')
	return { id, start: offset, dataStart, end, unknownSize: allOnes }
}

function children(data: Buffer, parent: Element): Element[] {
	const found: Element[] = []
	for (let offset = parent.dataStart; offset < parent.end;) {
		const element = readElement(data, offset, parent.end)
		if (element.unknownSize) throw new MalformedFileError('unknown size inside an element')
		found.push(element)
		offset = element.end
	}
	return found
}

/** The EBML header's DocType ("webm", "matroska"), or null when the data is no EBML file. */
export function ebmlDocType(data: Buffer): string | null {
	if (data.length < 4 || data.readUInt32BE(0) !== ID.EBML) return null
	try {
		const header = readElement(data, 0, data.length)
		const docType = children(data, header).find((element) => element.id === ID.DocType)
		return docType
			? data.subarray(docType.dataStart, docType.end).toString('latin1').replace(/\0+$/, '')
			: null
	} catch {
		return null
	}
}

export function stripWebm(data: Buffer): Buffer {
	const out = Buffer.from(data)
	const header = readElement(out, 0, out.length)
	let offset = header.end
	let audioTracks = 0
	while (offset < out.length) {
		const segment = readElement(out, offset, out.length)
		if (segment.id !== ID.Segment) throw new MalformedFileError('WebM without segment')
		audioTracks += cleanSegment(out, segment)
		offset = segment.end
	}
	if (!audioTracks) throw new MalformedFileError('WebM without sound')
	return out
}

function cleanSegment(out: Buffer, segment: Element): number {
	let audioTracks = 0
	for (let offset = segment.dataStart; offset < segment.end;) {
		const element = readElement(out, offset, segment.end)
		if (element.unknownSize && element.id !== ID.Cluster) {
			throw new MalformedFileError('unknown size outside a cluster')
		}
		const end = element.unknownSize ? endOfLiveCluster(out, element, segment.end) : element.end
		if (REMOVED.has(element.id)) writeVoid(out, element.start, element.end)
		else if (element.id === ID.Info) {
			for (const child of children(out, element)) {
				if (BLANKED_INFO.has(child.id)) out.fill(0, child.dataStart, child.end)
			}
		} else if (element.id === ID.Tracks) {
			for (const entry of children(out, element)) {
				if (entry.id !== ID.TrackEntry) continue
				audioTracks += cleanTrack(out, entry)
			}
		}
		offset = end
	}
	return audioTracks
}

/** A recorder that streams writes clusters of unknown size: they end where the next top element begins. */
function endOfLiveCluster(out: Buffer, cluster: Element, limit: number): number {
	let offset = cluster.dataStart
	while (offset < limit) {
		const child = readElement(out, offset, limit)
		if (SEGMENT_CHILDREN.has(child.id)) return offset
		if (child.unknownSize) throw new MalformedFileError('unknown size inside a cluster')
		offset = child.end
	}
	return limit
}

function cleanTrack(out: Buffer, entry: Element): number {
	let type: number | null = null
	for (const child of children(out, entry)) {
		const length = child.end - child.dataStart
		if (child.id === ID.TrackType) {
			if (length < 1 || length > 6) throw new MalformedFileError('bad track type')
			type = out.readUIntBE(child.dataStart, length)
		}
		if (child.id === ID.Name) out.fill(0, child.dataStart, child.end)
	}
	if (type !== AUDIO_TRACK) throw new MalformedFileError('WebM track other than sound')
	return 1
}

/** A Void element filling exactly `start` to `end`: its ID, an 8-byte size (or less when short), zeros. */
export function writeVoid(out: Buffer, start: number, end: number) {
	const length = end - start
	const sizeLength = Math.min(8, length - 1)
	const dataLength = length - 1 - sizeLength
	out.fill(0, start, end)
	out[start] = ID.Void
	let value = dataLength
	for (let i = sizeLength; i >= 1; i--) {
		out[start + i] = value % 256
		value = Math.floor(value / 256)
	}
	out[start + 1]! |= 0x80 >> (sizeLength - 1)
}
