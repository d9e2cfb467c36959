// Activities beyond cases (issue 12, items 6 and 9): a counsellor records an
// information event, and it appears in the year's statistics, in the summary
// at the top and in the CSV export. Without JavaScript the form refuses a
// wrong post with its message and what was typed, a change keeps the
// activity's values, and deleting asks first. Both pages pass axe and do not
// scroll sideways at 390 px.
import type { Page } from '@playwright/test'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { counsellor, statistics } = DEMO_ACCOUNTS

/** What the database holds for this year's activities, counted directly. */
async function countedThisYear(year: number) {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		const { rows } = await client.query<{ kind: string; n: string; participants: string }>(
			`SELECT kind, count(*) AS n, coalesce(sum(participants), 0) AS participants
			 FROM "Activity" WHERE extract(year FROM "heldOn") = $1 GROUP BY kind`,
			[year],
		)
		const of = (kind: string) => Number(rows.find((row) => row.kind === kind)?.n ?? 0)
		return {
			informationEvents: of('information_event'),
			all: rows.reduce((total, row) => total + Number(row.n), 0),
			participants: rows.reduce((total, row) => total + Number(row.participants), 0),
		}
	} finally {
		await client.end()
	}
}

async function expectNoSidewaysScroll(page: Page) {
	await page.setViewportSize({ width: 390, height: 844 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
	await page.setViewportSize({ width: 1280, height: 800 })
}

async function download(page: Page, link: string): Promise<string> {
	const downloaded = page.waitForEvent('download')
	await page.getByRole('link', { name: link }).click()
	const chunks: Buffer[] = []
	for await (const chunk of await (await downloaded).createReadStream())
		chunks.push(chunk as Buffer)
	return Buffer.concat(chunks).toString('utf8')
}

test('a counsellor records an information event; it is in the year’s statistics and the CSV', async ({
	page,
	browser,
}) => {
	test.setTimeout(180_000)
	const today = new Date().toISOString().slice(0, 10)
	const year = Number(today.slice(0, 4))
	await signIn(page, counsellor, '/staff/activities')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitäten')
	await expect(page.getByText('Keine Namen: Das Formular hat bewusst kein Textfeld.')).toBeVisible()
	await expectNoAxeViolations(page)
	await expectNoSidewaysScroll(page)

	const form = page.getByRole('region', { name: 'Aktivität erfassen' })
	await form.getByLabel(/^Datum/).fill(today)
	await form.getByRole('radio', { name: 'Informationsveranstaltung' }).check()
	await form.getByLabel(/^Zielgruppe/).selectOption({ label: 'Schule und Bildung' })
	await form.getByLabel(/^Teilnehmende/).fill('37')
	await form.getByLabel(/^Stunden/).fill('2.5')
	await form.getByRole('button', { name: 'Aktivität erfassen' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Aktivität ist erfasst.')
	const row = page.getByRole('row', { name: new RegExp(`${today}.*Schule und Bildung.*37`) })
	await expect(row.first()).toBeVisible()
	await expect(row.first()).toContainText('Demo-Beratung')
	await expect(row.first().getByRole('link', { name: /ändern$/ })).toBeVisible()
	// The lead's activities are listed too, but only the lead may change them.
	const leads = page.getByRole('row', { name: /Demo-Leitung/ })
	expect(await leads.count()).toBeGreaterThan(0)
	await expect(leads.getByRole('link')).toHaveCount(0)
	await expect(leads.getByRole('button')).toHaveCount(0)
	await expectNoAxeViolations(page)

	const reader = await (await browser.newContext()).newPage()
	await signIn(reader, statistics, `/staff/statistics?year=${year}`)
	const counted = await countedThisYear(year)
	expect(counted.informationEvents).toBeGreaterThan(0)

	const summary = reader.getByRole('region', { name: `${year} in Kürze` })
	await expect(summary).toBeVisible()
	const figure = (term: string) =>
		summary.locator('.summary-figure', {
			has: reader.locator('dt', { hasText: new RegExp(`^${term}$`) }),
		})
	await expect(figure('Aktivitäten').locator('.summary-value')).toHaveText(String(counted.all))
	await expect(figure('Teilnehmende an Aktivitäten').locator('.summary-value')).toHaveText(
		String(counted.participants),
	)
	await expect(figure('Aktivitäten').locator('.summary-change')).toContainText(
		new RegExp(`(% gegenüber ${year - 1}|kein Vergleich mit ${year - 1})`),
	)

	const kinds = reader.getByRole('region', { name: 'Aktivitäten nach Art' })
	await expect(kinds.locator('.chart-bars')).toHaveCount(1)
	const events = kinds.getByRole('row', { name: /^Informationsveranstaltung/ })
	// The year column: after the four quarters.
	await expect(events.getByRole('cell').nth(4)).toHaveText(String(counted.informationEvents))
	await expect(reader.getByRole('region', { name: 'Aktivitäten nach Zielgruppe' })).toBeVisible()
	await expectNoAxeViolations(reader)
	await expectNoSidewaysScroll(reader)

	const csv = await download(reader, 'CSV (alle Tabellen)')
	const line = csv
		.split('\r\n')
		.find((each) => each.startsWith('Aktivitäten nach Art;Informationsveranstaltung;'))
	expect(line?.split(';').at(-1)).toBe(String(counted.informationEvents))
	expect(csv).toContain('Aktivitäten nach Art;Informationsveranstaltung (Teilnehmende);')
	expect(csv).toContain('Aktivitäten nach Zielgruppe;Schule und Bildung;')

	await reader.getByRole('link', { name: 'Druckansicht (als PDF speichern)' }).click()
	await expect(reader.getByRole('region', { name: `${year} in Kürze` })).toBeVisible()
	await expect(reader.getByRole('region', { name: 'Aktivitäten nach Art' })).toBeVisible()
	await expectNoAxeViolations(reader)
	await expectNoSidewaysScroll(reader)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a wrong post keeps what was typed; a change and a deletion with its second step', async ({
		page,
	}) => {
		test.setTimeout(120_000)
		const year = new Date().getUTCFullYear() - 1
		await signIn(page, counsellor, '/staff/activities')
		const form = page.getByRole('region', { name: 'Aktivität erfassen' })
		await form.getByLabel(/^Datum/).fill(`${year}-06-18`)
		await form.getByRole('radio', { name: 'Schulung oder Weiterbildung' }).check()
		await form.getByLabel(/^Zielgruppe/).selectOption({ label: 'Polizei und Justiz' })
		await form.getByLabel(/^Stunden/).fill('3.25')
		await form.getByRole('button', { name: 'Aktivität erfassen' }).click()

		// A training needs its participants; the rest is as typed.
		const refused = page.getByRole('region', { name: 'Aktivität erfassen' })
		await expect(
			refused.getByText('Bitte geben Sie an, wie viele Personen teilgenommen haben.'),
		).toBeVisible()
		await expect(refused.getByLabel(/^Teilnehmende/)).toHaveAttribute('aria-invalid', 'true')
		await expect(refused.getByLabel(/^Datum/)).toHaveValue(`${year}-06-18`)
		await expect(refused.getByRole('radio', { name: 'Schulung oder Weiterbildung' })).toBeChecked()
		await expect(refused.getByLabel(/^Zielgruppe/)).toHaveValue('police_justice')
		await expect(refused.getByLabel(/^Stunden/)).toHaveValue('3.25')
		await refused.getByLabel(/^Teilnehmende/).fill('14')
		await refused.getByRole('button', { name: 'Aktivität erfassen' }).click()

		// Listed in its own year, which the page now shows.
		await expect(page).toHaveURL(new RegExp(`year=${year}&done=recorded`))
		await expect(page.getByRole('heading', { name: `Aktivitäten ${year}` })).toBeVisible()
		const row = page.getByRole('row', { name: new RegExp(`${year}-06-18.*Polizei und Justiz.*14`) })
		await expect(row).toHaveCount(1)

		await row
			.getByRole('link', { name: `Schulung oder Weiterbildung vom ${year}-06-18 ändern` })
			.click()
		const change = page.getByRole('region', { name: `Aktivität vom ${year}-06-18 ändern` })
		await expect(change.getByLabel(/^Teilnehmende/)).toHaveValue('14')
		await expect(change.getByLabel(/^Stunden/)).toHaveValue('3.25')
		await change.getByLabel(/^Teilnehmende/).fill('16')
		await change.getByRole('button', { name: 'Änderung speichern' }).click()
		await expect(page.getByRole('status')).toHaveText('Die Änderung ist gespeichert.')
		const changed = page.getByRole('row', {
			name: new RegExp(`${year}-06-18.*Polizei und Justiz.*16`),
		})
		await expect(changed).toHaveCount(1)

		await changed.getByRole('button', { name: /löschen$/ }).click()
		const step = page.getByRole('region', { name: 'Diese Aktivität löschen?' })
		await expect(step).toContainText(
			`Schulung oder Weiterbildung, Polizei und Justiz, ${year}-06-18`,
		)
		// Still there until the second step.
		await expect(
			page.getByRole('row', { name: new RegExp(`${year}-06-18.*Polizei und Justiz.*16`) }),
		).toHaveCount(1)
		await step.getByRole('button', { name: 'Ja, Aktivität löschen' }).click()
		await expect(page.getByRole('status')).toHaveText('Die Aktivität ist gelöscht.')
		await expect(
			page.getByRole('row', { name: new RegExp(`${year}-06-18.*Polizei und Justiz`) }),
		).toHaveCount(0)
	})
})
