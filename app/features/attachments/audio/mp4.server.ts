// MP4/M4A: a tree of boxes whose sample tables point at absolute byte
// offsets, so nothing may move. Metadata boxes (`udta`, `meta`: title,
// artist, the recording device, iTunes tags, locations; top-level `uuid`
// boxes such as XMP) become `free` boxes of the same size with their content
// zeroed, and the creation and modification times in `mvhd`, `tkhd` and
// `mdhd` are zeroed in place. Files with anything but sound tracks (a video)
// are refused.
import { MalformedFileError } from '../malformed-file'

type Box = { type: string; start: number; bodyStart: number; end: number }

/** The boxes between `start` and `end`, read by their sizes. */
export function readBoxes(data: Buffer, start: number, end: number): Box[] {
	const boxes: Box[] = []
	let offset = start
	while (offset < end) {
		if (offset + 8 > end) throw new MalformedFileError('truncated MP4 box')
		let size = data.readUInt32BE(offset)
		let header = 8
		if (size === 1) {
			if (offset + 16 > end) throw new MalformedFileError('truncated MP4 box')
			size = Number(data.readBigUInt64BE(offset + 8))
			header = 16
		} else if (size === 0) {
			size = end - offset
		}
		if (size < header || offset + size > end) throw new MalformedFileError('bad MP4 box size')
		const type = data.subarray(offset + 4, offset + 8).toString('latin1')
		boxes.push({ type, start: offset, bodyStart: offset + header, end: offset + size })
		offset += size
	}
	return boxes
}

const METADATA_BOXES = new Set(['udta', 'meta'])
const TOP_LEVEL_METADATA = new Set(['udta', 'meta', 'uuid'])
// The boxes that may hold metadata boxes or time stamps further down.
const CONTAINERS = new Set(['moov', 'trak', 'mdia'])
const TIMED_HEADERS = new Set(['mvhd', 'tkhd', 'mdhd'])

export function stripMp4(data: Buffer): Buffer {
	const out = Buffer.from(data)
	const top = readBoxes(out, 0, out.length)
	if (top[0]?.type !== 'ftyp') throw new MalformedFileError('MP4 without ftyp')
	const moov = top.find((box) => box.type === 'moov')
	if (!moov) throw new MalformedFileError('MP4 without moov')
	for (const box of top) if (TOP_LEVEL_METADATA.has(box.type)) blankToFree(out, box)
	const handlers: string[] = []
	cleanContainer(out, moov, handlers)
	if (!handlers.length || handlers.some((handler) => handler !== 'soun')) {
		throw new MalformedFileError('MP4 with tracks other than sound')
	}
	return out
}

function cleanContainer(out: Buffer, container: Box, handlers: string[]) {
	for (const box of readBoxes(out, container.bodyStart, container.end)) {
		if (METADATA_BOXES.has(box.type)) blankToFree(out, box)
		else if (CONTAINERS.has(box.type)) cleanContainer(out, box, handlers)
		else if (TIMED_HEADERS.has(box.type)) zeroTimes(out, box)
		else if (box.type === 'hdlr' && container.type === 'mdia') {
			// Version and flags, pre_defined, then the handler type.
			if (box.bodyStart + 12 > box.end) throw new MalformedFileError('truncated hdlr')
			handlers.push(out.subarray(box.bodyStart + 8, box.bodyStart + 12).toString('latin1'))
		}
	}
}

function blankToFree(out: Buffer, box: Box) {
	out.write('free', box.start + 4, 'latin1')
	out.fill(0, box.bodyStart, box.end)
}

/** Version 0 holds two 32-bit times after version and flags, version 1 two 64-bit ones. */
function zeroTimes(out: Buffer, box: Box) {
	const version = out[box.bodyStart]
	const length = version === 1 ? 16 : 8
	if (box.bodyStart + 4 + length > box.end) throw new MalformedFileError('truncated header box')
	out.fill(0, box.bodyStart + 4, box.bodyStart + 4 + length)
}
