import { describe, expect, test } from 'vitest'
import {
	CLEAN_PHOTO,
	cleanPng,
	jpegSegment,
	jpegWithExif,
	photoWithLocationEverywhere,
	pngWithLocationEverywhere,
	pngWithText,
} from '../../../tests/support/sample-files'
import { attachmentDisposition, safeDownloadName } from './download-name'
import { detectMediaType } from './file-type.server'
import { prepareAttachments } from './prepare.server'
import { MalformedFileError } from './malformed-file'
import { stripMetadata } from './strip-metadata.server'

describe('file types by content', () => {
	test('the four accepted formats, whatever their names say', () => {
		expect(detectMediaType(pngWithText('x'))).toBe('image/png')
		expect(detectMediaType(jpegWithExif('x'))).toBe('image/jpeg')
		expect(detectMediaType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf')
		expect(detectMediaType(Buffer.from('Er hat mich beschimpft.\nÜberall.'))).toBe('text/plain')
	})

	test('anything else is refused', () => {
		expect(detectMediaType(Buffer.from('MZ\x90\x00\x03\x00', 'latin1'))).toBeNull()
		expect(detectMediaType(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1]))).toBeNull()
		expect(detectMediaType(Buffer.alloc(0))).toBeNull()
		expect(detectMediaType(Buffer.from([0xc3, 0x28]))).toBeNull()
	})
})

describe('metadata removal', () => {
	test('a PNG loses its text chunks and keeps its image', () => {
		const stripped = stripMetadata('image/png', pngWithText('secret place'))
		expect(stripped.includes(Buffer.from('secret place'))).toBe(false)
		expect(stripped.includes(Buffer.from('IDAT'))).toBe(true)
		expect(stripped.subarray(-8, -4).toString('latin1')).toBe('IEND')
	})

	test('a JPEG loses its Exif (GPS) segment and keeps its image data', () => {
		const original = jpegWithExif('secret place')
		const stripped = stripMetadata('image/jpeg', original)
		expect(stripped.includes(Buffer.from('secret place'))).toBe(false)
		expect(stripped.includes(Buffer.from('GPS'))).toBe(false)
		expect(stripped.includes(Buffer.from('JFIF'))).toBe(true)
		expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]))
	})

	test('a photo with a location in every place a JPEG can hide one comes out as the clean photo', () => {
		const stripped = stripMetadata('image/jpeg', photoWithLocationEverywhere('secret place'))
		expect(stripped.includes(Buffer.from('secret place'))).toBe(false)
		expect(stripped.includes(Buffer.from('GPS'))).toBe(false)
		expect(stripped).toEqual(CLEAN_PHOTO)
	})

	test('a progressive JPEG keeps every scan, its stuffed bytes and restart markers', () => {
		const scan = (bytes: number[]) => Buffer.from(bytes)
		const progressive = Buffer.concat([
			Buffer.from([0xff, 0xd8]),
			jpegSegment(0xc2, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
			jpegSegment(0xc4, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5])),
			jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0, 0])),
			scan([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]),
			jpegSegment(0xe1, 'Exif\0\0GPS between scans'),
			jpegSegment(0xc4, Buffer.from([0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6])),
			jpegSegment(0xda, Buffer.from([1, 1, 0, 1, 63, 0])),
			scan([0x78, 0x9a]),
			Buffer.from([0xff, 0xd9]),
		])
		const stripped = stripMetadata('image/jpeg', progressive)
		expect(stripped.includes(Buffer.from('GPS'))).toBe(false)
		expect(stripped.includes(scan([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]))).toBe(true)
		expect(stripped.includes(scan([0x78, 0x9a, 0xff, 0xd9]))).toBe(true)
	})

	test('a PNG keeps only the chunks that draw it', () => {
		const stripped = stripMetadata('image/png', pngWithLocationEverywhere('secret place'))
		expect(stripped.includes(Buffer.from('secret place'))).toBe(false)
		expect(stripped).toEqual(cleanPng())
	})

	test('a truncated image is refused, not stored as it came', () => {
		expect(() => stripMetadata('image/png', pngWithText('x').subarray(0, 30))).toThrow(
			MalformedFileError,
		)
		const files = [{ name: 'broken.jpg', data: jpegWithExif('x').subarray(0, 12) }]
		expect(prepareAttachments(files, []).errors).toEqual([{ kind: 'type', name: 'broken.jpg' }])
	})
})

describe('download names', () => {
	test('a name never decides the extension: the content does', () => {
		expect(safeDownloadName('run.hta', 'text/plain')).toBe('run-hta.txt')
		expect(safeDownloadName('x.svg.png', 'image/png')).toBe('x-svg-png.png')
		expect(safeDownloadName('../../etc/passwd', 'text/plain')).toBe('etc-passwd.txt')
		expect(safeDownloadName('Foto 1; Bahnhof.jpg', 'image/jpeg')).toBe('Foto 1- Bahnhof-jpg.jpg')
		expect(safeDownloadName('ስእሊ.pdf', 'application/pdf')).toBe('ስእሊ-pdf.pdf')
		expect(safeDownloadName('...', 'image/png')).toBe('attachment.png')
		expect(safeDownloadName('a\u202egnp.exe', 'image/png')).toBe('a-gnp-exe.png')
	})

	test('the disposition is always a download with an ASCII fallback', () => {
		expect(attachmentDisposition('ስእሊ-pdf.pdf')).toBe(
			`attachment; filename="_-pdf.pdf"; filename*=UTF-8''${encodeURIComponent('ስእሊ-pdf.pdf')}`,
		)
	})
})
