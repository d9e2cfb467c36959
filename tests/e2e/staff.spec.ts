import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

const { lead, counsellor, admin, statistics } = DEMO_ACCOUNTS

async function database<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

test('each demo account signs in with its TOTP and lands where its role works', async ({
	browser,
}) => {
	// A code used by a parallel test in the same 30 s step means waiting for the next.
	test.setTimeout(180_000)
	const homes = [
		[lead, 'Fälle'],
		[counsellor, 'Fälle'],
		[admin, 'Mitarbeitende'],
		[statistics, 'Statistik'],
	] as const
	for (const [account, heading] of homes) {
		const context = await browser.newContext()
		const page = await context.newPage()
		await signIn(page, account)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
		await expectNoAxeViolations(page)
		await context.close()
	}
})

test('a counsellor works a fresh request from inbox to closed and talks with the reporter', async ({
	browser,
}) => {
	test.setTimeout(180_000)
	// The reporter sends a request.
	const reporter = await (await browser.newContext()).newPage()
	await reporter.goto('/request')
	const started = Date.now()
	const phrase = `Phrase Kastanien-Viadukt ${Date.now()}`
	await reporter
		.getByLabel('Beschreiben Sie, was passiert ist')
		.fill(`Am Schalter abgewiesen. ${phrase}`)
	await openMoreDetails(reporter)
	await reporter.getByRole('checkbox', { name: 'Verwaltung', exact: true }).check()
	await reporter.getByLabel('Ich bin einverstanden').check()
	await reporter.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await reporter.getByRole('button', { name: 'Anfrage senden' }).click()
	const code = (await reporter.getByTestId('follow-up-code').textContent())!.trim()
	// The lead finds it among today's new requests and assigns it.
	const leadPage = await (await browser.newContext()).newPage()
	await signIn(leadPage, lead)
	const ours = await findNewCaseByPhrase(leadPage, phrase)
	expect(ours, 'the new request is in the inbox').toBeDefined()
	await leadPage.goto('/staff/cases?view=new')
	await expect(leadPage.getByRole('link', { name: ours })).toBeVisible()
	await expectNoAxeViolations(leadPage)
	await leadPage.goto(`/staff/cases/${ours}`)
	await expectNoAxeViolations(leadPage)
	await leadPage.getByLabel('Zuweisen an').selectOption({ label: counsellor.displayName })
	await leadPage.getByRole('button', { name: 'Zuweisen', exact: true }).click()
	await expect(leadPage.getByRole('status')).toHaveText('Die Zuweisung ist gespeichert.')

	// The counsellor opens it from "my cases", writes to the reporter.
	const page = await (await browser.newContext()).newPage()
	await signIn(page, counsellor)
	await page.goto('/staff/cases?view=mine')
	await page.getByRole('link', { name: ours }).click()
	await expect(page.locator('.narrative')).toContainText(phrase)
	await page
		.getByLabel('Nachricht an die meldende Person')
		.fill('Guten Tag, wir melden uns morgen.')
	await page.getByRole('button', { name: 'Nachricht senden' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Nachricht ist gesendet.')

	// The reporter reads it on the follow-up page and answers.
	await reporter.goto('/follow-up')
	await reporter.getByLabel('Ihr Code').fill(code)
	await reporter.getByRole('button', { name: 'Öffnen' }).click()
	await expect(reporter.getByText('Guten Tag, wir melden uns morgen.')).toBeVisible()
	await reporter.getByLabel('Ihre Nachricht').fill('Danke, morgen passt gut.')
	await reporter.getByRole('button', { name: 'Senden' }).click()
	await expect(reporter.getByRole('status')).toHaveText('Ihre Nachricht ist bei uns angekommen.')

	// The counsellor sees the reply, classifies, records a service, closes.
	await page.reload()
	await expect(page.locator('.timeline')).toContainText('Danke, morgen passt gut.')
	await page
		.getByRole('group', { name: 'Form der Diskriminierung' })
		.getByLabel('Benachteiligung', { exact: false })
		.first()
		.check()
	await page.getByRole('button', { name: 'Einordnung speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Einordnung ist gespeichert.')
	await page.getByRole('combobox', { name: /^Leistung/ }).selectOption('information')
	await page.getByLabel('Minuten').fill('45')
	await page.getByRole('button', { name: 'Leistung erfassen' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Leistung ist erfasst.')
	await page.getByLabel('Neuer Status').selectOption('CLOSED')
	await page.getByLabel('Ergebnis').selectOption('information_given')
	await page.getByRole('button', { name: 'Status ändern' }).click()
	await expect(page.getByRole('status')).toHaveText('Der Status ist geändert.')
	await expect(page.locator('.case-facts')).toContainText('Abgeschlossen')
	await expectNoAxeViolations(page)

	await reporter.reload()
	await expect(reporter.getByTestId('request-status')).toContainText('Abgeschlossen')
})

async function anyCaseWithAttachment() {
	return database(async (client) => {
		const { rows } = await client.query<{ reference: string }>(
			`SELECT reference FROM "Case" WHERE "personalDataDeletedAt" IS NULL ORDER BY "receivedOn" DESC LIMIT 1`,
		)
		return rows[0]!.reference
	})
}

for (const account of [admin, statistics]) {
	test(`the ${account.role.toLowerCase()} account cannot open a case by URL, action or resource route`, async ({
		page,
	}) => {
		const reference = await anyCaseWithAttachment()
		await signIn(page, account)
		const pageResponse = await page.goto(`/staff/cases/${reference}`)
		expect(pageResponse?.status()).toBe(403)
		// A refusal says so; it is not "an error on our side".
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kein Zugang')
		await expect(page.locator('body')).not.toContainText('narrative')
		const data = await page.request.get(`/staff/cases/${reference}.data`)
		expect([403, 404]).toContain(data.status())
		const action = await page.request.post(`/staff/cases/${reference}`, {
			form: { intent: 'note', note: 'should not be stored' },
		})
		expect(action.status()).toBe(403)
		const download = await page.request.get(`/staff/cases/${reference}/attachments/any`)
		expect(download.status()).toBe(403)

		// The audit log shows each attempt (the admin reads it; the lead could too).
		const auditor = page.context().browser()!
		const auditPage = account === admin ? page : await (await auditor.newContext()).newPage()
		if (account !== admin) await signIn(auditPage, admin)
		// In words, filtered by who did it: no action codes, ids or JSON.
		await auditPage.goto('/staff/audit')
		await auditPage
			.getByLabel('Person', { exact: true })
			.selectOption({ label: `${account.displayName} (${account.email})` })
		await auditPage.getByRole('button', { name: 'Filtern' }).click()
		const log = auditPage.locator('table.audit')
		await expect(log).toContainText('Zugriff verweigert')
		await expect(log).toContainText(`Fall ${reference}`)
		await expect(log).toContainText(`POST /staff/cases/${reference}`)
		await expect(log).not.toContainText('access.denied')
		await expect(log).not.toContainText('{')
		await expectNoAxeViolations(auditPage)
	})
}

test('a session cookie is refused after logout and after 30 idle minutes', async ({ browser }) => {
	const context = await browser.newContext()
	const page = await context.newPage()
	await signIn(page, counsellor)
	const [cookie] = (await context.cookies()).filter((c) => c.name === 'staff_session')
	expect(cookie?.httpOnly).toBe(true)
	expect(cookie?.sameSite).toBe('Strict')
	await page.getByRole('button', { name: 'Abmelden' }).click()
	await expect(page.getByRole('heading', { name: 'Anmeldung für Mitarbeitende' })).toBeVisible()

	// The old cookie, replayed after logout, opens nothing.
	const replay = await browser.newContext()
	await replay.addCookies([cookie!])
	const replayPage = await replay.newPage()
	await replayPage.goto('/staff/cases')
	await expect(replayPage).toHaveURL(/\/staff\/login/)

	// A fresh session, then 31 minutes without a click (the clock moved in the database).
	await signIn(page, counsellor)
	const [idle] = (await context.cookies()).filter((c) => c.name === 'staff_session')
	const sessionRow = await database(async (client) => {
		const { createHash } = await import('node:crypto')
		const id = createHash('sha256').update(idle!.value.split('.')[0]!).digest('hex')
		await client.query(
			`UPDATE "StaffSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE id = $1`,
			[id],
		)
		return id
	})
	expect(sessionRow).toBeTruthy()
	await page.goto('/staff/cases')
	await expect(page).toHaveURL(/\/staff\/login/)
})

test('the tenth failed login in a row is throttled, with one generic message before', async ({
	page,
}) => {
	test.setTimeout(150_000)
	const email = `nobody-${Date.now()}@anlaufstelle.example`
	// Fixed 15-minute windows: start clear of a window's end.
	const intoWindow = Date.now() % (15 * 60_000)
	if (intoWindow > 15 * 60_000 - 60_000) await page.waitForTimeout(15 * 60_000 - intoWindow + 1_000)
	await page.goto('/staff/login')
	for (let attempt = 1; attempt <= 10; attempt++) {
		await page.getByLabel('E-Mail').fill(email)
		await page.getByLabel('Passwort').fill(`wrong password ${attempt}`)
		// Each answer before the next try: the alert of the last one says the same.
		await Promise.all([
			page.waitForResponse(
				(r) => r.url().includes('/staff/login') && r.request().method() === 'POST',
			),
			page.getByRole('button', { name: 'Anmelden' }).click(),
		])
		const expected =
			attempt < 10
				? 'E-Mail oder Passwort ist falsch.'
				: 'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie 15 Minuten.'
		await expect(page.getByRole('alert')).toHaveText(expected)
	}
	await expectNoAxeViolations(page)
})
