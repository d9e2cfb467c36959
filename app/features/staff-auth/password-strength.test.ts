// The strength rule of new staff passwords (decision 0016), with the real
// zxcvbn-ts dictionaries in their worker thread.
import { describe, expect, test } from 'vitest'
import de from '~/locales/de/staff.json'
import en from '~/locales/en/staff.json'
import { DEMO_ACCOUNTS } from '../../../prisma/demo-accounts'
import { PASSWORD as TEST_PASSWORD } from '../../../tests/support/staff'
import { NewPasswordSchema } from './auth-schemas'
import {
	assessPassword,
	personalWords,
	WEAKNESSES,
	withStrongPassword,
} from './password-strength.server'

const ANNA = personalWords('anna.muster@example.ch', 'Anna Muster')

describe('a new staff password', () => {
	test.each([
		['aaaaaaaaaaaa', 'repeat'],
		['passwort1234', 'common'],
		['Sommer2026!!', 'dates'],
		['anna.muster2026', 'personal'],
		['Muster.Anna.1990', 'personal'],
		['qwertzuiopasdf', 'common'],
	])('%s is refused as %s', async (password, weakness) => {
		expect(password.length).toBeGreaterThanOrEqual(12)
		expect(await assessPassword(password, ANNA)).toEqual({ strong: false, weakness })
	})

	test.each([
		'Kaffeetasse Regenschirm Pinguin',
		'grüne Tomaten im Dezember',
		'ein langer Satz als Passwort',
	])('the passphrase %s is accepted', async (password) => {
		expect(await assessPassword(password, ANNA)).toEqual({ strong: true })
	})

	test("the demo's and the tests' accounts have passwords that pass, with their own names", async () => {
		for (const account of Object.values(DEMO_ACCOUNTS)) {
			const words = personalWords(account.email, account.displayName)
			expect(await assessPassword(account.password, words), account.email).toEqual({ strong: true })
		}
		for (const name of ['lead', 'counsellor', 'admin', 'statistics']) {
			const words = personalWords(`${name}@example.ch`, name)
			expect(await assessPassword(TEST_PASSWORD, words)).toEqual({ strong: true })
		}
	})

	test('every reason for a refusal is explained in German and English', () => {
		for (const weakness of WEAKNESSES) {
			expect(de.errors.passwordWeak[weakness], weakness).toMatch(/^Dieses Passwort ist leicht/)
			expect(en.errors.passwordWeak[weakness], weakness).toMatch(/^This password is easy/)
		}
	})

	test('a password crafted to be slow to estimate leaves the event loop free', async () => {
		let ticks = 0
		const ticking = setInterval(() => ticks++, 10)
		const started = performance.now()
		const strength = await assessPassword('1a2b3c4d'.repeat(20), ANNA)
		const took = performance.now() - started
		clearInterval(ticking)
		expect(strength.strong).toBe(false)
		// The event loop ran its timer throughout (it would not once while zxcvbn ran on it).
		expect(ticks).toBeGreaterThan(took / 10 / 4)
	})
})

describe('the schema of a form that sets a password', () => {
	const schema = withStrongPassword(NewPasswordSchema, () => ANNA)

	test('refuses a weak password on its field, with the key of its explanation', async () => {
		const result = await schema.safeParseAsync({
			password: 'Sommer2026!!',
			confirmation: 'Sommer2026!!',
		})
		expect(result.success).toBe(false)
		expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
			{ path: ['password'], message: 'errors.passwordWeak.dates' },
		])
	})

	test('says only that a short password is short', async () => {
		const result = await schema.safeParseAsync({ password: 'aaaa', confirmation: 'aaaa' })
		expect(result.error?.issues.map(({ message }) => message)).toEqual(['errors.passwordTooShort'])
	})

	test('passes a passphrase', async () => {
		const password = 'Kaffeetasse Regenschirm Pinguin'
		expect((await schema.safeParseAsync({ password, confirmation: password })).success).toBe(true)
	})
})
