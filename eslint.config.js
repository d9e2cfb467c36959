import js from '@eslint/js'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{
		ignores: [
			'node_modules',
			'build',
			'.data',
			'.scratch',
			'.cache',
			'app/generated',
			'playwright-report',
			'test-results',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-console': ['error', { allow: ['warn', 'error'] }],
		},
	},
	{
		files: ['**/*.tsx'],
		plugins: { react, 'react-hooks': reactHooks },
		settings: { react: { version: 'detect' } },
		rules: {
			...react.configs.recommended.rules,
			...react.configs['jsx-runtime'].rules,
			...reactHooks.configs.recommended.rules,
			'react/prop-types': 'off',
		},
	},
	{
		// Only feature *.server.ts files and the platform's db module talk to
		// the database, so that every query sits behind a feature function
		// that takes the acting user and scopes what it reads.
		files: ['app/**/*.{ts,tsx}'],
		ignores: ['app/features/**/*.server.ts', 'app/platform/db.server.ts', 'app/**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/db.server', '**/db.server.ts', '**/generated/prisma/**', '@prisma/*'],
							message:
								'Only feature *.server.ts files (and app/platform/db.server.ts) may use Prisma.',
						},
					],
				},
			],
		},
	},
	{
		// Command-line entry points talk to a person on the terminal.
		files: [
			'scripts/**',
			'server/main.ts',
			'server/demo.ts',
			'server/dev/build-if-stale.ts',
			'tests/**',
		],
		rules: { 'no-console': 'off' },
	},
)
