// Cases from every channel (issue 12): a counsellor records a phone case and
// hands over a code, which opens /follow-up; the form explains what it
// refuses and keeps what was typed, with and without JavaScript.
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { counsellor } = DEMO_ACCOUNTS

test('a counsellor records a phone case and hands over a code, which opens /follow-up', async ({
	browser,
	page,
}) => {
	test.setTimeout(120_000)
	await signIn(page, counsellor, '/staff/cases/new')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fall erfassen')
	await expectNoAxeViolations(page)
	// On a phone's width nothing scrolls sideways.
	await page.setViewportSize({ width: 390, height: 844 })
	const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
	expect(await pageWidth()).toBeLessThanOrEqual(390)

	// Nothing chosen yet: the list of problems gets the focus, the fields say what is missing.
	await page.getByRole('button', { name: 'Fall speichern' }).click()
	await expect(page.locator('#error-summary')).toBeFocused()
	await expect(page.locator('#error-summary')).toContainText(
		'Bitte wählen Sie, wie die Anfrage kam.',
	)
	await expect(page.locator('#error-summary')).toContainText('Bitte beschreiben Sie')
	await expectNoAxeViolations(page)

	const phrase = `Am Telefon erzählt: Phrase Holunder-Stellwerk ${Date.now()}`
	await page
		.getByRole('group', { name: /^Kanal/ })
		.getByLabel('Telefon', { exact: true })
		.check()
	await page.getByLabel('Was die Person erzählt').fill(phrase)
	await page.getByRole('checkbox', { name: 'Öffentlicher Raum', exact: true }).check()
	await page.getByLabel('Name oder Pseudonym').fill('Herr B.')
	await page.getByLabel('Bevorzugte Sprache der Beratung').selectOption('tr')
	await expect(page.getByLabel('Der Person einen Folgecode geben')).toBeChecked()
	await page.getByLabel('Die Person ist einverstanden').check()
	await page.getByRole('button', { name: 'Fall speichern' }).click()

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fall gespeichert')
	const reference = (await page.getByTestId('case-reference').textContent())!.trim()
	const code = (await page.getByTestId('follow-up-code').textContent())!.trim()
	expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/)
	// The slip is in the person's language (Turkish), the note for the counsellor in German.
	await expect(page.locator('.code-slip')).toHaveAttribute('lang', 'tr')
	await expect(page.getByRole('heading', { name: 'Was Sie der Person sagen' })).toBeVisible()
	await expectNoAxeViolations(page)
	expect(await pageWidth()).toBeLessThanOrEqual(390)
	// Printed, the page is the slip alone.
	await page.emulateMedia({ media: 'print' })
	await expect(page.locator('.code-slip')).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Was Sie der Person sagen' })).toBeHidden()
	await expect(page.getByRole('heading', { name: 'Fall gespeichert' })).toBeHidden()
	await page.emulateMedia({ media: 'screen' })

	// The person, on a device of their own, opens the follow-up page with the code.
	const person = await (await browser.newContext()).newPage()
	await person.goto('/follow-up')
	await person.getByLabel('Ihr Code').fill(code)
	await person.getByRole('button', { name: 'Öffnen' }).click()
	await expect(person.getByTestId('request-status')).toContainText('In Bearbeitung')

	// The case is the counsellor's, and says how it came.
	await page.getByRole('link', { name: 'Zur Fallseite' }).click()
	await expect(page.locator('.narrative')).toContainText(phrase)
	await expect(page.locator('.case-facts')).toContainText('Telefon')
	await page.goto('/staff/cases?view=mine')
	await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('Telefon')
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a letter without a code: refused without consent, typed text kept, then saved', async ({
		page,
	}) => {
		test.setTimeout(120_000)
		await signIn(page, counsellor, '/staff/cases/new')
		await page.locator('#channel-LETTER').check()
		await page.locator('#narrative').fill('Ein Brief, Phrase Wacholder-Briefkasten.')
		await page.locator('#contactEmail').fill('kein-gueltiges-format')
		await page.locator('#followUpCode-yes').uncheck()
		await page.getByRole('button', { name: 'Fall speichern' }).click()

		await expect(page.locator('#error-summary')).toContainText(
			'Ohne das Einverständnis der Person wird der Fall nicht gespeichert.',
		)
		await expect(page.locator('#contactEmail-error')).toHaveText(
			'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.ch.',
		)
		await expect(page.locator('#narrative')).toHaveValue('Ein Brief, Phrase Wacholder-Briefkasten.')
		await expect(page.locator('#channel-LETTER')).toBeChecked()
		await expect(page.locator('#followUpCode-yes')).not.toBeChecked()

		await page.locator('#contactEmail').fill('')
		await page.locator('#consent-yes').check()
		await page.getByRole('button', { name: 'Fall speichern' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fall gespeichert')
		await expect(page.getByTestId('follow-up-code')).toHaveCount(0)
		await expect(page.getByText('Die Person hat keinen Folgecode erhalten.')).toBeVisible()
	})
})
