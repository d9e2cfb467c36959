// When someone leaves (issue 12, items 4 and 7), without JavaScript: the
// admin's "deactivate" and "reset second factor" only ask at first, saying
// how many open cases the account still has; cancelling changes nothing.
// The lead's handover page refuses handing cases to the same account.
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { admin, counsellor, lead } = DEMO_ACCOUNTS

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('deactivating and resetting a second factor are a second step, and cancel changes nothing', async ({
		page,
	}) => {
		await signIn(page, admin, '/staff/admin/users')
		const row = page.getByRole('row', { name: new RegExp(counsellor.displayName) })
		await row.getByRole('button', { name: 'Deaktivieren' }).click()
		const step = page.getByRole('region', {
			name: `Konto von ${counsellor.displayName} deaktivieren?`,
		})
		await expect(step).toBeVisible()
		await expect(step).toContainText(/\d+ offene Fälle zugewiesen|\d+ offener Fall zugewiesen/)
		await expect(step.getByRole('button', { name: 'Ja, deaktivieren' })).toBeVisible()
		await step.getByRole('link', { name: 'Abbrechen' }).click()
		await expect(page.getByRole('row', { name: new RegExp(counsellor.displayName) })).toContainText(
			'aktiv',
		)
		await expect(page.getByRole('region', { name: /deaktivieren\?/ })).toHaveCount(0)

		await page
			.getByRole('row', { name: new RegExp(counsellor.displayName) })
			.getByRole('button', { name: 'Zwei-Faktor zurücksetzen' })
			.click()
		await expect(
			page.getByRole('region', {
				name: `Zweiten Faktor von ${counsellor.displayName} zurücksetzen?`,
			}),
		).toBeVisible()
	})

	test('the lead hands over open cases on one page, and not to the same account', async ({
		page,
	}) => {
		await signIn(page, lead, '/staff/handover')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fälle übergeben')
		const from = page.getByLabel(/^Offene Fälle von/)
		const option = from.locator('option', { hasText: counsellor.email })
		await from.selectOption({ label: (await option.textContent())! })
		await page
			.getByLabel(/^Übergeben an/)
			.selectOption({ label: `${counsellor.displayName} (${counsellor.email})` })
		await page.getByRole('button', { name: 'Alle offenen Fälle übergeben' }).click()
		await expect(
			page.getByText('Bitte wählen Sie eine andere Person als die bisherige.'),
		).toBeVisible()
	})
})

test('the confirmation step and the handover page pass axe', async ({ page, browser }) => {
	await signIn(page, admin, '/staff/admin/users')
	await page
		.getByRole('row', { name: new RegExp(counsellor.displayName) })
		.getByRole('button', { name: 'Deaktivieren' })
		.click()
	const step = page.getByRole('region', { name: /deaktivieren\?/ })
	await expect(step.getByRole('heading')).toBeFocused()
	await expectNoAxeViolations(page)
	await step.getByRole('link', { name: 'Abbrechen' }).click()
	await expect(step).toHaveCount(0)

	const leadPage = await (await browser.newContext()).newPage()
	await signIn(leadPage, lead, '/staff/handover')
	await expect(leadPage.getByRole('heading', { level: 1 })).toHaveText('Fälle übergeben')
	await expectNoAxeViolations(leadPage)
})
