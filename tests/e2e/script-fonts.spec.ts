// Every script on a device without its fonts (issue 13, item 6): Debian's
// Chromium has no Ethiopic font, so Tigrinya shows as boxes unless the app
// brings its own; the Arabic script too. Each language loads only its own
// font, from the app; a page asks for nothing that is not there (a favicon).
import { expect, test } from './fixtures'

test('Tigrinya and Arabic come with their own fonts, German with none', async ({ page }) => {
	const fonts: string[] = []
	page.on('response', (response) => {
		if (/\.woff2?(\?|$)/.test(response.url())) fonts.push(new URL(response.url()).pathname)
	})
	await page.goto('/?lang=ti')
	await page.evaluate(() => document.fonts.ready)
	expect(
		await page.evaluate(() =>
			[...document.fonts].some(
				(font) => font.family.includes('Noto Sans Ethiopic') && font.status === 'loaded',
			),
		),
	).toBe(true)
	expect(fonts.length).toBeGreaterThan(0)
	expect(fonts.every((path) => path.startsWith('/assets/') && path.includes('ethiopic'))).toBe(true)

	fonts.length = 0
	await page.goto('/?lang=ar')
	await page.evaluate(() => document.fonts.ready)
	expect(fonts.length).toBeGreaterThan(0)
	expect(fonts.every((path) => path.includes('arabic'))).toBe(true)

	fonts.length = 0
	await page.goto('/?lang=de')
	await page.evaluate(() => document.fonts.ready)
	expect(await page.locator('link[href*="ethiopic"], link[href*="arabic"]').count()).toBe(0)
	expect(fonts).toEqual([])
})

test('no page asks for a file that is not there: the favicon is linked', async ({ page }) => {
	const missing: string[] = []
	page.on('response', (response) => {
		if (response.status() === 404) missing.push(response.url())
	})
	for (const path of ['/', '/request', '/follow-up', '/staff/login']) {
		await page.goto(path)
		await page.waitForLoadState('networkidle')
	}
	expect(missing).toEqual([])
	const icon = await page.locator('link[rel="icon"]').getAttribute('href')
	expect((await page.request.get(icon!)).status()).toBe(200)
})
