import ExcelJS from 'exceljs'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const { statistics } = DEMO_ACCOUNTS

async function casesIn(year: number): Promise<number> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
	await client.connect()
	try {
		const { rows } = await client.query<{ n: string }>(
			`SELECT count(*) AS n FROM "Case" WHERE extract(year FROM "receivedOn") = $1 AND status <> 'NOT_DISCRIMINATION'`,
			[year],
		)
		return Number(rows[0]!.n)
	} finally {
		await client.end()
	}
}

test('the statistics account reads a year with charts, downloads CSV and XLSX, prints the report', async ({
	page,
}) => {
	test.setTimeout(120_000)
	const year = new Date().getUTCFullYear() - 1
	await signIn(page, statistics)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistik')
	await page.getByRole('combobox', { name: 'Jahr' }).selectOption(String(year))
	await page.getByRole('button', { name: 'Anzeigen' }).click()
	await expect(page).toHaveURL(new RegExp(`year=${year}`))

	// Every table of product.md, each with its chart and its table.
	const titles = [
		'Fälle nach Art der Anfrage',
		'Fälle nach Stand und Ergebnis',
		'Fälle nach Kontaktweg',
		'Betroffene Personen nach Altersgruppe',
		'Nennungen nach Lebensbereich',
		'Nennungen nach Form der Diskriminierung',
		'Nennungen nach Motiv',
		'Beratungsleistungen und Stunden',
		'Entwicklung über die Jahre',
	]
	for (const title of titles) {
		const section = page.getByRole('region', { name: title })
		await expect(section.locator('.chart-bars')).toHaveCount(1)
		await expect(section.getByRole('table')).toBeVisible()
	}
	await expectNoAxeViolations(page)

	// On a phone every chart label is there whole (none cut off at the edge or shortened with
	// "…") and nothing scrolls sideways but the tables in their own scroll boxes.
	await page.setViewportSize({ width: 390, height: 844 })
	const labels = page.locator('.chart-label')
	expect(await labels.count()).toBeGreaterThan(20)
	await expect(
		page.locator('.chart-label', { hasText: 'Ich habe etwas beobachtet (Zeugin, Zeuge)' }),
	).toHaveCount(1)
	const cut = await labels.evaluateAll(
		(elements) =>
			elements.filter((element) => {
				const box = element.getBoundingClientRect()
				return (
					box.left < 0 || box.right > window.innerWidth || element.scrollWidth > element.clientWidth
				)
			}).length,
	)
	expect(cut).toBe(0)
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
	await page.setViewportSize({ width: 1280, height: 800 })

	// The total agrees with a count made directly in the database.
	const counted = await casesIn(year)
	const requesterTypes = page.getByRole('region', { name: 'Fälle nach Art der Anfrage' })
	const total = requesterTypes.locator('tfoot td').last()
	if (counted >= 5) await expect(total).toHaveText(String(counted))
	else await expect(total).toHaveAccessibleName('verdeckt')

	// Hidden cells read "×", small or not, never "< 5"; a screen reader hears "verdeckt". Small
	// categories are hidden with at least one complement, and every table with a hidden cell
	// says under it what "×" stands for (and is described by that note).
	await expect(page.getByText('< 5')).toHaveCount(0)
	const note =
		'× verdeckt: ein Wert unter 5 oder ein weiterer, verdeckt, damit sich kein Wert unter 5 aus Summen oder anderen Tabellen zurückrechnen lässt.'
	let tablesWithHidden = 0
	for (const section of await page.locator('section.statistics-table').all()) {
		const hidden = section.getByRole('cell', { name: 'verdeckt', exact: true })
		const inBody = await section.locator('tbody').getByRole('cell', { name: 'verdeckt' }).count()
		expect(inBody === 0 || inBody >= 2).toBe(true)
		if ((await hidden.count()) === 0) {
			await expect(section.locator('.table-note')).toHaveCount(0)
			continue
		}
		tablesWithHidden++
		await expect(hidden.first()).toHaveText('×verdeckt')
		await expect(section.locator('.table-note')).toHaveText(note)
		await expect(section.getByRole('table')).toHaveAccessibleDescription(note)
	}
	expect(tablesWithHidden).toBeGreaterThan(0)

	const csvDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'CSV (alle Tabellen)' }).click()
	const csv = await (await csvDownload).createReadStream()
	const chunks: Buffer[] = []
	for await (const chunk of csv) chunks.push(chunk as Buffer)
	const text = Buffer.concat(chunks).toString('utf8')
	expect(text.startsWith('\uFEFF')).toBe(true)
	expect(text).toContain('Fälle nach Art der Anfrage')
	expect(text).toMatch(/;×(;|\r\n)/)
	expect(text).toContain(`;${note};;;;;\r\n`)
	expect(text).not.toContain('< 5')

	const xlsxDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Excel (eine Tabelle pro Blatt)' }).click()
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.readFile((await (await xlsxDownload).path())!)
	expect(workbook.worksheets.length).toBeGreaterThanOrEqual(14)
	const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat())
	expect(cells).toContain('×')
	expect(cells).toContain(note)

	await page.getByRole('link', { name: 'Druckansicht (als PDF speichern)' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Jahresstatistik ${year}`)
	await expect(page.locator('.office-name')).toContainText('St. Gallen')
	await expect(page.locator('.table-note').first()).toHaveText(note)
	await expect(page.getByText('< 5')).toHaveCount(0)
	await expectNoAxeViolations(page)
})
