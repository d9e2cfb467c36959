import { defineConfig } from '@playwright/test'

// The browser is Debian's Chromium (Playwright's own download cannot be
// fetched on these machines); the flags keep it from calling Google's hosts.
export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/setup/playwright-global.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 240_000,
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
	use: {
		// Set by the global setup, which starts the app on a free port.
		baseURL: process.env.E2E_BASE_URL,
		locale: 'de-CH',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
