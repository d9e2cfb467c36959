import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from './require-staff.server'

describe('safeRedirectPath', () => {
	test('keeps a path under /staff, written as a Location header may carry it', () => {
		expect(safeRedirectPath('/staff', '/x')).toBe('/staff')
		expect(safeRedirectPath('/staff/cases?view=all#top', '/x')).toBe('/staff/cases?view=all#top')
		expect(safeRedirectPath('/staff/cases?q=ä ö', '/x')).toBe('/staff/cases?q=%C3%A4%20%C3%B6')
	})

	test('replaces a line break or any control character, which would start a header', () => {
		for (const value of ['/staff\r\nSet-Cookie: x=1', '/staff/\nx', '/staff\u0000', '/staff\tx']) {
			expect(safeRedirectPath(value, '/staff'), JSON.stringify(value)).toBe('/staff')
		}
	})

	test('replaces another site, a path outside /staff and what is no text', () => {
		for (const value of [
			'//evil.example/staff',
			'/\\evil.example/staff',
			'/staff/..//evil.example',
			'/staff/../request',
			'https://evil.example/staff',
			'javascript:alert(1)',
			'staff',
			'/staffevil',
			'',
			null,
		]) {
			expect(safeRedirectPath(value, '/staff'), String(value)).toBe('/staff')
		}
		expect(safeRedirectPath(new File([], 'x'), '/staff')).toBe('/staff')
	})
})
