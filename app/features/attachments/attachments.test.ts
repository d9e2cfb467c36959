import { describe, expect, test } from 'vitest'
import { jpegWithExif, pngWithText } from '../../../tests/support/sample-files'
import { detectMediaType } from './file-type.server'
import { prepareAttachments } from './prepare.server'
import { MalformedFileError, stripMetadata } from './strip-metadata.server'

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

	test('a truncated image is refused, not stored as it came', () => {
		expect(() => stripMetadata('image/png', pngWithText('x').subarray(0, 30))).toThrow(
			MalformedFileError,
		)
		const files = [{ name: 'broken.jpg', data: jpegWithExif('x').subarray(0, 12) }]
		expect(prepareAttachments(files, []).errors).toEqual([{ kind: 'type', name: 'broken.jpg' }])
	})
})
