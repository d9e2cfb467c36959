// Bad and hostile input: clear messages, never a 500, nothing half-stored,
// and what people type leaves no readable trace in the database or the log.
import fs from 'node:fs'
import pg from 'pg'
import { dumpDatabaseText, tracesOf } from '../support/database-dump'
import { expect, MIN_FILL_MS, openMoreDetails, test } from './fixtures'
import type { APIRequestContext } from '@playwright/test'

async function formToken(request: APIRequestContext): Promise<string> {
	const html = await (await request.get('/request')).text()
	return /name="formStarted" value="([^"]+)"/.exec(html)![1]!
}

async function countCases(where: string): Promise<number> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		return Number((await client.query(`SELECT count(*) FROM "Case" WHERE ${where}`)).rows[0].count)
	} finally {
		await client.end()
	}
}

// A combination no other test submits, to see whether anything was stored
// (the demo data may hold it already: the count must not grow).
// Marked in clear columns: the other answers are encrypted (docs/data-protection.md).
const MARKER = { areas: 'military', ageGroup: '65_plus', residenceStatus: 'permit_s' }
const MARKED = `'military' = ANY("reportedAreas") AND "reportedAgeGroup" = '65_plus' AND "reportedResidence" = 'permit_s'`

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('a 20 MB file and a file of the wrong type get clear messages; the rest is kept', async ({
		page,
	}) => {
		await page.goto('/request')
		const started = Date.now()
		await page.locator('#narrative').fill('Mit zu grosser Datei')
		await openMoreDetails(page)
		await page.locator('#place').fill('Gossau')
		await page.locator('#consent-yes').check()
		await page.locator('#attachments').setInputFiles([
			{
				name: 'gross.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.alloc(20 * 1024 * 1024, 0x25),
			},
		])
		await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
		await page.locator('main button[type=submit]').click()
		await expect(page.locator('#attachments-error')).toHaveText(
			'Die Datei «gross.pdf» ist grösser als 10 MB.',
		)
		await expect(page.locator('#narrative')).toHaveValue('Mit zu grosser Datei')
		await expect(page.locator('#place')).toHaveValue('Gossau')

		await page.locator('#attachments').setInputFiles([
			{
				name: 'foto.png',
				mimeType: 'image/png',
				buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00program', 'latin1'),
			},
		])
		await page.waitForTimeout(MIN_FILL_MS)
		await page.locator('main button[type=submit]').click()
		await expect(page.locator('#attachments-error')).toContainText('«foto.png» hat ein Format')
		await expect(page.locator('#narrative')).toHaveValue('Mit zu grosser Datei')
	})
})

test('hostile posts get 400 with escaped text, never a 500, and store nothing', async ({
	request,
}) => {
	const before = await countCases(MARKED)
	const post = async (fields: Record<string, string | string[]>) => {
		const form = new FormData()
		form.set('formStarted', await formToken(request))
		for (const [key, value] of Object.entries({
			...MARKER,
			consent: 'yes',
			contactMode: 'anonymous',
			...fields,
		})) {
			for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
		}
		await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS))
		return request.post('/request', { multipart: form })
	}

	const megabyte = await post({ narrative: 'x'.repeat(1024 * 1024) })
	expect(megabyte.status()).toBe(400)
	// How far over the limit, and the limit (the text itself comes back as typed).
	expect(await megabyte.text()).toContain(
		`Der Text ist ${1024 * 1024 - 20_000} Zeichen zu lang; höchstens 20000 Zeichen sind möglich.`,
	)

	const invalid = await post({
		narrative: 'ok',
		areas: ['work', 'mars'],
		gender: 'robot',
		contactMode: 'carrier pigeon',
	})
	expect(invalid.status()).toBe(400)
	expect(await invalid.text()).toContain('Bitte wählen Sie eine Antwort aus der Liste.')

	const script = await post({
		narrative: '<script>alert("x")</script> \u202e\u0000 Robert\'); DROP TABLE "Case";--',
		consent: 'no',
	})
	expect(script.status()).toBe(400)
	const html = await script.text()
	expect(html).not.toContain('<script>alert("x")</script>')
	expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')

	const malformed = await request.post('/request', {
		headers: { 'Content-Type': 'multipart/form-data; boundary=nope' },
		data: '--wrong\r\nContent-Disposition: form-data; name="narrative"\r\n\r\nunterminated',
	})
	expect(malformed.status()).toBe(400)

	expect(await countCases(MARKED)).toBe(before)
})

test("typed phrases and a file's text leave no readable trace in the database or the log", async ({
	page,
}) => {
	const phrases = ['Brombeerhecke-Kaskade', 'Wolkenkuckucksheim-Muster', 'Zimtschnecken-Protokoll']
	await page.goto('/request')
	const started = Date.now()
	await page.locator('#narrative').fill(`Es geschah: ${phrases[0]}`)
	await page.locator('#contactMode-contact').check()
	await page.locator('#contactName').fill(phrases[1]!)
	await page.locator('#contactEmail').fill('brombeer@example.ch')
	await openMoreDetails(page)
	await page.locator('#attachments').setInputFiles({
		name: 'notiz.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from(`Notiz: ${phrases[2]}`),
	})
	await page.locator('#consent-yes').check()
	await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - started)))
	await page.locator('main button[type=submit]').click()
	await expect(page.getByTestId('follow-up-code')).toBeVisible()

	const dump = await dumpDatabaseText(process.env.E2E_DATABASE_URL!)
	const log = fs.readFileSync(process.env.E2E_SERVER_LOG!, 'utf8')
	for (const phrase of [...phrases, 'brombeer@example.ch']) {
		for (const trace of tracesOf(phrase)) {
			expect(dump).not.toContain(trace)
			expect(log).not.toContain(trace)
		}
	}
})
