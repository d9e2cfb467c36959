// Withdrawal by the reporter (issue 13, item 4; decision 0022): on
// /follow-up the person withdraws after a question, the page says it is
// done, the code opens nothing any more, and staff see the case as
// "withdrawn by the person" without content. With and without JavaScript,
// and on a 320 px screen in German, Arabic and Tigrinya.
import type { Browser, Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, MIN_FILL_MS, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

/** Sends a request through the form (in German) and returns its follow-up code. */
async function sendRequest(page: Page, narrative: string): Promise<string> {
	await page.goto('/request?lang=de')
	const started = Date.now()
	await page.getByLabel('Beschreiben Sie, was passiert ist').fill(narrative)
	await page.getByLabel('Ich bin einverstanden').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.getByRole('button', { name: 'Anfrage senden' }).click()
	return (await page.getByTestId('follow-up-code').textContent())!.trim()
}

async function openWithCode(page: Page, code: string, lang = 'de') {
	await page.goto(`/follow-up?lang=${lang}`)
	await page.locator('#code').fill(code)
	await page.locator('form.code-form button[type="submit"]').click()
	await expect(page.getByTestId('request-status')).toBeVisible()
}

/** The lead's page, signed in, that finds the case by its narrative while it still has one. */
async function leadPageFor(browser: Browser, phrase: string) {
	const page = await (await browser.newContext()).newPage()
	await signIn(page, DEMO_ACCOUNTS.lead)
	const reference = await findNewCaseByPhrase(page, phrase)
	return { page, reference }
}

async function staffSeesItWithdrawn(page: Page, reference: string) {
	await page.goto(`/staff/cases/${reference}`)
	await expect(page.locator('.case-facts')).toContainText('von der Person zurückgezogen')
	await expect(page.getByText(/von der Person zurückgezogen\)/)).toBeVisible()
	await expect(page.locator('.narrative')).toHaveCount(0)
	// Nothing to answer, note or reopen.
	await expect(page.locator('textarea[name="message"]')).toHaveCount(0)
	await expect(page.locator('textarea[name="note"]')).toHaveCount(0)
	await expect(page.locator('#status-section')).toHaveCount(0)
	await page.goto(`/staff/cases?view=closed&reference=${reference}`)
	await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText(
		'von der Person zurückgezogen',
	)
}

test('the person withdraws with JavaScript: asked, done, the code opens nothing; staff see it withdrawn', async ({
	page,
	browser,
}) => {
	test.setTimeout(120_000)
	const phrase = `Zurückziehen mit JavaScript ${Date.now()}`
	const code = await sendRequest(page, phrase)
	const lead = await leadPageFor(browser, phrase)

	await openWithCode(page, code)
	const section = page.getByRole('region', { name: 'Anfrage zurückziehen' })
	await expect(section).toContainText('nicht rückgängig')
	await expectNoAxeViolations(page)
	await section.getByRole('button', { name: 'Anfrage zurückziehen' }).click()

	const question = page.getByRole('heading', {
		name: 'Wollen Sie Ihre Anfrage wirklich zurückziehen?',
	})
	await expect(question).toBeFocused()
	await expectNoAxeViolations(page)
	// Cancelling keeps everything.
	await page.getByRole('link', { name: 'Abbrechen' }).click()
	await expect(question).toHaveCount(0)
	await expect(page.getByTestId('request-status')).toBeVisible()

	await section.getByRole('button', { name: 'Anfrage zurückziehen' }).click()
	await page
		.getByRole('button', { name: 'Ja, ich will meine Anfrage zurückziehen und alles löschen' })
		.click()
	await expect(
		page.getByText('Ihre Anfrage ist zurückgezogen. Ihr Inhalt ist gelöscht.'),
	).toBeVisible()
	await expect(page.getByTestId('request-status')).toHaveCount(0)
	await expect(page.getByRole('link', { name: 'Seite schnell verlassen' })).toBeVisible()
	await expectNoAxeViolations(page)

	// The code now gets the answer a wrong code gets.
	await page.goto('/follow-up')
	await page.locator('#code').fill(code)
	await page.getByRole('button', { name: 'Öffnen' }).click()
	await expect(
		page.getByText('Mit diesem Code konnten wir keine Anfrage öffnen', { exact: false }),
	).toBeVisible()

	await staffSeesItWithdrawn(lead.page, lead.reference)
	await expectNoAxeViolations(lead.page)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the question is a page of its own; the confirmation withdraws', async ({
		page,
		browser,
	}) => {
		test.setTimeout(120_000)
		const phrase = `Zurückziehen ohne JavaScript ${Date.now()}`
		const code = await sendRequest(page, phrase)
		const lead = await leadPageFor(browser, phrase)

		await openWithCode(page, code)
		await page.getByRole('button', { name: 'Anfrage zurückziehen' }).click()
		await expect(
			page.getByRole('heading', { name: 'Wollen Sie Ihre Anfrage wirklich zurückziehen?' }),
		).toBeVisible()
		await page
			.getByRole('button', { name: 'Ja, ich will meine Anfrage zurückziehen und alles löschen' })
			.click()
		await expect(page).toHaveURL(/\/follow-up\?withdrawn=1$/)
		await expect(page.getByText('Ihr Code öffnet nichts mehr.', { exact: false })).toBeVisible()
		await page.goto('/follow-up')
		await expect(page.locator('#code')).toBeVisible()

		await staffSeesItWithdrawn(lead.page, lead.reference)
	})
})

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } })

		test('the withdrawal states do not scroll sideways at 320 px in de, ar and ti', async ({
			page,
		}) => {
			test.setTimeout(120_000)
			const wide: string[] = []
			const measure = async (state: string) => {
				const width = await page.evaluate(() => document.documentElement.scrollWidth)
				if (width > 320) wide.push(`${state}: ${width} px`)
			}
			for (const lang of ['de', 'ar', 'ti']) {
				const code = await sendRequest(page, `Schmaler Bildschirm ${lang} ${Date.now()}`)
				await openWithCode(page, code, lang)
				await measure(`${lang} section`)
				await page.locator('#withdrawal-title ~ form button').click()
				await expect(page.locator('#confirm-step-title')).toBeVisible()
				await measure(`${lang} question`)
				await page.locator('.confirm-step button.button-danger').click()
				await expect(page).toHaveURL(/withdrawn=1/)
				await measure(`${lang} done`)
			}
			expect(wide).toEqual([])
		})
	})
}
