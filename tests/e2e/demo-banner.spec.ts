// APP_MODE=demo: every page, public and staff, says that it is a demo. The
// shared e2e server is a seeded demo (tests/setup/playwright-global.ts);
// the office without demo data shows no banner (office-setup.spec.ts).
import { DEMO_ACCOUNTS } from '../../prisma/demo-accounts.ts'
import { expect, expectNoAxeViolations, test } from './fixtures'
import { signIn } from './staff-session'

const PAGES = [
	['/', 'Demo: Bitte geben Sie keine echten Daten ein.'],
	['/request?lang=ar', 'نسخة تجريبية: يُرجى عدم إدخال بيانات حقيقية.'],
	[
		'/follow-up?lang=de-x-ls',
		'Das ist eine Demo. Hier können Sie nur ausprobieren. Bitte schreiben Sie keine echten Angaben.',
	],
	['/staff/login?lang=en', 'Demo: do not enter real data.'],
] as const

test('public and staff pages show the demo banner in their language, readable at 320 px', async ({
	page,
}) => {
	await page.setViewportSize({ width: 320, height: 640 })
	for (const [path, text] of PAGES) {
		await page.goto(path)
		// A note in the header landmark, read before anything else on the page.
		const banner = page.getByRole('banner').getByRole('note')
		await expect(banner, path).toHaveText(text)
		await expect(banner).toBeVisible()
		const box = (await banner.boundingBox())!
		expect(box.x, path).toBeGreaterThanOrEqual(0)
		expect(box.x + box.width, path).toBeLessThanOrEqual(320)
		await expectNoAxeViolations(page)
	}
})

test('a signed-in staff page shows it too', async ({ page }) => {
	await signIn(page, DEMO_ACCOUNTS.statistics)
	await expect(page.getByRole('banner').getByRole('note')).toHaveText(
		'Demo: Bitte geben Sie keine echten Daten ein.',
	)
})
