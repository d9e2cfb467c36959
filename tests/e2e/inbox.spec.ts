// The inbox that shows what needs attention (issue 12, item 3): a reporter
// replies, the counsellor lands on her cases and sees the reply marked and
// how long the reporter waits; a follow-up date that has come puts the case
// in the due queue. Axe on every new page, and no sideways scrolling on a
// phone.
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { calendarDay } from '../../app/platform/calendar-day.ts'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

const { lead, counsellor } = DEMO_ACCOUNTS

async function database<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

/** The page's width, and what sticks out of a 390 px screen outside a table's scroll box. */
async function pageWidth(page: Page) {
	return page.evaluate(() => ({
		width: document.documentElement.scrollWidth,
		outside: [...document.querySelectorAll('body *')]
			.filter(
				(element) => !element.closest('.table-wrap') && element.getBoundingClientRect().right > 390,
			)
			.map((element) => `${element.tagName}#${element.id}.${element.className}`),
	}))
}

/** A day `days` before today in St. Gallen, as the app counts days. */
const daysAgo = (days: number) => {
	const day = calendarDay(new Date())
	day.setUTCDate(day.getUTCDate() - days)
	return day.toISOString().slice(0, 10)
}

test('the counsellor lands on her cases, sees the reply marked and the wait, and a due date puts the case in the due queue', async ({
	browser,
}) => {
	test.setTimeout(240_000)
	// A request, assigned to the counsellor by the lead.
	const reporter = await (await browser.newContext()).newPage()
	await reporter.goto('/request')
	const started = Date.now()
	const phrase = `Phrase Wiedervorlage-Säntis ${Date.now()}`
	await reporter.getByLabel('Beschreiben Sie, was passiert ist').fill(`Beschimpft. ${phrase}`)
	await openMoreDetails(reporter)
	await reporter.getByRole('checkbox', { name: 'Verwaltung', exact: true }).check()
	await reporter.getByLabel('Ich bin einverstanden').check()
	await reporter.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await reporter.getByRole('button', { name: 'Anfrage senden' }).click()
	const code = (await reporter.getByTestId('follow-up-code').textContent())!.trim()

	const leadPage = await (await browser.newContext()).newPage()
	await signIn(leadPage, lead)
	// The lead lands on triage, with the size of each queue.
	await expect(leadPage).toHaveURL(/\/staff\/cases$/)
	await expect(leadPage.getByRole('link', { name: /^Zur Triage \(\d+\)$/ })).toHaveAttribute(
		'aria-current',
		'page',
	)
	const reference = await findNewCaseByPhrase(leadPage, phrase)
	await leadPage.getByLabel('Zuweisen an').selectOption({ label: counsellor.displayName })
	await leadPage.getByRole('button', { name: 'Zuweisen', exact: true }).click()
	await expect(leadPage.getByRole('status')).toHaveText('Die Zuweisung ist gespeichert.')

	// The reporter writes back on the follow-up page.
	await reporter.goto('/follow-up')
	await reporter.getByLabel('Ihr Code').fill(code)
	await reporter.getByRole('button', { name: 'Öffnen' }).click()
	await reporter.getByLabel('Ihre Nachricht').fill('Ich habe noch eine Frage zum Ablauf.')
	await reporter.getByRole('button', { name: 'Senden' }).click()
	await expect(reporter.getByRole('status')).toHaveText('Ihre Nachricht ist bei uns angekommen.')
	// Nothing has answered the request since it arrived; as if that was three days ago.
	await database((client) =>
		client.query(`UPDATE "Case" SET "waitingSince" = $1 WHERE reference = $2`, [
			daysAgo(3),
			reference,
		]),
	)

	// The counsellor signs in and lands on her cases: the reply is marked, the wait in words.
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
	const page = await context.newPage()
	await signIn(page, counsellor)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fälle')
	await expect(page.getByRole('link', { name: /^Meine Fälle \(\d+\)$/ })).toHaveAttribute(
		'aria-current',
		'page',
	)
	const row = page.getByRole('row', { name: new RegExp(reference) })
	await expect(row).toContainText('1 neu')
	await expect(row).toContainText('wartet seit 3 Tagen')
	await expectNoAxeViolations(page)
	// On a phone the table scrolls in its box; the page does not.
	expect(await pageWidth(page)).toEqual({ width: 390, outside: [] })

	// Sorting keeps the queue and the filters in the address.
	await page.getByLabel('Status').selectOption('IN_PROGRESS')
	await page.getByRole('button', { name: 'Filtern' }).click()
	await expect(page).toHaveURL(/status=IN_PROGRESS/)
	await page.getByRole('link', { name: 'Wiedervorlage', exact: true }).click()
	await expect(page).toHaveURL(/sort=due/)
	await expect(page).toHaveURL(/view=mine/)
	await expect(page).toHaveURL(/status=IN_PROGRESS/)
	await expect(page).toHaveURL(/sort=due/)
	await expect(page.getByRole('columnheader', { name: /Wiedervorlage/ })).toHaveAttribute(
		'aria-sort',
		'ascending',
	)

	// On the case page the reply is marked new; she sets a follow-up date for today.
	await page.getByRole('link', { name: reference }).click()
	await expect(page.locator('.timeline .from-reporter').last().locator('.badge')).toHaveText('neu')
	await page.getByLabel('Wiedervorlage am').fill(daysAgo(0))
	await page.getByLabel('Grund', { exact: true }).fill('Rückruf wegen Ablauf')
	await page.getByRole('button', { name: 'Wiedervorlage speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Wiedervorlage ist gespeichert.')
	await expect(page.getByRole('region', { name: 'Wiedervorlage' })).toContainText('heute fällig')
	await expect(page.getByRole('region', { name: 'Wiedervorlage' })).toContainText(
		'Grund: Rückruf wegen Ablauf',
	)

	// Possibly an offence prosecuted on complaint: the hint, worded as one.
	await page.getByLabel('Möglicherweise strafbar (Antragsdelikt)').check()
	await page.getByRole('button', { name: 'Markierung speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Markierung ist gespeichert.')
	const hint = page.getByRole('region', { name: 'Strafantrag' }).getByRole('note')
	await expect(hint).toContainText('drei Monate ab Kenntnis der Täterschaft (Art. 31 StGB)')
	await expect(hint).toContainText('keinen Vorfallsmonat')
	await expect(hint).toContainText('Dies ist ein Hinweis, keine Rechtsberatung.')
	await expectNoAxeViolations(page)
	expect(await pageWidth(page)).toEqual({ width: 390, outside: [] })

	// Read now, and due: the case is in the due queue.
	await page.goto('/staff/cases')
	await expect(
		page.getByRole('row', { name: new RegExp(reference) }).locator('.badge'),
	).toHaveCount(0)
	await page.getByRole('link', { name: /^Fällig \(\d+\)$/ }).click()
	const due = page.getByRole('row', { name: new RegExp(reference) })
	await expect(due).toContainText('heute fällig')
	await expectNoAxeViolations(page)

	// A date in the past: overdue.
	await page.getByRole('link', { name: reference }).click()
	await page.getByLabel('Wiedervorlage am').fill(daysAgo(2))
	await page.getByRole('button', { name: 'Wiedervorlage speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Wiedervorlage ist gespeichert.')
	await page.goto('/staff/cases?view=due')
	await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('überfällig')

	// She phoned the reporter: the request is answered, the wait ends.
	await page.getByRole('link', { name: reference }).click()
	await expect(page.getByRole('region', { name: 'Wartet auf Antwort' })).toContainText(
		`seit dem ${daysAgo(3)}`,
	)
	await page.getByRole('button', { name: 'Als beantwortet markieren' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Anfrage ist als beantwortet markiert.')
	await expect(page.getByRole('region', { name: 'Wartet auf Antwort' })).toHaveCount(0)
	await page.goto('/staff/cases?view=due')
	await expect(page.getByRole('row', { name: new RegExp(reference) })).not.toContainText('wartet')

	// The lead still has the reply to read: read state is per person.
	await leadPage.goto('/staff/cases?view=all')
	await leadPage.getByLabel('Fallnummer').fill(reference)
	await leadPage.getByRole('button', { name: 'Filtern' }).click()
	await expect(leadPage.getByRole('row', { name: new RegExp(reference) })).toContainText('1 neu')
	await expectNoAxeViolations(leadPage)
	await context.close()
})

test('without JavaScript a follow-up date is set and cleared with plain forms', async ({
	browser,
}) => {
	test.setTimeout(180_000)
	const reference = await database(async (client) => {
		const { rows } = await client.query<{ reference: string }>(
			`SELECT c.reference FROM "Case" c JOIN "StaffUser" s ON s.id = c."assignedToId"
			 WHERE s.email = $1 AND c.status = 'IN_PROGRESS' AND c."personalDataDeletedAt" IS NULL
			 ORDER BY c."receivedOn" DESC LIMIT 1`,
			[counsellor.email],
		)
		return rows[0]!.reference
	})
	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
	await signIn(page, counsellor, `/staff/cases/${reference}`)
	const section = page.getByRole('region', { name: 'Wiedervorlage' })
	// More than five years ahead is no follow-up date; the server says so.
	await page.getByLabel('Wiedervorlage am').fill('2099-01-01')
	await page.getByRole('button', { name: 'Wiedervorlage speichern' }).click()
	await expect(section).toContainText('höchstens fünf Jahre voraus')
	await page.getByLabel('Wiedervorlage am').fill(daysAgo(1))
	await page.getByRole('button', { name: 'Wiedervorlage speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Wiedervorlage ist gespeichert.')
	await expect(section).toContainText('überfällig')
	await page.getByRole('button', { name: 'Wiedervorlage entfernen' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Wiedervorlage ist entfernt.')
	await expect(section).toContainText('Keine Wiedervorlage gesetzt.')
})
