// The admin boundary in the browser (review findings H-1 and M-3): every
// way the demo admin can make an account that should hold case keys (a new
// lead by invitation, a lead's password reset, a counsellor promoted to
// lead, a second invitation for one address) ends with that account
// reading no case content, even after a real lead signs in and for a
// request sent afterwards. Then the demo lead approves the invited lead on
// /staff/key-requests, and only then does it read the cases.
import type { Browser, Page } from '@playwright/test'
import pg from 'pg'
import { totpCode } from '../../app/features/staff-auth/totp-code.ts'
import { DEMO_ACCOUNTS, type DemoAccount } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

test.describe.configure({ mode: 'serial' })

const stamp = Date.now()
const PASSWORD = 'ein langer Satz als Passwort'
const TAKEN_OVER = 'der Satz, den die Administration wählte'

async function database<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

const grantsOf = (email: string) =>
	database(async (client) => {
		const { rows } = await client.query<{ count: string }>(
			`SELECT count(*) FROM "CaseKeyGrant" g JOIN "StaffUser" u ON u.id = g."staffUserId" WHERE u.email = $1`,
			[email],
		)
		return Number(rows[0]!.count)
	})

/** A few demo cases that still have their content. */
const someCases = () =>
	database(async (client) => {
		const { rows } = await client.query<{ reference: string }>(
			`SELECT reference FROM "Case" WHERE "personalDataDeletedAt" IS NULL AND narrative IS NOT NULL ORDER BY reference LIMIT 3`,
		)
		return rows.map((row) => row.reference)
	})

async function newPage(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage()
}

/** The case page shows the case, but not a word of its content. */
async function expectNoContent(page: Page, reference: string, phrase?: string) {
	const response = await page.goto(`/staff/cases/${reference}`)
	expect(response?.status()).toBe(200)
	await expect(page.getByRole('heading', { level: 1 })).toContainText(reference)
	await expect(page.locator('.narrative')).toHaveCount(0)
	await expect(page.locator('main .notice[role=note]')).toContainText('noch keinen Schlüssel')
	if (phrase) expect(await page.content()).not.toContain(phrase)
}

/** The admin creates an invitation link on the staff page; returns the link. */
async function invite(admin: Page, who: { name: string; email: string }, role: string) {
	await admin.goto('/staff/admin/users')
	await admin.locator('#invite-displayName').fill(who.name)
	await admin.locator('#invite-email').fill(who.email)
	await admin.getByLabel(/^Rolle \(Pflichtfeld\)/).selectOption(role)
	await admin.getByRole('button', { name: 'Einladungslink erstellen' }).click()
	await expect(admin.getByRole('status')).toContainText('Die Einladung ist erstellt.')
	return (await admin.locator('.link-box').textContent())!
}

/**
 * Opens an invitation or reset link, sets the password, signs in and enrols
 * TOTP from the secret the page shows; returns the account, signed in on `page`.
 */
async function activate(
	page: Page,
	link: string,
	who: { name: string; email: string },
	password: string,
): Promise<DemoAccount> {
	await page.goto(link)
	await page.locator('#invitation-password').fill(password)
	await page.locator('#invitation-confirmation').fill(password)
	await page.getByRole('button', { name: 'Konto aktivieren' }).click()
	await expect(page).toHaveURL(/\/staff\/login/)
	await page.getByLabel('E-Mail').fill(who.email)
	await page.getByLabel('Passwort').fill(password)
	await page.getByRole('button', { name: 'Anmelden' }).click()
	// After a sign-in or a password set: 64 MiB Argon2, seconds on two shared cores.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Zwei-Faktor-Anmeldung einrichten',
		{ timeout: 30_000 },
	)
	const totpSecret = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '')
	await page.getByRole('textbox', { name: /^Code/ }).fill(totpCode(totpSecret, Date.now()))
	await page.getByRole('button', { name: 'Bestätigen' }).click()
	await expect(page.locator('.recovery-codes li')).toHaveCount(10)
	await page.getByRole('link', { name: 'Ich habe die Codes notiert – weiter' }).click()
	return { email: who.email, displayName: who.name, password, role: 'LEAD', totpSecret }
}

/** The row of the staff page that names this address. */
const rowOf = (admin: Page, email: string) =>
	admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: email, exact: true }) })

const rogue = { name: `Neue Leitung ${stamp}`, email: `neue-leitung-${stamp}@anlaufstelle.example` }
const promoted = { name: `Beförderte ${stamp}`, email: `befoerdert-${stamp}@anlaufstelle.example` }
const twice = { name: `Zweimal ${stamp}`, email: `zweimal-${stamp}@anlaufstelle.example` }
const early = { name: `Früh ${stamp}`, email: `frueh-${stamp}@anlaufstelle.example` }

let admin: Page
let lead: Page
let roguePage: Page
let later = { reference: '', phrase: '' }

test.beforeAll(async ({ browser }) => {
	admin = await newPage(browser)
	await signIn(admin, DEMO_ACCOUNTS.admin)
	lead = await newPage(browser)
})

test.afterAll(async () => {
	for (const page of [admin, lead, roguePage]) await page?.context().close()
})

test('(a) a lead the admin invites reads nothing, even after a lead signs in, nor a request sent later', async ({
	browser,
}) => {
	test.setTimeout(240_000)
	const link = await invite(admin, rogue, 'LEAD')
	roguePage = await newPage(browser)
	await activate(roguePage, link, rogue, PASSWORD)
	await expect(roguePage.getByRole('heading', { level: 1 })).toHaveText('Fälle')

	// A real lead's ordinary sign-in hands over nothing.
	await signIn(lead, DEMO_ACCOUNTS.lead)
	for (const reference of await someCases()) await expectNoContent(roguePage, reference)
	expect(await grantsOf(rogue.email)).toBe(0)

	// A request sent now is not sealed to it either.
	const reporter = await newPage(browser)
	await reporter.goto('/request')
	const started = Date.now()
	const phrase = `Phrase Schlüssel-Schleuse ${stamp}`
	await reporter
		.getByLabel('Beschreiben Sie, was passiert ist')
		.fill(`Im Laden nicht bedient. ${phrase}`)
	await openMoreDetails(reporter)
	await reporter.getByRole('checkbox', { name: 'Verwaltung', exact: true }).check()
	await reporter.getByLabel('Ich bin einverstanden').check()
	await reporter.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await reporter.getByRole('button', { name: 'Anfrage senden' }).click()
	await expect(reporter.getByTestId('follow-up-code')).toBeVisible()
	await reporter.context().close()
	later = { reference: await findNewCaseByPhrase(lead, phrase), phrase }
	await expectNoContent(roguePage, later.reference, phrase)
	expect(await grantsOf(rogue.email)).toBe(0)

	// The admin's page says the account waits; the key approvals page is not the admin's.
	await admin.goto('/staff/admin/users')
	await expect(rowOf(admin, rogue.email)).toContainText('wartet auf Schlüsselfreigabe')
	expect((await admin.goto('/staff/key-requests'))?.status()).toBe(403)
	// Nor can the unapproved lead decide anything.
	await roguePage.goto('/staff/key-requests')
	await expect(roguePage.locator('main')).toContainText(
		'Ihr eigenes Konto ist noch nicht freigegeben',
	)
	await expect(roguePage.getByRole('button', { name: /^Freigeben/ })).toHaveCount(0)
})

test('(c) a counsellor the admin makes lead reads what was assigned to it, and nothing more', async ({
	browser,
}) => {
	test.setTimeout(240_000)
	const link = await invite(admin, promoted, 'COUNSELLOR')
	const page = await newPage(browser)
	const account = await activate(page, link, promoted, PASSWORD)

	// The lead assigns it the new request: that it may read.
	await lead.goto(`/staff/cases/${later.reference}`)
	await lead.getByLabel('Zuweisen an').selectOption({ label: promoted.name })
	await lead.getByRole('button', { name: 'Zuweisen', exact: true }).click()
	await expect(lead.getByRole('status')).toHaveText('Die Zuweisung ist gespeichert.')

	await admin.goto('/staff/admin/users')
	await admin.getByLabel(`Rolle von ${promoted.name}`).selectOption('LEAD')
	await rowOf(admin, promoted.email).getByRole('button', { name: 'Rolle ändern' }).click()
	await expect(admin.getByRole('status')).toContainText('Die Rolle ist geändert.')

	// The role change signed it out; as lead it sees every case, but no content beyond its own.
	await signIn(page, account)
	await page.goto(`/staff/cases/${later.reference}`)
	await expect(page.locator('.narrative')).toContainText(later.phrase)
	for (const reference of await someCases()) await expectNoContent(page, reference)
	expect(await grantsOf(promoted.email)).toBe(1)
	await page.context().close()
})

test("(d) a second invitation for one address cannot act on the first's account", async ({
	browser,
}) => {
	test.setTimeout(240_000)
	// Two links for one address: the newer revokes the older.
	const first = await invite(admin, twice, 'COUNSELLOR')
	const second = await invite(admin, twice, 'LEAD')
	await expect(admin.locator('main li').filter({ hasText: twice.email })).toHaveCount(1)
	const stale = await newPage(browser)
	await stale.goto(first)
	await expect(stale.locator('main')).toContainText('Dieser Link ist ungültig')
	await stale.context().close()
	const page = await newPage(browser)
	await activate(page, second, twice, PASSWORD)
	for (const reference of await someCases()) await expectNoContent(page, reference)
	await expectNoContent(page, later.reference, later.phrase)

	// Once the address has an account, the admin gets no further link for it.
	await admin.goto('/staff/admin/users')
	await admin.locator('#invite-displayName').fill(twice.name)
	await admin.locator('#invite-email').fill(twice.email)
	await admin.getByLabel(/^Rolle \(Pflichtfeld\)/).selectOption('LEAD')
	await admin.getByRole('button', { name: 'Einladungslink erstellen' }).click()
	await expect(admin.locator('#invite-email-error')).toHaveText(
		'Für diese E-Mail-Adresse gibt es schon ein Konto.',
	)
	// Its own password and second factor still work: nothing reset it.
	await page.context().clearCookies()
	await page.goto('/staff/login')
	await page.getByLabel('E-Mail').fill(twice.email)
	await page.getByLabel('Passwort').fill(PASSWORD)
	await page.getByRole('button', { name: 'Anmelden' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zweiter Faktor')
	await page.context().close()

	// An open link the admin revokes stops working.
	const revoked = await invite(admin, early, 'LEAD')
	await admin.goto('/staff/admin/users')
	await admin.getByRole('button', { name: `Link für ${early.email} widerrufen` }).click()
	await expect(admin.getByRole('status')).toContainText('Der Link ist widerrufen')
	const visitor = await newPage(browser)
	await visitor.goto(revoked)
	await expect(visitor.locator('main')).toContainText('Dieser Link ist ungültig')
	await visitor.context().close()
	expect(await grantsOf(twice.email)).toBe(0)
})

test('a real lead approves the invited lead on the new page; then, and only then, it reads the cases', async () => {
	test.setTimeout(240_000)
	await lead.goto('/staff/cases')
	await expect(lead.getByRole('link', { name: /^Schlüsselfreigaben \(\d+\)$/ })).toBeVisible()
	await lead.getByRole('link', { name: /^Schlüsselfreigaben/ }).click()
	await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Schlüsselfreigaben')
	const row = lead.getByRole('row').filter({ hasText: rogue.email })
	await expect(row).toContainText('Leitung')
	await expect(row).toContainText('Einladung')
	await expect(row).toContainText(DEMO_ACCOUNTS.admin.displayName)
	await expectNoAxeViolations(lead)

	// The account that went lead by a second invitation is refused.
	await lead
		.getByRole('row')
		.filter({ hasText: twice.email })
		.getByRole('button', { name: `Ablehnen für ${twice.name}` })
		.click()
	await expect(lead.getByRole('status')).toContainText('Die Anfrage ist abgelehnt.')

	await row.getByRole('button', { name: `Freigeben für ${rogue.name}` }).click()
	await expect(lead.getByRole('status')).toContainText('Das Konto ist freigegeben.')
	await expectNoAxeViolations(lead)

	// The first batch now, the rest in the background: every key arrives soon.
	const cases = await someCases()
	await expect(async () => {
		await roguePage.goto(`/staff/cases/${later.reference}`)
		await expect(roguePage.locator('.narrative')).toContainText(later.phrase, { timeout: 1_000 })
		for (const reference of cases) {
			await roguePage.goto(`/staff/cases/${reference}`)
			await expect(roguePage.locator('.narrative')).toBeVisible({ timeout: 1_000 })
		}
	}).toPass({ timeout: 60_000 })
	expect(await grantsOf(rogue.email)).toBeGreaterThan(cases.length)
})

test("(b) the admin resets that lead's password and takes the account over: no content", async ({
	browser,
}) => {
	test.setTimeout(240_000)
	await admin.goto('/staff/admin/users')
	await rowOf(admin, rogue.email).getByRole('button', { name: 'Passwort-Link erstellen' }).click()
	await expect(admin.getByRole('status')).toContainText('Der Link zum Zurücksetzen ist erstellt.')
	const link = (await admin.locator('.link-box').textContent())!

	const page = await newPage(browser)
	await activate(page, link, rogue, TAKEN_OVER)
	// Using the link ended the real holder's session.
	await roguePage.goto('/staff/cases')
	await expect(roguePage).toHaveURL(/\/staff\/login/)
	expect(await grantsOf(rogue.email)).toBe(0)
	// A real lead signs in anew: still nothing.
	const again = await newPage(browser)
	await signIn(again, DEMO_ACCOUNTS.lead)
	await again.context().close()
	await expectNoContent(page, later.reference, later.phrase)
	for (const reference of await someCases()) await expectNoContent(page, reference)
	expect(await grantsOf(rogue.email)).toBe(0)

	// The leads see why it waits again.
	await lead.goto('/staff/key-requests')
	await expect(lead.getByRole('row').filter({ hasText: rogue.email })).toContainText(
		'Passwort zurückgesetzt',
	)
	await page.context().close()
})
