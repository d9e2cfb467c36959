// Keeping the follow-up code (decision 0020 and product.md, "The code
// page"): a form stores one request however often it is sent; the code page
// saves, prints, copies and practises the code, asks before it is left
// unkept, and never holds back the quick exit.
import fs from 'node:fs/promises'
import pg from 'pg'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, MIN_FILL_MS, test } from './fixtures'

async function countCases(): Promise<number> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		return Number((await client.query('SELECT count(*) FROM "Case"')).rows[0].count)
	} finally {
		await client.end()
	}
}

const NARRATIVE = 'Am Schalter abgewiesen, Phrase Zinnober-Laterne.'

/** Sends the form in a language; returns the code shown and the form's token. */
async function sendRequest(page: Page, language = 'de') {
	await page.goto(`/request?lang=${language}`)
	const started = Date.now()
	const token = await page.locator('input[name="formStarted"]').inputValue()
	await page.locator('#narrative').fill(NARRATIVE)
	await page.locator('input[name="consent"]').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.locator('button.button-primary[type="submit"]').click()
	const code = (await page.getByTestId('follow-up-code').textContent())!.trim()
	expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/)
	return { code, token }
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the same form sent again stores nothing and says the request was sent', async ({
		page,
	}) => {
		const before = await countCases()
		const { token } = await sendRequest(page)
		expect(await countCases()).toBe(before + 1)

		// As a reload of the confirmation or Back-and-send posts it: the same fields, the same token.
		const form = new FormData()
		for (const [name, value] of Object.entries({
			narrative: NARRATIVE,
			contactMode: 'anonymous',
			consent: 'yes',
			formStarted: token,
		}))
			form.set(name, value)
		const again = await page.request.post('/request', { multipart: form })
		expect(again.status()).toBe(409)
		const html = await again.text()
		expect(html).toContain('Diese Anfrage wurde schon gesendet.')
		expect(html).toContain('Ihr Code wurde Ihnen damals angezeigt.')
		expect(html).not.toContain('data-testid="follow-up-code"')
		expect(await countCases()).toBe(before + 1)
	})

	test('the code saves as a text file and its last four are practised', async ({ page }) => {
		const { code } = await sendRequest(page)
		await expect(page.getByText('über das Menü Ihres Browsers drucken')).toBeVisible()
		// Copy and print need JavaScript: without it they are not offered.
		await expect(page.getByRole('button', { name: 'Code kopieren' })).toHaveCount(0)

		const downloading = page.waitForEvent('download')
		await page.getByRole('button', { name: 'Als Textdatei speichern' }).click()
		const download = await downloading
		expect(download.suggestedFilename()).toBe('follow-up-code.txt')
		const text = await fs.readFile((await download.path())!, 'utf8')
		expect(text).toContain(code)
		expect(text).toContain('/follow-up')

		await page.getByLabel('Die letzten vier Zeichen Ihres Codes').fill('ZZZZ')
		await page.getByRole('button', { name: 'Prüfen' }).click()
		await expect(page.locator('#practice-result')).toHaveText(
			'Nicht ganz. Schauen Sie sich den Code noch einmal genau an.',
		)
		await expect(page.getByTestId('follow-up-code')).toHaveText(code)
		await page.getByLabel('Die letzten vier Zeichen Ihres Codes').fill(code.slice(-4).toLowerCase())
		await page.getByRole('button', { name: 'Prüfen' }).click()
		await expect(page.locator('#practice-result')).toHaveText(
			'Richtig. Jetzt können Sie weiter unten zur Nachfrageseite gehen.',
		)
		await expect(page.getByTestId('follow-up-code')).toHaveText(code)
	})
})

test('with JavaScript: copy, practise in place, and a question before leaving unkept', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'])
	const { code } = await sendRequest(page)
	await expectNoAxeViolations(page)

	const questions: string[] = []
	page.on('dialog', (dialog) => {
		questions.push(`${dialog.type()}: ${dialog.message()}`)
		void dialog.dismiss()
	})
	await page.locator('.site-name').click()
	await expect(page).toHaveURL(/\/request/)
	expect(questions).toEqual([
		'confirm: Haben Sie Ihren Code aufbewahrt? Wir zeigen ihn nur dieses eine Mal. Wollen Sie die Seite trotzdem verlassen?',
	])

	await page.getByLabel('Die letzten vier Zeichen Ihres Codes').fill('ABCD')
	await page.getByRole('button', { name: 'Prüfen' }).click()
	await expect(page.locator('#practice-result')).toHaveText(/^Nicht ganz/)
	await expectNoAxeViolations(page)

	await page.getByRole('button', { name: 'Code kopieren' }).click()
	await expect(page.locator('.keep-status')).toHaveText(
		'Der Code ist kopiert. Fügen Sie ihn an einem sicheren Ort ein.',
	)
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
	await expectNoAxeViolations(page)

	// Kept: the links leave without a question.
	await page.getByRole('link', { name: 'Zur Nachfrageseite' }).click()
	await expect(page).toHaveURL(/\/follow-up$/)
	expect(questions).toHaveLength(1)
})

test('with JavaScript, a right practice ends the questions', async ({ page }) => {
	const { code } = await sendRequest(page)
	const questions: string[] = []
	page.on('dialog', (dialog) => {
		questions.push(dialog.type())
		void dialog.dismiss()
	})
	await page.getByLabel('Die letzten vier Zeichen Ihres Codes').fill(code.slice(-4))
	await page.getByRole('button', { name: 'Prüfen' }).click()
	await expect(page.locator('#practice-result')).toHaveText(/^Richtig/)
	await expectNoAxeViolations(page)
	await page.locator('.site-name').click()
	await expect(page).toHaveURL(/\/$/)
	expect(questions).toEqual([])
})

test('the quick exit leaves the unkept code page at once, without a question', async ({ page }) => {
	// A stand-in for the neutral page, so that nothing leaves this machine (as quick-exit.spec.ts).
	await page.route('**/exit', (route) =>
		route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Wetter</h1>' }),
	)
	await sendRequest(page)
	const questions: string[] = []
	page.on('dialog', (dialog) => {
		questions.push(dialog.type())
		void dialog.dismiss()
	})
	// A click first, so that the browser would ask on leaving (sticky activation).
	await page.getByLabel('Die letzten vier Zeichen Ihres Codes').click()
	await page.getByRole('link', { name: 'Seite schnell verlassen' }).click()
	await page.waitForURL(/\/exit$/)
	await expect(page.getByRole('heading', { name: 'Wetter' })).toBeVisible()
	expect(questions).toEqual([])
})

test.describe('on a 320 px phone', () => {
	test.use({ viewport: { width: 320, height: 640 } })

	for (const language of ['de', 'ar', 'ti', 'de-x-ls']) {
		test(`the code page in ${language}: the code on one line, nothing scrolls sideways`, async ({
			page,
		}) => {
			await sendRequest(page, language)
			const code = page.getByTestId('follow-up-code')
			const { lines, pageWidth } = await code.evaluate((element) => ({
				lines: element.getClientRects().length
					? Math.round(
							element.getBoundingClientRect().height /
								parseFloat(getComputedStyle(element).lineHeight || '0'),
						)
					: 0,
				pageWidth: document.documentElement.scrollWidth,
			}))
			expect(lines).toBe(1)
			expect(pageWidth).toBeLessThanOrEqual(320)
			if (language === 'ar' || language === 'ti')
				await page.screenshot({
					path: `test-results/code-page-320-${language}.png`,
					fullPage: true,
				})
		})
	}
})
