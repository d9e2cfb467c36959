// Files from a reporter as staff receive them: a photo with a location in
// every place a JPEG or PNG can hide one arrives as the clean image, and
// every file downloads under a name whose extension is that of its content,
// never through a page-data URL.
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import {
	CLEAN_PHOTO,
	cleanPng,
	photoWithLocationEverywhere,
	pngWithLocationEverywhere,
} from '../support/sample-files'
import { expect, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

test.use({ javaScriptEnabled: false })

test('locations are gone, names are safe, and the .data variant is refused', async ({
	page,
	browser,
}) => {
	const phrase = `Attachments ${Date.now()}`
	await page.goto('/request')
	const started = Date.now()
	await page.locator('#narrative').fill(`Die Fotos zeigen es. ${phrase}`)
	await openMoreDetails(page)
	await page.locator('#attachments').setInputFiles([
		{
			name: 'IMG_2041.jpg',
			mimeType: 'image/jpeg',
			buffer: photoWithLocationEverywhere('47.4245N'),
		},
		{ name: 'x.svg.png', mimeType: 'image/png', buffer: pngWithLocationEverywhere('47.4245N') },
		{ name: 'run.hta', mimeType: 'application/hta', buffer: Buffer.from('Notizen zum Vorfall') },
	])
	await page.locator('#consent-yes').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.locator('main button[type=submit]').click()
	await expect(page.getByTestId('follow-up-code')).toBeVisible()

	const staff = await browser.newPage()
	await signIn(staff, DEMO_ACCOUNTS.lead)
	const reference = await findNewCaseByPhrase(staff, phrase)
	const links = staff.locator(`a[href^="/staff/cases/${reference}/attachments/"]`)
	await expect(links).toHaveCount(3)
	const downloads: Array<{ name: string | undefined; body: Buffer }> = []
	for (const href of await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')!))) {
		const response = await staff.request.get(href)
		expect(response.status()).toBe(200)
		const disposition = response.headers()['content-disposition'] ?? ''
		downloads.push({
			name: /filename="([^"]+)"/.exec(disposition)?.[1],
			body: await response.body(),
		})
		expect((await staff.request.get(`${href}.data`)).status()).toBe(404)
	}
	const byName: Record<string, Buffer> = Object.fromEntries(
		downloads.map((file) => [file.name, file.body]),
	)
	expect(Object.keys(byName).sort()).toEqual(['IMG_2041-jpg.jpg', 'run-hta.txt', 'x-svg-png.png'])
	expect(byName['IMG_2041-jpg.jpg']).toEqual(CLEAN_PHOTO)
	expect(byName['x-svg-png.png']).toEqual(cleanPng())
	for (const body of Object.values(byName)) expect(body.includes('47.4245N')).toBe(false)
	await staff.close()
})
