// Every public page in every language on a 320 px screen (WCAG 1.4.10,
// reflow): nothing scrolls sideways, with and without JavaScript.
import { PUBLIC_LANGUAGES } from '../../app/platform/i18n/languages.ts'
import { expect, test } from './fixtures'

const PAGES = ['/', '/request', '/follow-up', '/nowhere']

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } })

		test('no public page scrolls sideways at 320 px, in any language', async ({ page }) => {
			const wide: string[] = []
			for (const { code } of PUBLIC_LANGUAGES) {
				for (const path of PAGES) {
					await page.goto(`${path}?lang=${code}`)
					const width = await page.evaluate(() => document.documentElement.scrollWidth)
					if (width > 320) wide.push(`${path}?lang=${code}: ${width} px`)
				}
			}
			expect(wide).toEqual([])
		})
	})
}
