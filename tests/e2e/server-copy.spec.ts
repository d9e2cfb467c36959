// Review finding H-2: the start-up log once held the recovery private key,
// and with the log and the database every case opened offline. Here an
// office as it really runs (office mode, the embedded PostgreSQL and its
// generated secrets under `.data/` of its working folder) is set up in the
// browser from the link on its standard output and used for a day: three
// requests (one with contact data and a file, two anonymous, one of them
// without JavaScript), follow-up messages with a file, notes, an assignment,
// a status change, a second lead approved on /staff/key-requests. Then a
// thief takes everything the server holds: every file of its folder, its
// standard output and error, the environment it was started with, and the
// database. Nothing typed that day, no password, second factor, follow-up
// code, session key, visitor address or recovery key is in that copy, and
// no value in it opens a case, tried with the app's own crypto modules.
// The same attempt, given the recovery sheet, a follow-up code or a
// session cookie as a log line might have held it, does open the cases.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContextOptions, Page } from '@playwright/test'
import { totpCode } from '../../app/features/staff-auth/totp-code.ts'
import { parseRecoveryKey } from '../../app/platform/crypto/recovery-key.server.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { tracesOf } from '../support/database-dump.ts'
import { makeTemporaryDir } from '../support/postgres.ts'
import {
	copyDatabase,
	environmentOf,
	filesUnder,
	findInCopy,
	keyMaterialIn,
	tryToOpenCases,
	type CopyPiece,
	type Needle,
} from '../support/server-copy.ts'
import { expect, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import { findNewCaseByPhrase } from './staff-session'

type Account = { name: string; email: string; password: string }

const stamp = Date.now().toString(36)
const LEAD: Account = {
	name: 'Lea Leitung',
	email: `lea-${stamp}@anlaufstelle.example`,
	password: 'korrekt Pferd Batterie Heftklammer 42',
}
const ADMIN: Account = {
	name: 'Ada Admin',
	email: `ada-${stamp}@anlaufstelle.example`,
	password: 'Wolkenkratzer Zitronenfalter Gießkanne 17',
}
const COUNSELLOR: Account = {
	name: 'Cem Beratung',
	email: `cem-${stamp}@anlaufstelle.example`,
	password: 'Leuchtturm Mandelkern Regenschirm 93',
}
const SECOND_LEAD: Account = {
	name: 'Lou Leitung',
	email: `lou-${stamp}@anlaufstelle.example`,
	password: 'Kirschbaum Taschenlampe Wüstenfuchs 58',
}

/** Everything a person types that day: none of it may be in the copy, in any encoding. */
const TYPED = {
	narrativeA: `Am Bahnhofschalter abgewiesen, Holunderblueten-Sirup-${stamp}`,
	place: `Quittenweg-Unterfuehrung-${stamp}`,
	areasOther: `Vereinsheim-Kegelbahn-${stamp}`,
	contactName: `Mirabelle Quittengelee ${stamp}`,
	contactEmail: `mirabelle.${stamp}@example.ch`,
	contactPhone: '+41 71 555 12 34',
	interpreterLanguage: `Tigrinya-Dolmetsch-${stamp}`,
	fileName: `Zeugenaussage-Nachbarin-${stamp}.txt`,
	fileContent: `Die Nachbarin sah alles: Stachelbeer-Zeugnis-${stamp}`,
	narrativeB: `Bei der Wohnungsbesichtigung beleidigt, Aprikosen-Kompott-${stamp}`,
	narrativeC: `Im Schwimmbad nicht eingelassen, Brombeer-Hecke-${stamp}`,
	leadNote: `Preiselbeer-Triage-${stamp}`,
	counsellorMessage: `Johannisbeer-Rueckruf-${stamp}`,
	counsellorNote: `Himbeer-Vermerk-${stamp}`,
	reporterReply: `Heidelbeer-Antwort-${stamp}`,
	replyFileName: `Foto-Beschreibung-${stamp}.txt`,
	replyFileContent: `Auf dem Foto sieht man den Schalter: Sanddorn-Beleg-${stamp}`,
	replyB: `Holzapfel-Nachtrag-${stamp}`,
	secondLeadNote: `Vogelbeer-Notiz-${stamp}`,
}

let workDir: string
let server: AppServer
/** The addresses the visitors came from (forwarded by the proxy in front): none may be kept. */
const addresses: string[] = []

test.afterAll(async () => {
	await server?.stop()
	if (workDir) await fs.rm(workDir, { recursive: true, force: true })
})

/** A browser of its own on the office's server, from an address of its own. */
async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
	const octet = () => Math.floor(Math.random() * 254) + 1
	const address = `10.${octet()}.${octet()}.${octet()}`
	addresses.push(address)
	const context = await browser.newContext({
		baseURL: server.url,
		locale: 'de-CH',
		extraHTTPHeaders: { 'X-Forwarded-For': address },
		...options,
	})
	return context.newPage()
}

type Enrolled = { totpSecret: string; recoveryCodes: string[] }

/** How long a page that sets or checks a password may take on a loaded machine. */
const PASSWORD_POST_MS = 30_000

/** The usual first-login enrolment: the secret from the page, a code, the recovery codes. */
async function enrol(page: Page): Promise<Enrolled> {
	// The post before it set a password: a strength estimate and a 64 MiB
	// Argon2 wrap, which take seconds when the two cores are shared.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Zwei-Faktor-Anmeldung einrichten',
		{ timeout: PASSWORD_POST_MS },
	)
	const totpSecret = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '')
	await page.getByRole('textbox', { name: /^Code/ }).fill(totpCode(totpSecret, Date.now()))
	await page.getByRole('button', { name: 'Bestätigen' }).click()
	await expect(page.locator('.recovery-codes li')).toHaveCount(10)
	const recoveryCodes = await page.locator('.recovery-codes li').allTextContents()
	await page.getByRole('link', { name: 'Ich habe die Codes notiert – weiter' }).click()
	return { totpSecret, recoveryCodes }
}

/** Takes up an invitation link: password, first sign-in, enrolment. */
async function acceptInvitation(page: Page, link: string, account: Account): Promise<Enrolled> {
	await page.goto(link)
	await page.locator('#invitation-password').fill(account.password)
	await page.locator('#invitation-confirmation').fill(account.password)
	await page.getByRole('button', { name: 'Konto aktivieren' }).click()
	await expect(page).toHaveURL(/\/staff\/login/, { timeout: PASSWORD_POST_MS })
	await page.getByLabel('E-Mail').fill(account.email)
	await page.getByLabel('Passwort').fill(account.password)
	await page.getByRole('button', { name: 'Anmelden' }).click()
	return enrol(page)
}

async function invite(admin: Page, account: Account, role: 'LEAD' | 'COUNSELLOR') {
	await admin.goto('/staff/admin/users')
	await admin.locator('#invite-displayName').fill(account.name)
	await admin.locator('#invite-email').fill(account.email)
	await admin.getByLabel(/^Rolle \(Pflichtfeld\)/).selectOption(role)
	await admin.getByRole('button', { name: 'Einladungslink erstellen' }).click()
	await expect(admin.getByRole('status')).toContainText('Die Einladung ist erstellt.')
	return (await admin.locator('.link-box').textContent())!
}

/** Sends a request through /request, waiting out the form's minimum fill time; returns the code. */
async function sendRequest(page: Page, fill: (page: Page) => Promise<void>): Promise<string> {
	await page.goto('/request')
	const started = Date.now()
	await fill(page)
	await page.locator('#consent-yes').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.locator('main button[type=submit]').click()
	return (await page.getByTestId('follow-up-code').textContent())!.trim()
}

async function openFollowUp(page: Page, code: string) {
	await page.goto('/follow-up')
	await page.getByLabel('Ihr Code').fill(code)
	await page.getByRole('button', { name: 'Öffnen' }).click()
	await expect(page.getByTestId('request-status')).toBeVisible()
}

async function writeNote(page: Page, text: string) {
	await page.getByLabel('Neue Notiz').fill(text)
	await page.getByRole('button', { name: 'Notiz speichern' }).click()
	await expect(page.getByRole('status')).toHaveText('Die Notiz ist gespeichert.')
}

/** The URL of the embedded database, as the copy's secrets.json and postmaster.pid give it. */
async function databaseUrlFrom(dataDir: string): Promise<string> {
	const secrets = JSON.parse(await fs.readFile(path.join(dataDir, 'secrets.json'), 'utf8')) as {
		postgresPassword: string
	}
	const pid = await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
	const port = pid.split('\n')[3]!.trim()
	return `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${port}/anlaufstelle`
}

test('a copy of an office server after its setup and a day of use opens no case', async ({
	browser,
}) => {
	test.setTimeout(240_000)
	// How long each part takes, for the report (annotation below).
	const timings: Record<string, number> = {}
	let since = Date.now()
	const lap = (name: string) => {
		timings[name] = Date.now() - since
		since = Date.now()
	}

	// The office's server, started the way `npm start` does, in a folder of its own.
	workDir = await makeTemporaryDir('anlaufstelle-server-copy-')
	const dataDir = path.join(workDir, '.data')
	const outputFile = path.join(workDir, 'output.log')
	server = await startAppServer({
		// Debug: the embedded PostgreSQL's own lines go to the output too.
		env: { APP_MODE: 'office', TRUST_PROXY: '1', LOG_LEVEL: 'debug' },
		logFile: outputFile,
		cwd: workDir,
	})
	const setupLine = /Open http:\/\/localhost:\d+(\/setup\/[\w-]{43}) to set up the office/.exec(
		await fs.readFile(outputFile, 'utf8'),
	)
	expect(setupLine, 'the start prints the setup link').not.toBeNull()
	const setupLink = setupLine![1]!
	const databaseUrl = await databaseUrlFrom(dataDir)
	lap('start')

	// The setup, as the person at the terminal does it.
	const lead = await newPage(browser)
	await lead.goto(setupLink)
	await lead.getByLabel('Name der Stelle').fill('Anlaufstelle gegen Rassismus Testhausen')
	await lead.getByLabel('Kontakt-E-Mail (öffentlich)').fill('beratung@testhausen.example')
	await lead.getByRole('button', { name: 'Speichern und weiter' }).click()
	await lead.getByRole('button', { name: 'Schlüsselblatt erstellen' }).click()
	const sheetText = (await lead.getByTestId('recovery-key').textContent())!.trim()
	const recoveryKey = parseRecoveryKey(sheetText)!
	expect(recoveryKey).not.toBeNull()
	await lead.getByLabel(/Ich habe den Wiederherstellungsschlüssel/).check()
	await lead.getByRole('button', { name: 'Bestätigen und weiter' }).click()
	await lead.locator('#setup-lead-displayName').fill(LEAD.name)
	await lead.locator('#setup-lead-email').fill(LEAD.email)
	await lead.locator('#setup-lead-password').fill(LEAD.password)
	await lead.locator('#setup-lead-confirmation').fill(LEAD.password)
	await lead.getByRole('button', { name: 'Konto erstellen und weiter' }).click()
	const enrolled: Record<string, Enrolled> = { [LEAD.email]: await enrol(lead) }
	await lead.locator('#first-admin-displayName').fill(ADMIN.name)
	await lead.locator('#first-admin-email').fill(ADMIN.email)
	await lead.getByRole('button', { name: 'Einladungslink erstellen' }).click()
	const adminInvitation = (await lead.getByTestId('invitation-link').textContent())!

	// The admin invites a counsellor and a second lead; the first lead approves the second's keys.
	const admin = await newPage(browser)
	enrolled[ADMIN.email] = await acceptInvitation(admin, adminInvitation, ADMIN)
	const counsellor = await newPage(browser)
	const secondLead = await newPage(browser)
	const invitations = [
		await invite(admin, COUNSELLOR, 'COUNSELLOR'),
		await invite(admin, SECOND_LEAD, 'LEAD'),
	]
	enrolled[COUNSELLOR.email] = await acceptInvitation(counsellor, invitations[0]!, COUNSELLOR)
	enrolled[SECOND_LEAD.email] = await acceptInvitation(secondLead, invitations[1]!, SECOND_LEAD)
	await lead.goto('/staff/key-requests')
	await lead.getByRole('button', { name: `Freigeben für ${SECOND_LEAD.name}` }).click()
	await expect(lead.getByRole('status')).toContainText('Das Konto ist freigegeben.')
	lap('setup')

	// The day: a request with contact data and a file, two anonymous ones (one without
	// JavaScript), sent at the same time.
	const reporterA = await newPage(browser)
	const reporterB = await newPage(browser, { javaScriptEnabled: false })
	const reporterC = await newPage(browser)
	const [codeA, codeB, codeC] = await Promise.all([
		sendRequest(reporterA, async (page) => {
			await page.locator('#narrative').fill(TYPED.narrativeA)
			await openMoreDetails(page)
			await page.locator('#place').fill(TYPED.place)
			await page.locator('#areas-other').check()
			await page.locator('#areasOther').fill(TYPED.areasOther)
			await page.locator('#contactMode-contact').check()
			await page.locator('#contactName').fill(TYPED.contactName)
			await page.locator('#contactEmail').fill(TYPED.contactEmail)
			await page.locator('#contactPhone').fill(TYPED.contactPhone)
			await page.locator('#interpreterNeeded-yes').check()
			await page.locator('#interpreterLanguage').fill(TYPED.interpreterLanguage)
			await page.locator('#attachments').setInputFiles({
				name: TYPED.fileName,
				mimeType: 'text/plain',
				buffer: Buffer.from(TYPED.fileContent),
			})
		}),
		sendRequest(reporterB, (page) => page.locator('#narrative').fill(TYPED.narrativeB)),
		sendRequest(reporterC, (page) => page.locator('#narrative').fill(TYPED.narrativeC)),
	])

	// The lead reads the new requests, notes and assigns the first to the counsellor.
	const referenceA = await findNewCaseByPhrase(lead, TYPED.narrativeA, databaseUrl)
	await expect(lead.locator('main')).toContainText(TYPED.contactName)
	await writeNote(lead, TYPED.leadNote)
	await lead.getByLabel('Zuweisen an').selectOption({ label: COUNSELLOR.name })
	await lead.getByRole('button', { name: 'Zuweisen', exact: true }).click()
	await expect(lead.getByRole('status')).toHaveText('Die Zuweisung ist gespeichert.')
	const referenceB = await findNewCaseByPhrase(lead, TYPED.narrativeB, databaseUrl)

	// The counsellor writes to the reporter and notes; the reporter answers with a file.
	await counsellor.goto(`/staff/cases/${referenceA}`)
	await expect(counsellor.locator('.narrative')).toContainText(TYPED.narrativeA)
	await counsellor.getByLabel('Nachricht an die meldende Person').fill(TYPED.counsellorMessage)
	await counsellor.getByRole('button', { name: 'Nachricht senden' }).click()
	await expect(counsellor.getByRole('status')).toHaveText('Die Nachricht ist gesendet.')
	await writeNote(counsellor, TYPED.counsellorNote)
	await openFollowUp(reporterA, codeA)
	await expect(reporterA.getByText(TYPED.counsellorMessage)).toBeVisible()
	await reporterA.getByLabel('Ihre Nachricht').fill(TYPED.reporterReply)
	await reporterA.locator('#reply-attachments').setInputFiles({
		name: TYPED.replyFileName,
		mimeType: 'text/plain',
		buffer: Buffer.from(TYPED.replyFileContent),
	})
	await reporterA.getByRole('button', { name: 'Senden' }).click()
	await expect(reporterA.getByRole('status')).toHaveText('Ihre Nachricht ist bei uns angekommen.')

	// The counsellor reads the answer and both files, and closes the case.
	await counsellor.reload()
	await expect(counsellor.locator('.timeline')).toContainText(TYPED.reporterReply)
	const attachmentLinks = counsellor.locator(`a[href^="/staff/cases/${referenceA}/attachments/"]`)
	await expect(attachmentLinks).toHaveCount(2)
	const downloaded = await Promise.all(
		(await attachmentLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).map(
			async (href) => (await counsellor.request.get(href)).text(),
		),
	)
	expect(downloaded.sort()).toEqual([TYPED.replyFileContent, TYPED.fileContent].sort())
	await counsellor.getByLabel('Neuer Status').selectOption('CLOSED')
	await counsellor.getByLabel('Ergebnis').selectOption('information_given')
	await counsellor.getByRole('button', { name: 'Status ändern' }).click()
	await expect(counsellor.getByRole('status')).toHaveText('Der Status ist geändert.')

	// The approved second lead reads the anonymous requests; one reporter writes again.
	await secondLead.goto(`/staff/cases/${referenceB}`)
	await expect(secondLead.locator('.narrative')).toContainText(TYPED.narrativeB)
	await findNewCaseByPhrase(secondLead, TYPED.narrativeC, databaseUrl)
	await writeNote(secondLead, TYPED.secondLeadNote)
	await openFollowUp(reporterB, codeB)
	await reporterB.getByLabel('Ihre Nachricht').fill(TYPED.replyB)
	await reporterB.getByRole('button', { name: 'Senden' }).click()
	await expect(reporterB.getByRole('status')).toHaveText('Ihre Nachricht ist bei uns angekommen.')
	lap('day')

	// The copy, taken while the server runs (open sessions included) and after it stopped.
	const leadCookie = (await lead.context().cookies()).find((c) => c.name === 'staff_session')!
	const environment = await environmentOf(server.process.pid!)
	const { dump, sealed } = await copyDatabase(databaseUrl)
	expect(await server.stop()).toBe(0)
	const files = await filesUnder(workDir)
	const pieces: CopyPiece[] = [environment, dump, ...files]
	// What configures the server, as opposed to the database's own files.
	const configuration = [
		environment,
		...files.filter((file) => !file.name.startsWith(path.join(dataDir, 'postgres', path.sep))),
	]
	expect(pieces.map((piece) => path.relative(workDir, piece.name))).toEqual(
		expect.arrayContaining(['output.log', '.data/secrets.json', '.data/postgres/PG_VERSION']),
	)
	lap('copy')

	// (a) and (c): nothing typed, no secret of a person and no address is in it.
	const privateKey = recoveryKey.privateKey
	const needles: Needle[] = [
		...Object.entries(TYPED).map(([label, text]) => ({ label, forms: tracesOf(text) })),
		{
			label: 'the recovery key',
			forms: [
				sheetText,
				sheetText.replaceAll('-', ''),
				privateKey,
				privateKey.toString('hex'),
				privateKey.toString('base64').slice(0, 42),
				privateKey.toString('base64url').slice(0, 42),
			],
		},
		...[codeA, codeB, codeC].map((code, index) => ({
			label: `follow-up code ${index}`,
			forms: [code, code.replaceAll('-', '')],
		})),
		...[LEAD, ADMIN, COUNSELLOR, SECOND_LEAD].flatMap((account) => [
			{ label: `password of ${account.email}`, forms: tracesOf(account.password) },
			{ label: `TOTP secret of ${account.email}`, forms: [enrolled[account.email]!.totpSecret] },
			...enrolled[account.email]!.recoveryCodes.map((code) => ({
				label: `a recovery code of ${account.email}`,
				forms: [code, code.replace('-', '')],
			})),
		]),
		{ label: 'the lead session cookie', forms: leadCookie.value.split('.') },
		...addresses.map((address) => ({ label: `address ${address}`, forms: [address] })),
	]
	expect(findInCopy(pieces, needles)).toEqual([])
	lap('search')

	// (b) Every key-like value of the copy, tried on everything sealed: nothing opens a case.
	expect(sealed.cases).toHaveLength(3)
	const material = keyMaterialIn({ pieces, configuration, binaryValues: sealed.binaryValues })
	const attempt = tryToOpenCases(material, sealed)
	expect(attempt.casesOpened).toEqual([])
	// With the generated SESSION_SECRET (in .data/secrets.json) the TOTP secrets open: a second
	// factor, without the password worth nothing (security-model.md, Known limits). Nothing else.
	expect(attempt.alsoOpened.filter((what) => !what.startsWith('TOTP secret of '))).toEqual([])
	expect(attempt.keysTried).toBeGreaterThan(100)
	lap('attempt')

	// The control: the same attempt with one leaked line opens what that line opens.
	const withLeak = (line: string) => {
		const leak: CopyPiece = { name: 'a leaked log line', bytes: Buffer.from(`${line}\n`) }
		const material = keyMaterialIn({ pieces: [leak], configuration: [leak], binaryValues: [] })
		return tryToOpenCases(material, sealed).casesOpened
	}
	const all = sealed.cases.map((item) => item.reference).sort()
	expect(withLeak(`{"level":30,"recoveryKey":"${sheetText}"}`)).toEqual(all)
	expect(withLeak(`recovery key ${privateKey.toString('base64')}`)).toEqual(all)
	expect(withLeak(`key: ${privateKey.toString('hex')}`)).toEqual(all)
	expect(withLeak(`code=${codeA.toLowerCase()}`)).toEqual([referenceA])
	expect(withLeak(`Cookie: staff_session=${leadCookie.value}`)).toEqual(all)
	lap('control')
	const kib = Math.round(pieces.reduce((sum, piece) => sum + piece.bytes.length, 0) / 1024)
	test.info().annotations.push({
		type: 'server copy',
		description: `${pieces.length} pieces, ${kib} KiB; ${attempt.keysTried} keys and ${attempt.codesTried} codes tried; ms ${JSON.stringify(timings)}`,
	})
})
