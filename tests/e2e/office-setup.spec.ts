// A real office sets itself up in the browser (decision 0011): a fresh
// database without demo data and an app of its own in office mode (the
// shared e2e server is a seeded demo), the setup link issued as the server
// issues it at start. Before setup the public pages are closed; the setup
// walks the office's details, the recovery sheet (without JavaScript, and a
// newer sheet voiding an older one), the first lead with the usual TOTP
// enrolment and the first admin's invitation, both enrolments without
// JavaScript (the recovery codes shown before moving on, the account still
// signed in, and the codes shown the ones that work: review finding L-4);
// then a request sent through /request reaches the lead.
import path from 'node:path'
import type { Browser, BrowserContextOptions, Page } from '@playwright/test'
import pg from 'pg'
import { totpCode } from '../../app/features/staff-auth/totp-code.ts'
import { parseRecoveryKey } from '../../app/platform/crypto/recovery-key.server.ts'
import { applyMigrations } from '../../server/migrations.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'
import { issueSetupLinkFor } from '../support/setup-link.ts'
import { expect, expectNoAxeViolations, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import { findNewCaseByPhrase } from './staff-session'

const SECRET = 'office-setup-secret-that-is-long-enough-for-the-schema'
const LEAD = {
	name: 'Lea Leitung',
	email: 'lea@anlaufstelle.example',
	password: 'ein langer Satz 2026',
}

const ADMIN = {
	email: 'ada@anlaufstelle.example',
	password: 'der Satz der Administration',
}

// One office, set up step by step: the tests run in order, in one worker.
test.describe.configure({ mode: 'serial' })

const databaseName = uniqueDatabaseName('e2e_setup')
let databaseUrl: string
let server: AppServer
let link: string

test.beforeAll(async () => {
	test.setTimeout(180_000)
	// The shared run's PostgreSQL (tests/setup/playwright-global.ts), another database on it.
	databaseUrl = await createDatabase(process.env.E2E_DATABASE_URL!, databaseName)
	await applyMigrations(databaseUrl)
	server = await startAppServer({
		env: {
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: SECRET,
			HASH_PEPPER: SECRET,
			APP_MODE: 'office',
			TRUST_PROXY: '1',
		},
		logFile: path.resolve('.cache', 'e2e', 'office-setup-server.log'),
	})
	// Issued after the server's start, so it is the one that counts.
	link = (await issueSetupLinkFor({ DATABASE_URL: databaseUrl, HASH_PEPPER: SECRET }))!
	expect(link).toMatch(/^\/setup\/[\w-]{43}$/)
})

test.afterAll(async () => {
	await server?.stop()
	await dropDatabase(process.env.E2E_DATABASE_URL!, databaseName)
})

/** A browser of its own on this office's server, with its own rate-limit counters. */
async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
	const octet = () => Math.floor(Math.random() * 254) + 1
	const context = await browser.newContext({
		baseURL: server.url,
		locale: 'de-CH',
		extraHTTPHeaders: { 'X-Forwarded-For': `10.${octet()}.${octet()}.${octet()}` },
		...options,
	})
	return context.newPage()
}

/**
 * The first sign-in's enrolment in a browser without JavaScript: the code
 * from the shown secret, then the page must show the recovery codes (the
 * post's own answer) before it moves on. Returns the codes.
 */
async function enrolWithoutJavaScript(page: Page): Promise<string[]> {
	// After a sign-in or a password set: 64 MiB Argon2, seconds on two shared cores.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Zwei-Faktor-Anmeldung einrichten',
		{ timeout: 30_000 },
	)
	const secret = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '')
	await page.getByRole('textbox', { name: /^Code/ }).fill(totpCode(secret, Date.now()))
	await page.getByRole('button', { name: 'Bestätigen' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihre Wiederherstellungscodes')
	await expect(page.locator('.recovery-codes li')).toHaveCount(10)
	const codes = await page.locator('.recovery-codes li').allTextContents()
	expect(codes.every((code) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(code))).toBe(true)
	await page.getByRole('link', { name: 'Ich habe die Codes notiert – weiter' }).click()
	return codes
}

async function officeRecoveryKey(): Promise<Buffer | null> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		const { rows } = await client.query<{ key: Buffer }>(
			'SELECT "recoveryPublicKey" AS key FROM "OfficeKeys"',
		)
		return rows[0]?.key ?? null
	} finally {
		await client.end()
	}
}

test('before setup the public pages are closed and the login says how to finish', async ({
	browser,
}) => {
	const page = await newPage(browser)
	const notOpen =
		'Die Anlaufstelle ist noch nicht eröffnet. Sobald sie eröffnet ist, können Sie hier eine Anfrage stellen.'
	await page.goto('/')
	await expect(page.locator('main .notice')).toHaveText(notOpen)
	await expect(page.getByRole('link', { name: 'Anfrage stellen' })).toHaveCount(0)
	// An office, not a demo: no banner.
	await expect(page.locator('.demo-banner')).toHaveCount(0)
	await expectNoAxeViolations(page)

	await page.goto('/request')
	await expect(page.locator('main .notice')).toHaveText(notOpen)
	await expect(page.locator('main form')).toHaveCount(0)
	await page.goto('/follow-up?lang=en')
	await expect(page.locator('main .notice')).toHaveText(
		'The counselling office is not open yet. Once it has opened, you can make a request here.',
	)
	await expect(page.locator('#code')).toHaveCount(0)
	await expectNoAxeViolations(page)

	await page.goto('/staff/login?lang=de')
	await expect(page.locator('main .notice')).toContainText('npm run setup')
	await expect(page.locator('main .notice')).toContainText('Einrichtungslink')
	await expectNoAxeViolations(page)
	await page.context().close()
})

test('the recovery sheet works without JavaScript, and a newer sheet voids an older one', async ({
	browser,
}) => {
	const plain = await newPage(browser, { javaScriptEnabled: false })
	await plain.goto(link)
	await expect(plain.locator('.setup-progress')).toHaveText('Schritt 1 von 4')
	await plain.getByRole('button', { name: 'Speichern und weiter' }).click()
	await expect(plain.locator('#setup-details-officeName-error')).toHaveText(
		'Bitte füllen Sie dieses Feld aus.',
	)
	await plain.getByLabel('Name der Stelle').fill('Anlaufstelle gegen Rassismus Testhausen')
	await plain.getByLabel('Kontakt-E-Mail (öffentlich)').fill('beratung@testhausen.example')
	await plain.getByRole('button', { name: 'Speichern und weiter' }).click()
	await expect(plain.locator('.setup-progress')).toHaveText('Schritt 2 von 4')

	// A second window with JavaScript makes a sheet first.
	const scripted = await newPage(browser)
	await scripted.goto(link)
	await expect(scripted.getByRole('heading', { level: 1 })).toHaveText(
		'Der Wiederherstellungs\u00adschlüssel',
	)
	await expectNoAxeViolations(scripted)
	await scripted.getByRole('button', { name: 'Schlüsselblatt erstellen' }).click()
	const older = (await scripted.getByTestId('sheet-number').textContent())!
	await expect(scripted.getByTestId('recovery-key')).toHaveText(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/)
	await expectNoAxeViolations(scripted)

	// The plain window makes another one: the older sheet is void from now on.
	await plain.getByRole('button', { name: 'Schlüsselblatt erstellen' }).click()
	const newer = (await plain.getByTestId('sheet-number').textContent())!
	const sheetText = (await plain.getByTestId('recovery-key').textContent())!
	expect(newer).not.toBe(older)

	await scripted.getByLabel(/Ich habe den Wiederherstellungsschlüssel/).check()
	await scripted.getByRole('button', { name: 'Bestätigen und weiter' }).click()
	await expect(scripted.getByRole('alert')).toContainText('Dieses Blatt gilt nicht')
	expect(await officeRecoveryKey()).toBeNull()

	// Without the box ticked the browser keeps the form (and the sheet) on screen.
	await plain.getByRole('button', { name: 'Bestätigen und weiter' }).click()
	await expect(plain.getByTestId('recovery-key')).toHaveText(sheetText)
	await plain.getByLabel(/Ich habe den Wiederherstellungsschlüssel/).check()
	await plain.getByRole('button', { name: 'Bestätigen und weiter' }).click()
	await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Die erste Leitung')
	await expect(plain.getByTestId('recovery-key')).toHaveCount(0)

	// The office key is the printed sheet's; the sheet itself is nowhere on the server.
	const stored = await officeRecoveryKey()
	expect(stored?.equals(parseRecoveryKey(sheetText)!.publicKey)).toBe(true)
	await plain.context().close()
	await scripted.context().close()
})

test('the first lead and admin enrol without JavaScript, see their recovery codes and stay signed in; a request reaches the lead', async ({
	browser,
}) => {
	test.setTimeout(180_000)
	const lead = await newPage(browser)
	await lead.goto(link)
	await expect(lead.locator('.setup-progress')).toHaveText('Schritt 3 von 4')
	await expectNoAxeViolations(lead)
	// The lead's account and second factor are made without JavaScript (review
	// finding L-4: the recovery codes were stored but never shown).
	const plain = await newPage(browser, { javaScriptEnabled: false })
	await plain.goto(link)
	await plain.locator('#setup-lead-displayName').fill(LEAD.name)
	await plain.locator('#setup-lead-email').fill(LEAD.email)
	await plain.locator('#setup-lead-password').fill(LEAD.password)
	await plain.locator('#setup-lead-confirmation').fill('ein anderer Satz 2026')
	await plain.getByRole('button', { name: 'Konto erstellen und weiter' }).click()
	await expect(plain.locator('#setup-lead-confirmation-error')).toHaveText(
		'Die beiden Passwörter stimmen nicht überein.',
	)
	// Long enough for the browser's check, but made of the lead's own name
	// and a year: the server refuses it and says why.
	await plain.locator('#setup-lead-password').fill('Lea.Leitung.2026')
	await plain.locator('#setup-lead-confirmation').fill('Lea.Leitung.2026')
	await plain.getByRole('button', { name: 'Konto erstellen und weiter' }).click()
	await expect(plain.locator('#setup-lead-password-error')).toHaveText(
		/^Dieses Passwort ist leicht zu erraten: Es enthält Ihren Namen/,
	)
	await plain.locator('#setup-lead-password').fill(LEAD.password)
	await plain.locator('#setup-lead-confirmation').fill(LEAD.password)
	await plain.getByRole('button', { name: 'Konto erstellen und weiter' }).click()

	// The usual enrolment page takes over, as at any first login.
	const leadCodes = await enrolWithoutJavaScript(plain)
	await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Die Administration einladen')
	// The same session goes on with JavaScript.
	await lead.context().addCookies(await plain.context().cookies())
	await lead.goto('/staff/setup')
	await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Die Administration einladen')
	await expect(lead.locator('.setup-progress')).toHaveText('Schritt 4 von 4')
	await expectNoAxeViolations(lead)
	await lead.locator('#first-admin-displayName').fill('Ada Admin')
	await lead.locator('#first-admin-email').fill('ada@anlaufstelle.example')
	await lead.getByRole('button', { name: 'Einladungslink erstellen' }).click()
	const invitation = (await lead.getByTestId('invitation-link').textContent())!
	expect(invitation).toMatch(new RegExp(`^${server.url}/staff/invitation/[\\w-]{43}$`))

	// The admin activates the account and enrols, also without JavaScript.
	const admin = await newPage(browser, { javaScriptEnabled: false })
	await admin.goto(invitation)
	await expect(admin.locator('main')).toContainText('Willkommen, Ada Admin.')
	await expect(admin.locator('main')).toContainText('«Administration»')
	await admin.locator('#invitation-password').fill('aaaaaaaaaaaa')
	await admin.locator('#invitation-confirmation').fill('aaaaaaaaaaaa')
	await admin.getByRole('button', { name: 'Konto aktivieren' }).click()
	await expect(admin.locator('#invitation-password-error')).toHaveText(
		'Dieses Passwort ist leicht zu erraten: Wiederholungen wie «aaaa» oder «abcabc» machen es länger, aber kaum sicherer. Wählen Sie einen Satz aus vier oder mehr verschiedenen Wörtern.',
	)
	await expect(admin.locator('#invitation-password')).toHaveValue('')
	await admin.locator('#invitation-password').fill(ADMIN.password)
	await admin.locator('#invitation-confirmation').fill(ADMIN.password)
	await admin.getByRole('button', { name: 'Konto aktivieren' }).click()
	await admin.getByLabel('E-Mail').fill(ADMIN.email)
	await admin.getByLabel('Passwort').fill(ADMIN.password)
	await admin.getByRole('button', { name: 'Anmelden' }).click()
	const adminCodes = await enrolWithoutJavaScript(admin)
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Mitarbeitende')

	// The codes shown are the ones stored: each opens a sign-in in place of the app's code.
	for (const [account, codes, home] of [
		[LEAD, leadCodes, 'Fälle'],
		[ADMIN, adminCodes, 'Mitarbeitende'],
	] as const) {
		const later = await newPage(browser, { javaScriptEnabled: false })
		await later.goto('/staff/login')
		await later.getByLabel('E-Mail').fill(account.email)
		await later.getByLabel('Passwort').fill(account.password)
		await later.getByRole('button', { name: 'Anmelden' }).click()
		await later.getByRole('textbox', { name: /^Code/ }).fill(codes[3]!)
		await later.getByRole('button', { name: 'Bestätigen' }).click()
		await expect(later.getByRole('heading', { level: 1 })).toHaveText(home)
		await later.context().close()
	}
	await plain.context().close()

	// With an admin, the lead's setup step is over.
	await lead.goto('/staff/setup')
	await expect(lead).toHaveURL(/\/staff\/cases$/)

	// The spent link says so; the office is open.
	const visitor = await newPage(browser)
	await visitor.goto(link)
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
		'Dieser Einrichtungslink gilt nicht mehr',
	)
	await expect(visitor.locator('main')).toContainText('Die Anlaufstelle ist eingerichtet.')

	await visitor.goto('/')
	await expect(visitor.locator('.office-name')).toHaveText(
		'Anlaufstelle gegen Rassismus Testhausen',
	)
	await visitor.getByRole('link', { name: 'Anfrage stellen' }).click()
	const started = Date.now()
	const phrase = `Phrase Holunder-Brücke ${Date.now()}`
	await visitor
		.getByLabel('Beschreiben Sie, was passiert ist')
		.fill(`Bei der Wohnungssuche abgewiesen. ${phrase}`)
	await openMoreDetails(visitor)
	await visitor.getByRole('checkbox', { name: 'Verwaltung', exact: true }).check()
	await visitor.getByLabel('Ich bin einverstanden').check()
	await visitor.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await visitor.getByRole('button', { name: 'Anfrage senden' }).click()
	await expect(visitor.getByTestId('follow-up-code')).toBeVisible()

	const reference = await findNewCaseByPhrase(lead, phrase, databaseUrl)
	await expect(lead.locator('.narrative')).toContainText(phrase)
	expect(reference).toMatch(/^\d{4}-[0-9A-Z]{5}$/)
	for (const page of [lead, admin, visitor]) await page.context().close()
})
