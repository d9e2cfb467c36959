import { expect, expectNoAxeViolations, test } from './fixtures'

test('the start page in German passes axe', async ({ page }) => {
	await page.goto('/')
	await expect(page.locator('html')).toHaveAttribute('lang', 'de')
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
	// A neutral tab title: a glance at the tabs does not say what the page is about.
	await expect(page).toHaveTitle('Startseite')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Beratung bei Rassismus und Diskriminierung',
	)
	await expect(page.getByRole('heading', { name: 'Sie können anonym bleiben' })).toBeVisible()
	await expectNoAxeViolations(page)
})

test('the start page in Arabic is right to left and passes axe', async ({ page }) => {
	await page.goto('/?lang=ar')
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'استشارة في حالات العنصرية والتمييز',
	)
	await expectNoAxeViolations(page)
})

test('the start page in Dari is right to left and passes axe', async ({ page }) => {
	await page.goto('/?lang=prs')
	await expect(page.locator('html')).toHaveAttribute('lang', 'prs')
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
	await expectNoAxeViolations(page)
})

test.describe('with the browser set to Turkish', () => {
	test.use({ locale: 'tr-TR' })

	test('Accept-Language picks the language; a chosen one sticks', async ({ page }) => {
		await page.goto('/')
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr')
		await page.goto('/?lang=it')
		await expect(page.locator('html')).toHaveAttribute('lang', 'it')
		await page.goto('/')
		await expect(page.locator('html')).toHaveAttribute('lang', 'it')
	})
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the language switcher works', async ({ page }) => {
		await page.goto('/')
		// One line on a phone: a menu that opens without JavaScript, the current language first.
		const switcher = page.getByRole('navigation', { name: 'Sprache' })
		await expect(switcher.getByRole('link')).toHaveCount(0)
		await switcher.locator('summary').click()
		await expect(switcher.getByRole('link').first()).toHaveText('Deutsch')
		await switcher.getByRole('link', { name: 'English' }).click()
		await expect(page.locator('html')).toHaveAttribute('lang', 'en')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Counselling on racism and discrimination',
		)
		const english = page.getByRole('navigation', { name: 'Language' })
		await english.locator('summary').click()
		await english.getByRole('link', { name: 'العربية' }).click()
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
	})
})

test('an unknown page gets a translated 404 that passes axe', async ({ page }) => {
	const response = await page.goto('/gibt-es-nicht?lang=fr')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable')
	await expectNoAxeViolations(page)
})

test('no page makes a request to another host', async ({ page, baseURL }) => {
	const foreign: string[] = []
	page.on('request', (request) => {
		if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url())
	})
	for (const path of ['/', '/?lang=ar', '/?lang=ti', '/nowhere', '/request', '/follow-up']) {
		await page.goto(path)
		await page.waitForLoadState('networkidle')
	}
	expect(foreign).toEqual([])
})
