import { expect, test } from 'vitest'
import { createI18n } from '~/platform/i18n/create-i18n'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { resourcesFor } from '~/platform/i18n/resources.server'
import { codeFileResponse, codeFileText } from './code-file.server'

const CODE = 'ABCD-EFGH-JKMN-PQRS-TV01'

test.each(PUBLIC_LANGUAGES.map((language) => language.code))(
	'the text file in %s has the code, where to use it and how to keep it',
	(language) => {
		const { t } = createI18n(language, resourcesFor(language, ['intake', 'code']))
		const text = codeFileText(t, CODE, 'https://anlaufstelle.example')
		const lines = text.split('\r\n')
		expect(lines).toContain(CODE)
		expect(text).toContain('https://anlaufstelle.example/follow-up')
		expect(lines[0]).toBe(t('intake:confirmation.codeTitle'))
		expect(text).toContain(t('code:file.keep'))
		expect(text).not.toMatch(/{{|code:|intake:/)
	},
)

test('the file downloads as UTF-8 text and is never cached', async () => {
	const response = codeFileResponse('Ihr Code: ABCD')
	expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
	expect(response.headers.get('Content-Disposition')).toBe(
		'attachment; filename="follow-up-code.txt"',
	)
	expect(response.headers.get('Cache-Control')).toBe('no-store')
	expect(await response.text()).toBe('Ihr Code: ABCD')
})
