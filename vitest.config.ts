import { defineConfig } from 'vitest/config'

export default defineConfig({
	resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/setup/vitest-global.ts'],
		setupFiles: ['tests/setup/vitest-database.ts'],
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
})
