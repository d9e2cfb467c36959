import { describe, expect, test } from 'vitest'
import { negotiateLanguage } from './negotiate-language'

const none = { param: null, cookie: null, acceptLanguage: null }

describe('negotiateLanguage', () => {
	test('German when nothing says otherwise', () => {
		expect(negotiateLanguage(none, 'public')).toBe('de')
	})

	test('the URL wins over the cookie and the browser', () => {
		expect(negotiateLanguage({ param: 'ar', cookie: 'fr', acceptLanguage: 'en' }, 'public')).toBe(
			'ar',
		)
	})

	test('the cookie wins over the browser', () => {
		expect(negotiateLanguage({ ...none, cookie: 'ti', acceptLanguage: 'en' }, 'public')).toBe('ti')
	})

	test('unknown codes in the URL or cookie are ignored', () => {
		expect(
			negotiateLanguage({ param: 'xx', cookie: '<script>', acceptLanguage: 'it' }, 'public'),
		).toBe('it')
	})

	test('Accept-Language is read by quality, then by order', () => {
		expect(negotiateLanguage({ ...none, acceptLanguage: 'ja, uk;q=0.8, en;q=0.9' }, 'public')).toBe(
			'en',
		)
		expect(negotiateLanguage({ ...none, acceptLanguage: 'pt-BR,pt;q=0.9' }, 'public')).toBe('pt')
	})

	test('a regional German is German, never Leichte Sprache', () => {
		expect(negotiateLanguage({ ...none, acceptLanguage: 'de-CH' }, 'public')).toBe('de')
	})

	test('Bosnian, Croatian and Serbian browsers get the BCS translation', () => {
		for (const tag of ['bs', 'hr-HR', 'sr-Latn-RS']) {
			expect(negotiateLanguage({ ...none, acceptLanguage: tag }, 'public')).toBe('sh')
		}
	})

	test('Afghan Persian browsers get Dari', () => {
		expect(negotiateLanguage({ ...none, acceptLanguage: 'fa-AF' }, 'public')).toBe('prs')
	})

	test('q=0 excludes a language; a broken header falls back to German', () => {
		expect(negotiateLanguage({ ...none, acceptLanguage: 'en;q=0' }, 'public')).toBe('de')
		expect(negotiateLanguage({ ...none, acceptLanguage: ';;;,=,' }, 'public')).toBe('de')
	})

	test('staff pages offer only German and English', () => {
		expect(negotiateLanguage({ ...none, param: 'ar' }, 'staff')).toBe('de')
		expect(negotiateLanguage({ ...none, acceptLanguage: 'fr, en;q=0.5' }, 'staff')).toBe('en')
	})
})
