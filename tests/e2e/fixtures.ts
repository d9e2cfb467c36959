import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

/**
 * Every test is its own client: the app trusts one proxy in the e2e run, so
 * a random X-Forwarded-For gives each test its own rate-limit counters.
 */
export const test = base.extend({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture arguments by destructuring
	extraHTTPHeaders: async ({}, use) => {
		const octet = () => Math.floor(Math.random() * 254) + 1
		await use({ 'X-Forwarded-For': `10.${octet()}.${octet()}.${octet()}` })
	},
})

export { expect }

export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze()
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
	).toEqual([])
}

/** The form refuses submissions made sooner than this after it was shown. */
export const MIN_FILL_MS = 3_100

/** Unfolds the request form's "more details", unless a post that came back opened it already. */
export async function openMoreDetails(page: Page) {
	if ((await page.locator('details.more-details').getAttribute('open')) === null)
		await page.locator('details.more-details > summary').click()
}
