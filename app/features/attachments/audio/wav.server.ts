// WAV: a RIFF file of chunks. Only the chunks that make the sound are kept
// (a list of what to keep): the format, the sample count and the samples.
// LIST/INFO (names, dates, software), `id3 `, `bext` (originator, time of
// recording), iXML and any other chunk go; the RIFF size is written anew.
import { MalformedFileError } from '../malformed-file'

const SOUND_CHUNKS = new Set(['fmt ', 'fact', 'data'])

export function stripWav(data: Buffer): Buffer {
	if (data.length < 12) throw new MalformedFileError('truncated WAV')
	const kept: Buffer[] = []
	const seen = new Set<string>()
	let offset = 12
	while (offset + 8 <= data.length) {
		const id = data.subarray(offset, offset + 4).toString('latin1')
		const size = data.readUInt32LE(offset + 4)
		const end = offset + 8 + size
		if (end > data.length) throw new MalformedFileError('truncated WAV chunk')
		// Chunks are padded to an even length.
		const padded = Math.min(data.length, end + (size % 2))
		if (SOUND_CHUNKS.has(id)) {
			kept.push(data.subarray(offset, padded))
			seen.add(id)
		}
		offset = padded
	}
	if (!seen.has('fmt ') || !seen.has('data')) throw new MalformedFileError('WAV without sound')
	const body = Buffer.concat(kept)
	const header = Buffer.alloc(12)
	header.write('RIFF', 0, 'latin1')
	header.writeUInt32LE(4 + body.length, 4)
	header.write('WAVE', 8, 'latin1')
	return Buffer.concat([header, body])
}
