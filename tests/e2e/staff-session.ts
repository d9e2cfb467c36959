// Signing in as a demo account in the browser, with a TOTP code computed
// from the account's secret as an authenticator app would. A code is
// accepted once per 30-second step; when another test used this step's code
// already, the next step's code (accepted for clock drift) is used.
import type { Page } from '@playwright/test'
import pg from 'pg'
import { totpCode } from '../../app/features/staff-auth/totp-code.ts'
import type { DemoAccount } from '../../prisma/demo-accounts.ts'
import { expect } from './fixtures'

export async function signIn(page: Page, account: DemoAccount, path = '/staff') {
	await page.goto(`/staff/login?redirectTo=${encodeURIComponent(path)}`)
	await page.getByLabel('E-Mail').fill(account.email)
	await page.getByLabel('Passwort').fill(account.password)
	await page.getByRole('button', { name: 'Anmelden' }).click()
	await expect(page.getByRole('heading', { name: 'Zweiter Faktor' })).toBeVisible()
	// Parallel tests sign in as the same accounts: when this step's and the
	// next step's codes are both spent, wait for the following step.
	for (let attempt = 0; attempt < 10; attempt++) {
		if (attempt > 0 && attempt % 2 === 0) {
			await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200)
		}
		const offset = attempt % 2 === 0 ? 0 : 30_000
		await page
			.getByRole('textbox', { name: /^Code/ })
			.fill(totpCode(account.totpSecret, Date.now() + offset))
		const [response] = await Promise.all([
			page.waitForResponse(
				(r) => r.url().includes('/staff/two-factor') && r.request().method() === 'POST',
			),
			page.getByRole('button', { name: 'Bestätigen' }).click(),
		])
		if (response.status() < 400) {
			await page.waitForURL((url) => !url.pathname.startsWith('/staff/two-factor'))
			return
		}
	}
	throw new Error(`could not sign in as ${account.email}`)
}

/**
 * The reference of today's new request whose narrative holds `phrase`: the
 * lead opens today's new requests until it shows (the inbox lists no content).
 * `databaseUrl` is the database of the app the page is on.
 */
export async function findNewCaseByPhrase(
	page: Page,
	phrase: string,
	databaseUrl = process.env.E2E_DATABASE_URL,
): Promise<string> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	const candidates = await client
		.query<{ reference: string }>(
			`SELECT reference FROM "Case" WHERE status = 'NEW' AND "receivedOn" >= current_date - 1`,
		)
		.finally(() => client.end())
	for (const { reference } of candidates.rows) {
		await page.goto(`/staff/cases/${reference}`)
		if ((await page.locator('.narrative').textContent())?.includes(phrase)) return reference
	}
	throw new Error(`no new case holds "${phrase}"`)
}
