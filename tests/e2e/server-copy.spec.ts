// A thief's copy of the whole server after a day of use (the database as text
// and its PostgreSQL data files, the environment, the app's .data folder and
// its log) holds not one phrase typed by a reporter, a counsellor or a lead,
// and the secrets in that copy open none of the ciphertexts.
import { createDecipheriv, createHash, hkdfSync } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { dumpDatabaseText, tracesOf } from '../support/database-dump'
import { expect, MIN_FILL_MS, test } from './fixtures'
import { findNewCaseByPhrase, signIn } from './staff-session'

// The e2e server's secrets (tests/setup/playwright-global.ts): part of the copy.
const ENVIRONMENT_SECRETS = ['e2e-secret-that-is-long-enough-for-the-schema']

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
	const nested = await Promise.all(
		entries.map((entry) => {
			const full = path.join(dir, entry.name)
			return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : []
		}),
	)
	return nested.flat()
}

/** Every key a thief could derive from the copy's secrets, tried as AES-256-GCM keys. */
function candidateKeys(): Buffer[] {
	return ENVIRONMENT_SECRETS.flatMap((secret) => [
		createHash('sha256').update(secret).digest(),
		Buffer.from(hkdfSync('sha256', secret, 'anlaufstelle', 'server-key:totp-secret', 32)),
		Buffer.from(secret).subarray(0, 32),
	])
}

function opens(key: Buffer, sealed: Buffer, associatedData: string): boolean {
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13))
		decipher.setAAD(Buffer.from(associatedData))
		decipher.setAuthTag(sealed.subarray(sealed.length - 16))
		decipher.update(sealed.subarray(13, sealed.length - 16))
		decipher.final()
		return true
	} catch {
		return false
	}
}

test('a full copy of the server after a day of use reveals nothing anyone typed', async ({
	browser,
}) => {
	test.setTimeout(240_000)
	const stamp = Date.now().toString(36)
	const phrases = {
		narrative: `Holunderblueten-Sirup-${stamp}`,
		contact: `Quittengelee-Name-${stamp}`,
		file: `Mirabellen-Notiz-${stamp}`,
		reporterReply: `Aprikosen-Antwort-${stamp}`,
		counsellorMessage: `Stachelbeer-Nachricht-${stamp}`,
		counsellorNote: `Johannisbeer-Vermerk-${stamp}`,
		leadNote: `Preiselbeer-Triage-${stamp}`,
	}

	// A reporter writes, with contact details and a file.
	const reporter = await (await browser.newContext()).newPage()
	await reporter.goto('/request')
	const started = Date.now()
	await reporter.locator('#narrative').fill(`Es geschah am Bahnhof. ${phrases.narrative}`)
	await reporter.locator('#contactMode-contact').check()
	await reporter.locator('#contactName').fill(phrases.contact)
	await reporter.locator('#contactEmail').fill(`${stamp}@example.ch`)
	await reporter.locator('#attachments').setInputFiles({
		name: 'notiz.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from(`Notiz: ${phrases.file}`),
	})
	await reporter.locator('#consent-yes').check()
	await reporter.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await reporter.locator('button[type=submit]').click()
	const code = (await reporter.getByTestId('follow-up-code').textContent())!.trim()

	// The lead triages, notes and assigns.
	const lead = await (await browser.newContext()).newPage()
	await signIn(lead, DEMO_ACCOUNTS.lead)
	const reference = await findNewCaseByPhrase(lead, phrases.narrative)
	await lead.getByLabel('Neue Notiz').fill(phrases.leadNote)
	await lead.getByRole('button', { name: 'Notiz speichern' }).click()
	await expect(lead.getByRole('status')).toHaveText('Die Notiz ist gespeichert.')
	await lead.getByLabel('Zuweisen an').selectOption({ label: DEMO_ACCOUNTS.counsellor.displayName })
	await lead.getByRole('button', { name: 'Zuweisen', exact: true }).click()
	await expect(lead.getByRole('status')).toHaveText('Die Zuweisung ist gespeichert.')

	// The counsellor writes to the reporter and notes; the reporter answers.
	const counsellor = await (await browser.newContext()).newPage()
	await signIn(counsellor, DEMO_ACCOUNTS.counsellor, `/staff/cases/${reference}`)
	await counsellor.getByLabel('Nachricht an die meldende Person').fill(phrases.counsellorMessage)
	await counsellor.getByRole('button', { name: 'Nachricht senden' }).click()
	await expect(counsellor.getByRole('status')).toHaveText('Die Nachricht ist gesendet.')
	await counsellor.getByLabel('Neue Notiz').fill(phrases.counsellorNote)
	await counsellor.getByRole('button', { name: 'Notiz speichern' }).click()
	await expect(counsellor.getByRole('status')).toHaveText('Die Notiz ist gespeichert.')
	await reporter.goto('/follow-up')
	await reporter.getByLabel('Ihr Code').fill(code)
	await reporter.getByRole('button', { name: 'Öffnen' }).click()
	await expect(reporter.getByText(phrases.counsellorMessage)).toBeVisible()
	await reporter.getByLabel('Ihre Nachricht').fill(phrases.reporterReply)
	await reporter.getByRole('button', { name: 'Senden' }).click()
	await expect(reporter.getByRole('status')).toHaveText('Ihre Nachricht ist bei uns angekommen.')
	// Staff read it all back: the content exists, encrypted, and opens for them.
	await counsellor.reload()
	await expect(counsellor.locator('.messages')).toContainText(phrases.reporterReply)

	// The copy: the database as text and as PostgreSQL's own files (after a
	// checkpoint, so that the data files hold everything), the log, .data/.
	const url = process.env.E2E_DATABASE_URL!
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	await client.query('CHECKPOINT')
	const dataDirectory = (await client.query<{ d: string }>('SHOW data_directory')).rows[0]!.d
	const traces = Object.values(phrases).flatMap((phrase) => tracesOf(phrase))
	const found: string[] = []
	const search = (name: string, content: Buffer) => {
		for (const trace of traces) if (content.includes(trace)) found.push(`${trace} in ${name}`)
	}
	search('database dump', Buffer.from(await dumpDatabaseText(url)))
	search('log', await fs.readFile(process.env.E2E_SERVER_LOG!))
	search('environment', Buffer.from(ENVIRONMENT_SECRETS.join('\n')))
	// File by file: the cluster's files are large in sum.
	for (const file of [...(await filesUnder(dataDirectory)), ...(await filesUnder('.data'))]) {
		search(file, await fs.readFile(file).catch(() => Buffer.alloc(0)))
	}
	expect(found).toEqual([])

	// Nothing derivable from the copy's secrets opens a ciphertext of the case.
	const sealed = await client.query<{ id: string; field: string; value: Buffer }>(
		`SELECT c.id, 'narrative' AS field, c.narrative AS value FROM "Case" c WHERE c.reference = $1
		 UNION ALL SELECT c.id, 'message:' || m.id, m.body FROM "Message" m JOIN "Case" c ON c.id = m."caseId" WHERE c.reference = $1
		 UNION ALL SELECT c.id, 'note:' || n.id, n.body FROM "Note" n JOIN "Case" c ON c.id = n."caseId" WHERE c.reference = $1`,
		[reference],
	)
	await client.end()
	expect(sealed.rows.length).toBeGreaterThanOrEqual(5)
	for (const row of sealed.rows) {
		for (const key of candidateKeys()) {
			expect(opens(key, row.value, `case:${row.id}:${row.field}`)).toBe(false)
		}
	}
})
