import { pngWithText } from '../support/sample-files'
import { expect, expectNoAxeViolations, MIN_FILL_MS, openMoreDetails, test } from './fixtures'

test('an anonymous request in German: code shown once, follow-up opens, a message arrives', async ({
	page,
}) => {
	await page.goto('/request')
	await expectNoAxeViolations(page)
	const started = Date.now()
	await page
		.getByLabel('Beschreiben Sie, was passiert ist')
		.fill('Im Bus wurde ich beschimpft, Phrase Bernstein-Quittung.')
	await openMoreDetails(page)
	await page.getByLabel('Öffentlicher Raum').check()
	await page.getByLabel('Beschimpfung').check()
	await page.getByLabel('Ich bin einverstanden').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.getByRole('button', { name: 'Anfrage senden' }).click()

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Vielen Dank. Wir haben Ihre Anfrage erhalten.',
	)
	const code = (await page.getByTestId('follow-up-code').textContent())!.trim()
	expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/)
	await expectNoAxeViolations(page)

	// The code is not kept yet (copied, saved, printed or practised): the page asks first.
	page.once('dialog', (dialog) => void dialog.accept())
	await page.getByRole('link', { name: 'Zur Nachfrageseite' }).click()
	await page.getByLabel('Ihr Code').fill(code.toLowerCase())
	await page.getByRole('button', { name: 'Öffnen' }).click()
	await expect(page.getByTestId('request-status')).toContainText('Erhalten')
	await expectNoAxeViolations(page)

	await page.getByLabel('Ihre Nachricht').fill('Noch etwas: es war die Linie 5.')
	await page.getByRole('button', { name: 'Senden' }).click()
	await expect(page.getByRole('status')).toHaveText('Ihre Nachricht ist bei uns angekommen.')
	await expect(page.locator('.message-text')).toHaveText('Noch etwas: es war die Linie 5.')

	await page.getByRole('button', { name: 'Nachfrage beenden' }).click()
	await expect(page.getByRole('status')).toHaveText('Sie haben die Nachfrage beendet.')
	await expect(page.getByLabel('Ihr Code')).toBeVisible()
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a request with contact in Arabic, with a photo, goes through', async ({ page }) => {
		await page.goto('/request?lang=ar')
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
		const started = Date.now()
		await page.locator('#narrative').fill('تعرضت للإهانة في العمل بسبب أصلي.')
		await openMoreDetails(page)
		await page.locator('#areas-work').check()
		await page.locator('#contactMode-contact').check()
		await page.locator('#contactName').fill('Amira')
		await page.locator('#contactEmail').fill('amira@example.ch')
		await page.locator('#interpreterNeeded-yes').check()
		await page.locator('#interpreterLanguage').fill('Arabisch')
		await page.locator('#attachments').setInputFiles({
			name: 'screenshot.png',
			mimeType: 'image/png',
			buffer: pngWithText('GPS 47.42 9.37'),
		})
		await page.locator('#consent-yes').check()
		await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
		await page.locator('main button[type=submit]').click()
		await expect(page.getByTestId('follow-up-code')).toBeVisible()
	})

	test('missing answers are explained next to their fields and nothing typed is lost', async ({
		page,
	}) => {
		await page.goto('/request?lang=en')
		await openMoreDetails(page)
		await page.locator('#place').fill('Wil')
		await page.locator('#contactMode-contact').check()
		await page.locator('#contactPhone').fill('not a number')
		await page.getByLabel('Public space').check()
		await page.locator('main button[type=submit]').click()

		await expect(page.getByRole('alert')).toContainText('Please check your entries')
		await expect(page.locator('#narrative-error')).toHaveText('Please describe what happened.')
		await expect(page.locator('#contactPhone-error')).toContainText('valid phone number')
		await expect(page.locator('#consent-error')).toContainText('Without your consent')
		await expect(page.locator('#place')).toHaveValue('Wil')
		await expect(page.locator('#contactPhone')).toHaveValue('not a number')
		await expect(page.getByLabel('Public space')).toBeChecked()
		await expect(page.locator('#contactMode-contact')).toBeChecked()
		await expect(page.locator('#narrative')).toHaveAttribute('aria-invalid', 'true')
	})
})

test('the form in Arabic and its error messages pass axe', async ({ page }) => {
	await page.goto('/request?lang=ar')
	await expectNoAxeViolations(page)
	await page.locator('main button[type=submit]').click()
	await expect(page.locator('#error-summary')).toBeVisible()
	await expectNoAxeViolations(page)
})

test('with JavaScript the same rules are checked before sending', async ({ page }) => {
	let posted = false
	page.on('request', (request) => {
		if (request.method() === 'POST') posted = true
	})
	await page.goto('/request?lang=fr')
	await page.locator('main button[type=submit]').click()
	await expect(page.locator('#error-summary')).toBeFocused()
	await expect(page.locator('#narrative-error')).toBeVisible()
	expect(posted).toBe(false)
})

test('a wrong code gets one generic answer; the tenth wrong try in a row gets 429', async ({
	page,
}) => {
	test.setTimeout(120_000)
	// Wrong codes are counted in fixed 15-minute windows; a run of tries that
	// straddled a window's end would start counting afresh.
	const window = 15 * 60_000
	const untilNextWindow = window - (Date.now() % window)
	if (untilNextWindow < 40_000) await page.waitForTimeout(untilNextWindow + 1_000)

	await page.goto('/follow-up?lang=it')
	await expectNoAxeViolations(page)
	for (let attempt = 1; attempt <= 9; attempt++) {
		await page.locator('#code').fill(attempt % 2 ? 'AAAA-BBBB-CCCC-DDDD-EEEE' : 'nonsense')
		// Wait for each answer: a new submission would cancel one in flight.
		const [answer] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.locator('main button[type=submit]').click(),
		])
		expect(answer.status()).toBe(400)
		await expect(page.locator('#code-error')).toBeVisible()
	}
	const generic = await page.locator('#code-error').textContent()
	await page.locator('#code').fill('AAAA-BBBB-CCCC-DDDD-EEEF')
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.locator('main button[type=submit]').click(),
	])
	expect(response.status()).toBe(429)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/.+/)
	expect(generic).toBeTruthy()
	await expectNoAxeViolations(page)
})
