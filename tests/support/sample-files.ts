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

export function pngChunk(type: string, data: Buffer): Buffer {
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

/** A real 16×16 baseline JPEG as Chromium encodes it: JFIF, an ICC profile, tables, one scan. */
export const CLEAN_PHOTO = Buffer.from(
	[
		'/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AAB',
		'AAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAA',
		'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFla',
		'AAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAA',
		'AChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1',
		'AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBh',
		'cmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAc',
		'AEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQY',
		'GBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgo',
		'KCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEA',
		'AAAAAAAAAAAAAAAAAAEG/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABQBAQAAAAAAAAAAAAAAAAAAAAX/xAAYEQAC',
		'AwAAAAAAAAAAAAAAAAAABAUhMf/aAAwDAQACEQMRAD8AywKTRRyhiSkts//Z',
	].join(''),
	'base64',
)

/** A JPEG segment: marker, length, body. */
export function jpegSegment(marker: number, body: Buffer | string): Buffer {
	const data = typeof body === 'string' ? Buffer.from(body, 'latin1') : body
	const head = Buffer.alloc(4)
	head.writeUInt16BE(0xff00 | marker, 0)
	head.writeUInt16BE(data.length + 2, 2)
	return Buffer.concat([head, data])
}

const GPS_EXIF = (hidden: string) =>
	`Exif\0\0MM\0*GPSLatitude 47.4245N GPSLongitude 9.3767E ${hidden}`

/**
 * CLEAN_PHOTO with a location wherever phones and editors put one: Exif
 * (APP1), XMP (APP1), an MPF index (APP2), Photoshop's IRB (APP13), a
 * comment, and after the end of the image a second JPEG (MPF, gain maps and
 * motion photos append whole images there) with its own Exif.
 */
export function photoWithLocationEverywhere(hidden: string): Buffer {
	const jfif = CLEAN_PHOTO.subarray(0, 20)
	const rest = CLEAN_PHOTO.subarray(20)
	const appended = Buffer.concat([
		Buffer.from([0xff, 0xd8]),
		jpegSegment(0xe1, GPS_EXIF(`appended ${hidden}`)),
		Buffer.from([0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0xff, 0xd9]),
	])
	return Buffer.concat([
		jfif,
		jpegSegment(0xe1, GPS_EXIF(hidden)),
		jpegSegment(
			0xe1,
			`http://ns.adobe.com/xap/1.0/\0<exif:GPSLatitude>${hidden}</exif:GPSLatitude>`,
		),
		jpegSegment(0xe2, `MPF\0MM\0*GPS ${hidden}`),
		jpegSegment(0xed, `Photoshop 3.0\x008BIM ${hidden}`),
		jpegSegment(0xe0, `JFXX\0${hidden}`),
		rest.subarray(0, -2),
		jpegSegment(0xfe, `comment ${hidden}`),
		rest.subarray(-2),
		appended,
	])
}

/** The clean 1×1 PNG of pngWithText, with nothing but its image. */
export function cleanPng(): Buffer {
	const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])
	const idat = Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('sRGB', Buffer.from([0])),
		pngChunk('IDAT', idat),
		pngChunk('IEND', Buffer.alloc(0)),
	])
}

/** cleanPng with a location in every chunk that can carry one, and after its end. */
export function pngWithLocationEverywhere(hidden: string): Buffer {
	const clean = cleanPng()
	const signatureAndHeader = clean.subarray(0, 8 + 25)
	const rest = clean.subarray(8 + 25)
	return Buffer.concat([
		signatureAndHeader,
		pngChunk('eXIf', Buffer.from(`MM\0*GPS ${hidden}`, 'latin1')),
		pngChunk('exIf', Buffer.from(`MM\0*GPS ${hidden}`, 'latin1')),
		pngChunk('tEXt', Buffer.from(`GPS\0${hidden}`, 'latin1')),
		pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0<x:GPS>${hidden}</x:GPS>`, 'latin1')),
		pngChunk('zTXt', Buffer.from(`Raw profile type exif\0\0${hidden}`, 'latin1')),
		pngChunk('tIME', Buffer.from([7, 234, 12, 1, 10, 0, 0])),
		pngChunk('gpSx', Buffer.from(hidden, 'latin1')),
		rest,
		Buffer.from(`trailing ${hidden}`),
	])
}
