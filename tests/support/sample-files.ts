// Small files built by hand for upload tests: a PNG and a JPEG that carry
// hidden metadata (a location and a phrase) which the app must remove.
function crc32(data: Buffer): number {
	let crc = ~0
	for (const byte of data) {
		crc ^= byte
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
	}
	return ~crc >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4)
	length.writeUInt32BE(data.length)
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
	const crc = Buffer.alloc(4)
	crc.writeUInt32BE(crc32(body))
	return Buffer.concat([length, body, crc])
}

/** A 1×1 PNG with a tEXt chunk holding `hidden`. */
export function pngWithText(hidden: string): Buffer {
	const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])
	// zlib stream of one filter byte and one grey pixel.
	const idat = Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('tEXt', Buffer.from(`Comment\0${hidden}`, 'latin1')),
		pngChunk('IDAT', idat),
		pngChunk('IEND', Buffer.alloc(0)),
	])
}

/** A JPEG skeleton whose Exif segment holds `hidden`; the image data is a stand-in. */
export function jpegWithExif(hidden: string): Buffer {
	const exifBody = Buffer.concat([
		Buffer.from('Exif\0\0', 'latin1'),
		Buffer.from(`GPS 47.4245N 9.3767E ${hidden}`),
	])
	const app1 = Buffer.alloc(4)
	app1.writeUInt16BE(0xffe1, 0)
	app1.writeUInt16BE(exifBody.length + 2, 2)
	const app0Body = Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')
	const app0 = Buffer.alloc(4)
	app0.writeUInt16BE(0xffe0, 0)
	app0.writeUInt16BE(app0Body.length + 2, 2)
	return Buffer.concat([
		Buffer.from([0xff, 0xd8]),
		app0,
		app0Body,
		app1,
		exifBody,
		Buffer.from([0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0x56, 0xff, 0xd9]),
	])
}
