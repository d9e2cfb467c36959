// The case page to work in (issue 12, item 4): a panel with the state and
// the actions beside one timeline, in view while the timeline scrolls on a
// wide screen; after an action the page comes back at the part that changed,
// with focus there; closing needs an outcome; an early deletion asks first.
// On a phone, with and without JavaScript, nothing scrolls sideways.
import type { Page } from '@playwright/test'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { lead } = DEMO_ACCOUNTS

/** An open demo case with content (and messages), apart from the ones other specs pick. */
async function openCase(offset: number, withMessages = false): Promise<string> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	const { rows } = await client
		.query<{ reference: string }>(
			`SELECT c.reference FROM "Case" c
			 WHERE c.status = 'IN_PROGRESS' AND c."personalDataDeletedAt" IS NULL
			   AND (NOT $2 OR EXISTS (SELECT 1 FROM "Message" m WHERE m."caseId" = c.id))
			 ORDER BY c.reference DESC OFFSET $1 LIMIT 1`,
			[offset, withMessages],
		)
		.finally(() => client.end())
	return rows[0]!.reference
}

async function expectNoSidewaysScroll(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(width).toBeLessThanOrEqual(page.viewportSize()!.width)
}

test('on a wide screen the panel stays in view; an action comes back where it was, focus there', async ({
	page,
}) => {
	await page.setViewportSize({ width: 1280, height: 800 })
	await signIn(page, lead, '/staff')
	const reference = await openCase(0, true)
	await page.goto(`/staff/cases/${reference}`)
	const panel = page.getByRole('complementary', { name: 'Überblick' })
	const timeline = page.getByRole('region', { name: 'Verlauf' })
	await expect(timeline.getByRole('heading', { name: 'Anfrage eingegangen' })).toBeVisible()
	await expect(timeline.getByRole('heading', { name: /^Nachricht/ }).first()).toBeVisible()
	await expectNoAxeViolations(page)

	await page
		.getByRole('heading', { name: 'Einordnung durch die Beratung' })
		.scrollIntoViewIfNeeded()
	// The panel stays in view (it scrolls on its own when it is taller than the window).
	await expect(panel.getByRole('heading', { name: 'Überblick' })).toBeInViewport()
	await panel.getByRole('button', { name: 'Status ändern' }).scrollIntoViewIfNeeded()
	await expect(
		page.getByRole('heading', { name: 'Einordnung durch die Beratung' }),
	).toBeInViewport()

	// Closing needs an outcome: refused in the browser already.
	await panel.getByLabel(/^Neuer Status/).selectOption('CLOSED')
	await panel.getByRole('button', { name: 'Status ändern' }).click()
	await expect(panel.getByText('Bitte wählen Sie beim Abschliessen ein Ergebnis.')).toBeVisible()

	const note = `Notiz ${Date.now()}`
	await page.getByLabel(/^Neue Notiz/).fill(note)
	await page.getByRole('button', { name: 'Notiz speichern' }).click()
	await expect(page).toHaveURL(/done=note#add-note$/)
	await expect(page.getByRole('heading', { name: 'Interne Notiz', level: 2 })).toBeFocused()
	await expect(page.getByRole('status')).toHaveText('Die Notiz ist gespeichert.')
	await expect(timeline.getByText(note)).toBeVisible()
})

test('on a phone the panel comes first and nothing scrolls sideways', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 })
	await signIn(page, lead, '/staff')
	await page.goto(`/staff/cases/${await openCase(2)}`)
	await expect(page.getByRole('complementary', { name: 'Überblick' })).toBeInViewport()
	await expectNoSidewaysScroll(page)
	await expectNoAxeViolations(page)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('closing without an outcome is refused, an early deletion asks first', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 })
		await signIn(page, lead, '/staff')
		const reference = await openCase(3)
		await page.goto(`/staff/cases/${reference}`)
		await expectNoSidewaysScroll(page)
		const panel = page.getByRole('complementary', { name: 'Überblick' })
		await panel.getByLabel(/^Neuer Status/).selectOption('CLOSED')
		await panel.getByRole('button', { name: 'Status ändern' }).click()
		await expect(
			page
				.getByRole('complementary', { name: 'Überblick' })
				.getByText('Bitte wählen Sie beim Abschliessen ein Ergebnis.'),
		).toBeVisible()
		await expect(page.getByRole('complementary', { name: 'Überblick' })).toContainText(
			'In Bearbeitung',
		)

		await page.getByRole('button', { name: 'Personendaten löschen' }).click()
		const step = page.getByRole('region', {
			name: `Personendaten von Fall ${reference} jetzt löschen?`,
		})
		await expect(step).toBeVisible()
		await step.getByRole('link', { name: 'Abbrechen' }).click()
		await expect(page.getByRole('region', { name: /jetzt löschen\?/ })).toHaveCount(0)
		await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText('Anfrage eingegangen')
	})
})
