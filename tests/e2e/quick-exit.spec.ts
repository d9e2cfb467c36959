// Quick exit (issue 13, item 3): on every public page, always in view; it
// replaces the page with a neutral one, so Back does not return to it, and
// ends a follow-up session; three presses of Esc do the same; without
// JavaScript it is a plain link. The browser asks /exit of the app, which
// answers with a redirect to the neutral page (QUICK_EXIT_URL); the test
// checks that answer and shows a stand-in page in its place, so that nothing
// leaves this machine.
import type { Page } from '@playwright/test'
import { expect, MIN_FILL_MS, openMoreDetails, test } from './fixtures'

const NEUTRAL = 'https://neutral.example/weather'

test.beforeEach(async ({ page }) => {
	await page.route('**/exit', async (route) => {
		const answer = await route.fetch({ maxRedirects: 0 })
		expect(answer.status()).toBe(302)
		expect(answer.headers().location).toBe(NEUTRAL)
		await route.fulfill({
			status: 200,
			headers: { ...answer.headers(), 'content-type': 'text/html' },
			body: '<title>Wetter</title><h1>Wetter</h1>',
		})
	})
})

async function leftForTheNeutralPage(page: Page) {
	await page.waitForURL(/\/exit$/)
	await expect(page.getByRole('heading', { name: 'Wetter' })).toBeVisible()
}

test('the button stays in view and replaces the page: Back does not return to the form', async ({
	page,
}) => {
	await page.setViewportSize({ width: 320, height: 640 })
	await page.goto('/?lang=ti')
	await page.goto('/request?lang=ti')
	await page.mouse.wheel(0, 3000)
	const button = page.getByRole('link', { name: 'ካብዚ ገጽ ቀልጢፍኩም ውጹ' })
	await expect(button).toBeInViewport()
	await button.click()
	await leftForTheNeutralPage(page)
	await page.goBack()
	// Back leads to the page before the form, not to the form.
	await expect(page).toHaveURL(/\/\?lang=ti$/)
})

test('it ends a follow-up session; three presses of Esc leave too', async ({ page }) => {
	await page.goto('/request')
	const started = Date.now()
	await page.getByLabel('Beschreiben Sie, was passiert ist').fill('Beim Einkaufen beschimpft.')
	await openMoreDetails(page)
	await page.getByLabel('Öffentlicher Raum').check()
	await page.getByLabel('Ich bin einverstanden').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.getByRole('button', { name: 'Anfrage senden' }).click()
	const code = (await page.getByTestId('follow-up-code').textContent())!.trim()
	await page.goto('/follow-up')
	await expect(page).toHaveTitle('Nachrichten')
	await page.getByLabel('Ihr Code').fill(code)
	await page.getByRole('button', { name: 'Öffnen' }).click()
	await expect(page.getByTestId('request-status')).toBeVisible()

	for (let press = 0; press < 3; press++) await page.keyboard.press('Escape')
	await leftForTheNeutralPage(page)
	await page.goto('/follow-up')
	await expect(page.getByLabel('Ihr Code')).toBeVisible()
	await expect(page.getByTestId('request-status')).toHaveCount(0)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a plain link on every public page, none in the back office', async ({ page }) => {
		for (const path of ['/', '/request', '/follow-up']) {
			await page.goto(path)
			await expect(page.getByRole('link', { name: 'Seite schnell verlassen' })).toHaveAttribute(
				'href',
				'/exit',
			)
		}
		await page.goto('/staff/login')
		await expect(page.getByRole('link', { name: 'Seite schnell verlassen' })).toHaveCount(0)
		await page.goto('/')
		await expect(page.getByRole('heading', { name: /schnell weg/ })).toBeVisible()
		await page.getByRole('link', { name: 'Seite schnell verlassen' }).click()
		await leftForTheNeutralPage(page)
	})
})
