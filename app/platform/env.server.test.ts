import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env.server'

const secret = 'x'.repeat(32)

function problemsOf(env: Record<string, string | undefined>): string[] {
	try {
		parseEnv(env)
	} catch (error) {
		if (error instanceof EnvError) return error.problems
		throw error
	}
	return []
}

describe('parseEnv', () => {
	test('the embedded default needs no variable at all', () => {
		const env = parseEnv({})
		expect(env).toMatchObject({ NODE_ENV: 'production', PORT: 3000, DATA_DIR: '.data' })
		expect(env.DATABASE_URL).toBeUndefined()
	})

	test('by default the office, listening on this machine only', () => {
		expect(parseEnv({})).toMatchObject({ APP_MODE: 'office', HOST: '127.0.0.1' })
		expect(parseEnv({ APP_MODE: 'demo', HOST: '0.0.0.0' })).toMatchObject({
			APP_MODE: 'demo',
			HOST: '0.0.0.0',
		})
		expect(problemsOf({ APP_MODE: 'real' }).map((line) => line.split(':')[0])).toEqual(['APP_MODE'])
	})

	test('production with its own database requires its secrets, one line each', () => {
		expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/app' })).toEqual([
			'SESSION_SECRET: is required in production with DATABASE_URL',
			'HASH_PEPPER: is required in production with DATABASE_URL',
		])
		expect(
			problemsOf({
				DATABASE_URL: 'postgresql://db/app',
				SESSION_SECRET: secret,
				HASH_PEPPER: secret,
			}),
		).toEqual([])
	})

	test('every bad variable is named, and no value is echoed', () => {
		const problems = problemsOf({
			PORT: 'eighty',
			DATABASE_URL: 'mysql://secret-password@db/app',
			SESSION_SECRET: 'short',
			LOG_LEVEL: 'loud',
		})
		expect(problems.map((line) => line.split(':')[0])).toEqual([
			'PORT',
			'DATABASE_URL',
			'SESSION_SECRET',
			'LOG_LEVEL',
			'HASH_PEPPER',
		])
		expect(problems.join('\n')).not.toContain('secret-password')
		expect(problems.join('\n')).not.toContain('short')
	})

	test('mail: SMTP_HOST needs PUBLIC_ORIGIN, a sign-in has both halves, and no value is echoed', () => {
		expect(parseEnv({}).SMTP_HOST).toBeUndefined()
		expect(problemsOf({ SMTP_HOST: 'mail.example.ch' })).toEqual([
			'PUBLIC_ORIGIN: is required with SMTP_HOST (the link in every notice)',
		])
		const password = 'smtp-password-nobody-may-read'
		const problems = problemsOf({
			SMTP_HOST: 'mail.example.ch',
			SMTP_PASSWORD: password,
			SMTP_TLS: 'sometimes',
			SMTP_FROM: password,
			PUBLIC_ORIGIN: 'https://beratung.example.ch/staff',
		})
		expect(problems.map((line) => line.split(':')[0])).toEqual([
			'SMTP_TLS',
			'SMTP_FROM',
			'PUBLIC_ORIGIN',
			'SMTP_USER, SMTP_PASSWORD',
		])
		expect(problems.join('\n')).not.toContain(password)
		const env = parseEnv({
			SMTP_HOST: 'mail.example.ch',
			SMTP_USER: 'office',
			SMTP_PASSWORD: password,
			PUBLIC_ORIGIN: 'https://beratung.example.ch/',
		})
		expect(env).toMatchObject({
			SMTP_TLS: 'starttls',
			PUBLIC_ORIGIN: 'https://beratung.example.ch',
		})
	})

	test('empty variables count as unset', () => {
		expect(parseEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000)
	})
})
