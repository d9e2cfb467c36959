// Reply templates (issue 12, item 5): the lead writes a text block for a
// language; in a case's message form it goes in where the cursor is (with
// JavaScript) or after what was typed (without), and is edited before sending.
import type { Page } from '@playwright/test'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { lead } = DEMO_ACCOUNTS

/** An open demo case whose content is still there: the lead holds its key. */
async function openCaseReference(): Promise<string> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	const { rows } = await client
		.query<{ reference: string }>(
			`SELECT reference FROM "Case" WHERE status = 'IN_PROGRESS'
			 AND "personalDataDeletedAt" IS NULL ORDER BY reference LIMIT 1`,
		)
		.finally(() => client.end())
	return rows[0]!.reference
}

async function addTemplate(page: Page, title: string, body: string) {
	await page.goto('/staff/templates')
	await page.getByRole('combobox', { name: /^Sprache/ }).selectOption({ label: 'Arabisch' })
	await page.getByLabel(/^Zweck/).selectOption({ label: 'Terminanfrage' })
	await page.getByLabel(/^Titel/).fill(title)
	await page.getByRole('textbox', { name: /^Text/ }).fill(body)
	await page.getByRole('button', { name: 'Textbaustein speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Der Textbaustein ist gespeichert.')
	await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Arabisch')
}

test('the lead keeps a template and inserts it where the cursor is', async ({ page }) => {
	await signIn(page, lead, '/staff/templates')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Textbausteine')
	await expectNoAxeViolations(page)
	const title = `Termin ${Date.now()}`
	await addTemplate(page, title, 'متى يناسبك موعد؟')

	await page.goto(`/staff/cases/${await openCaseReference()}`)
	const message = page.getByLabel(/^Nachricht an die meldende Person/)
	await message.fill('Guten Tag')
	await page.getByLabel('Textbaustein').selectOption({ label: title })
	await page.getByRole('button', { name: 'Einfügen' }).click()
	await expect(message).toHaveValue('Guten Tag\n\nمتى يناسبك موعد؟')
	await expect(message).toBeFocused()
	await expectNoAxeViolations(page)

	// Deleting asks first.
	await page.goto('/staff/templates')
	await page
		.getByRole('row', { name: new RegExp(title) })
		.getByRole('button', { name: /^Löschen/ })
		.click()
	const step = page.getByRole('region', { name: `Textbaustein «${title}» löschen?` })
	await expect(step.getByRole('heading')).toBeFocused()
	await step.getByRole('button', { name: 'Ja, löschen' }).click()
	await expect(page.getByRole('status')).toHaveText('Der Textbaustein ist gelöscht.')
	await expect(page.getByRole('row', { name: new RegExp(title) })).toHaveCount(0)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('inserting posts what was typed and comes back with the template after it', async ({
		page,
	}) => {
		await signIn(page, lead, '/staff/templates')
		const title = `Eingang ${Date.now()}`
		await addTemplate(page, title, 'شكراً لرسالتك.')
		await page.goto(`/staff/cases/${await openCaseReference()}`)
		await page.getByLabel(/^Nachricht an die meldende Person/).fill('Guten Tag')
		await page.getByLabel('Textbaustein').selectOption({ label: title })
		await page.getByRole('button', { name: 'Einfügen' }).click()
		await expect(page.getByLabel(/^Nachricht an die meldende Person/)).toHaveValue(
			'Guten Tag\n\nشكراً لرسالتك.',
		)
	})
})
