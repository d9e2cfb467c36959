// Notifications in the browser: the admin's settings say that mail is on and
// send a test mail; an account picks single mails or a digest; a reporter
// who ticks the box on the form hears of the counsellor's answer, and turns
// it off on the follow-up page. The app's mail reaches the SMTP server of
// the global setup, which writes each mail to E2E_MAIL_LOG.
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import type { ReceivedMail } from '../support/smtp.ts'
import { expect, expectNoAxeViolations, MIN_FILL_MS, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

const { admin, counsellor, lead, statistics } = DEMO_ACCOUNTS

function mailsTo(address: string): ReceivedMail[] {
	return fs
		.readFileSync(process.env.E2E_MAIL_LOG!, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as ReceivedMail)
		.filter((mail) => mail.to.includes(address))
}

/** No horizontal scrolling at this width (staff pages 390 px, public pages 320 px). */
async function expectFitsWidth(page: Page, width: number) {
	await page.setViewportSize({ width, height: 800 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
}

/** The mails to `address` beyond the `before` it had, once at least one came. */
async function newMailsTo(address: string, before: number): Promise<ReceivedMail[]> {
	await expect.poll(() => mailsTo(address).length, { timeout: 30_000 }).toBeGreaterThan(before)
	return mailsTo(address).slice(before)
}

test('the admin sees that mail is on and sends a test mail to their own address', async ({
	page,
}) => {
	await signIn(page, admin, '/staff/admin/settings')
	const section = page.getByRole('region', { name: 'Benachrichtigungen per E-Mail' })
	await expect(section).toContainText('Benachrichtigungen sind eingeschaltet.')
	await expect(section).toContainText('anlaufstelle@e2e.test')
	await expectNoAxeViolations(page)
	await expectFitsWidth(page, 390)

	const before = mailsTo(admin.email).length
	await section.getByLabel(`meine Adresse (${admin.email})`).check()
	await section.getByRole('button', { name: 'Test-E-Mail senden' }).click()
	await expect(section.getByRole('status')).toHaveText(
		/Der Mailserver hat die Test-E-Mail angenommen/,
	)
	const [mail] = await newMailsTo(admin.email, before)
	expect(mail!.subject).toBe('Anlaufstelle: Test-E-Mail / Anlaufstelle: test e-mail')
	expect(mail!.from).toBe('anlaufstelle@e2e.test')
	await expectNoAxeViolations(page)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a test mail to the office address asks for one first, then goes there', async ({
		page,
	}) => {
		await signIn(page, admin, '/staff/admin/settings')
		const section = page.getByRole('region', { name: 'Benachrichtigungen per E-Mail' })
		await section.getByLabel(/^die Adresse der Stelle/).check()
		await section.getByRole('button', { name: 'Test-E-Mail senden' }).click()
		// The office address may be set by the parallel run of this test already.
		const refused = page.getByText('Tragen Sie zuerst die E-Mail-Adresse der Stelle ein')
		if (await refused.isVisible()) {
			await page.getByLabel(/^E-Mail-Adresse der Stelle/).fill('buero@anlaufstelle.example')
			await page.getByRole('button', { name: 'Speichern', exact: true }).click()
			await expect(page.getByText('Die Einstellungen sind gespeichert.')).toBeVisible()
			await section.getByLabel(/^die Adresse der Stelle/).check()
			await section.getByRole('button', { name: 'Test-E-Mail senden' }).click()
		}
		await expect(section.getByRole('status')).toHaveText(
			/Der Mailserver hat die Test-E-Mail angenommen/,
		)
		expect(mailsTo('buero@anlaufstelle.example').length).toBeGreaterThan(0)
	})

	test('an account switches to the daily digest and back', async ({ page }) => {
		await signIn(page, counsellor, '/staff/account')
		const section = page.getByRole('region', { name: 'Benachrichtigungen' })
		await section.getByLabel('Eine Zusammenfassung pro Tag, um 7 Uhr').check()
		await section.getByRole('button', { name: 'Speichern' }).click()
		await expect(page.getByText('Ihre Wahl ist gespeichert.')).toBeVisible()
		await page.goto('/staff/account')
		await expect(section.getByLabel('Eine Zusammenfassung pro Tag, um 7 Uhr')).toBeChecked()
		await section.getByLabel('Eine E-Mail für jeden Eingang').check()
		await section.getByRole('button', { name: 'Speichern' }).click()
		await expect(section.getByLabel('Eine E-Mail für jeden Eingang')).toBeChecked()
	})
})

test('the account page’s notification choice passes axe; a role that works no cases has none', async ({
	page,
	browser,
}) => {
	await signIn(page, counsellor, '/staff/account')
	await expect(page.getByRole('heading', { name: 'Benachrichtigungen', exact: true })).toBeVisible()
	await expectNoAxeViolations(page)
	const other = await (await browser.newContext()).newPage()
	await signIn(other, statistics, '/staff/account')
	await expect(other.getByRole('heading', { name: 'Mein Konto' })).toBeVisible()
	await expect(other.getByRole('heading', { name: 'Benachrichtigungen', exact: true })).toHaveCount(
		0,
	)
})

/** A request with contact whose reporter asks to hear of answers; returns its follow-up code. */
async function requestWithNotice(page: Page, phrase: string, email: string): Promise<string> {
	await page.goto('/request')
	const started = Date.now()
	await page.getByLabel('Beschreiben Sie, was passiert ist').fill(`Vorfall ${phrase}.`)
	await page.locator('#contactMode-contact').check()
	await page.locator('#contactEmail').fill(email)
	await page.getByLabel('Schicken Sie mir eine E-Mail, wenn Sie geantwortet haben.').check()
	await expectNoAxeViolations(page)
	await page.getByLabel('Ich bin einverstanden').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.getByRole('button', { name: 'Anfrage senden' }).click()
	return (await page.getByTestId('follow-up-code').textContent())!.trim()
}

test('a reporter who ticked the box hears of the answer without its content, and can turn it off', async ({
	page,
	browser,
}) => {
	const phrase = `Mispel-${Date.now()}`
	const email = `reporter-${Date.now()}@example.net`
	const code = await requestWithNotice(page, phrase, email)

	const staff = await (await browser.newContext()).newPage()
	await signIn(staff, lead)
	const reference = await findNewCaseByPhrase(staff, phrase)
	await staff.getByLabel('Nachricht an die meldende Person').fill(`Antwort zu ${phrase}`)
	await staff.getByRole('button', { name: 'Nachricht senden' }).click()
	await expect(staff.getByRole('status')).toHaveText('Die Nachricht ist gesendet.')

	const [mail] = await newMailsTo(email, 0)
	expect(mail!.subject).toBe('Neue Nachricht für Sie')
	expect(mail!.text).toContain(`${new URL(process.env.E2E_BASE_URL!).origin}/follow-up`)
	for (const secret of [phrase, reference, code]) expect(mail!.raw).not.toContain(secret)

	await page.goto('/follow-up')
	await page.getByLabel('Ihr Code').fill(code)
	await page.getByRole('button', { name: 'Öffnen' }).click()
	const notice = page.getByRole('region', { name: 'Benachrichtigung per E-Mail' })
	await expect(notice.getByLabel('Ja, schicken Sie mir dann eine E-Mail.')).toBeChecked()
	await expectNoAxeViolations(page)
	await expectFitsWidth(page, 320)
	await notice.getByLabel('Ja, schicken Sie mir dann eine E-Mail.').uncheck()
	await notice.getByRole('button', { name: 'Speichern' }).click()
	await expect(page.getByRole('status')).toHaveText(
		'Gespeichert: Sie erhalten keine E-Mail, wenn wir Ihnen antworten.',
	)

	await staff.getByLabel('Nachricht an die meldende Person').fill('Noch eine Antwort')
	await staff.getByRole('button', { name: 'Nachricht senden' }).click()
	await expect(staff.getByRole('status')).toHaveText('Die Nachricht ist gesendet.')
	await page.waitForTimeout(5_000)
	expect(mailsTo(email)).toHaveLength(1)
})
