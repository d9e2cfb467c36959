// The back office's forms validate in the browser with the schemas their
// actions parse with (Conform + zod): with JavaScript a mistake shows when
// the field is left, before anything is sent; without JavaScript the server
// answers with the same translated message and what was typed.
import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { statistics, admin } = DEMO_ACCOUNTS

const TOO_SHORT = 'Das Passwort braucht mindestens 12 Zeichen.'
const REQUIRED = 'Bitte füllen Sie dieses Feld aus.'

/** Every form post the page sends from now on. */
function postsOf(page: Page): string[] {
	const posts: string[] = []
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url())
	})
	return posts
}

const newPassword = (page: Page) => page.getByLabel(/^Neues Passwort(?! wiederholen)/)

/** The message a control announces: the element its aria-describedby names for the error. */
async function announcedError(page: Page, control: ReturnType<Page['getByLabel']>) {
	const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ')
	const texts = await Promise.all(
		ids.map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()),
	)
	return texts.flat().join(' ')
}

test('with JavaScript, a too short new password is refused when the field is left, before sending', async ({
	page,
}) => {
	await signIn(page, statistics, '/staff/account')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto')
	const posts = postsOf(page)

	await newPassword(page).fill('kurz')
	await expect(page.getByText(TOO_SHORT)).toHaveCount(0)
	await newPassword(page).blur()
	await expect(page.getByText(TOO_SHORT)).toBeVisible()
	await expect(newPassword(page)).toHaveAttribute('aria-invalid', 'true')
	expect(await announcedError(page, newPassword(page))).toBe(TOO_SHORT)
	await expectNoAxeViolations(page)

	// Corrected, the message goes as it is typed.
	await newPassword(page).fill('ein langer Satz als Passwort')
	await expect(page.getByText(TOO_SHORT)).toHaveCount(0)
	await expect(newPassword(page)).not.toHaveAttribute('aria-invalid', 'true')

	// Sending with the current password missing stays in the browser too, also
	// on the page loaded as a document and hydrated (rather than reached by a
	// client-side navigation), where field errors once went missing
	// (app/platform/forms/use-validated-form.ts).
	await page.goto('/staff/account')
	await page.getByRole('button', { name: 'Passwort ändern' }).click()
	await expect(page.getByText(REQUIRED).first()).toBeVisible()
	expect(await announcedError(page, page.getByLabel(/^Aktuelles Passwort/))).toBe(REQUIRED)
	expect(posts, 'requests sent').toEqual([])
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the server answers a too short password with the same message, and sends no password back', async ({
		page,
	}) => {
		await signIn(page, statistics, '/staff/account')
		await page.getByLabel(/^Aktuelles Passwort/).fill(statistics.password)
		await newPassword(page).fill('kurz')
		await page.getByLabel(/^Neues Passwort wiederholen/).fill('kurz')
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Passwort ändern' }).click(),
		])
		expect(response.status()).toBe(400)
		await expect(page.getByText(TOO_SHORT)).toBeVisible()
		expect(await announcedError(page, newPassword(page))).toBe(TOO_SHORT)
		// Passwords are typed again, never put into the page.
		await expect(page.getByLabel(/^Aktuelles Passwort/)).toHaveValue('')
		await expect(newPassword(page)).toHaveValue('')
		expect(await response.text()).not.toContain(statistics.password)
	})

	test('the server refuses a long but easily guessed password and says why', async ({ page }) => {
		await signIn(page, statistics, '/staff/account')
		for (const [weak, explanation] of [
			[
				'passwort1234',
				/^Dieses Passwort ist leicht zu erraten: Es steht so oder fast so in den Listen/,
			],
			['Sommer2026!!', /^Dieses Passwort ist leicht zu erraten: Jahreszahlen und Daten/],
		] as const) {
			await page.getByLabel(/^Aktuelles Passwort/).fill(statistics.password)
			await newPassword(page).fill(weak)
			await page.getByLabel(/^Neues Passwort wiederholen/).fill(weak)
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: 'Passwort ändern' }).click(),
			])
			expect(response.status()).toBe(400)
			expect(await announcedError(page, newPassword(page))).toMatch(explanation)
			await expect(newPassword(page)).toHaveAttribute('aria-invalid', 'true')
		}
	})

	test('the server answers an invalid invitation with its messages and keeps what was typed', async ({
		page,
	}) => {
		await signIn(page, admin, '/staff/admin/users')
		const name = 'Neue <b>Person</b> & Co'
		await page.getByLabel(/^Name/).fill(name)
		await page.getByLabel(/^E-Mail/).fill('keine-adresse')
		await page.getByLabel(/^Rolle \(/).selectOption('COUNSELLOR')
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Einladungslink erstellen' }).click(),
		])
		expect(response.status()).toBe(400)
		const email = page.getByLabel(/^E-Mail/)
		expect(await announcedError(page, email)).toBe(
			'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
		)
		await expect(email).toHaveAttribute('aria-invalid', 'true')
		await expect(email).toHaveValue('keine-adresse')
		await expect(page.getByLabel(/^Name/)).toHaveValue(name)
		await expect(page.getByLabel(/^Rolle \(/)).toHaveValue('COUNSELLOR')
		// (axe is a script in the page: the test with JavaScript checks a form with an error.)
	})
})
