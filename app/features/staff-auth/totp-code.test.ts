import { base32nopad } from '@scure/base'
import { generateSync } from 'otplib'
import { describe, expect, it } from 'vitest'
import { acceptTotpCode, newTotpSecret, stepAt, totpAuthUri, totpCode } from './totp-code'

const RFC_SECRET = base32nopad.encode(new TextEncoder().encode('12345678901234567890'))

describe('TOTP', () => {
	it('matches the test vectors of RFC 4226 (HOTP) and RFC 6238 (SHA-1)', () => {
		const hotp = ['755224', '287082', '359152', '969429', '338314']
		hotp.forEach((code, counter) =>
			expect(generateSync({ strategy: 'hotp', secret: RFC_SECRET, counter })).toBe(code),
		)
		// RFC 6238 appendix B, 8 digits, SHA-1.
		const totp8 = (epoch: number) => generateSync({ secret: RFC_SECRET, epoch, digits: 8 })
		expect(totp8(59)).toBe('94287082')
		expect(totp8(1111111109)).toBe('07081804')
		expect(totp8(2000000000)).toBe('69279037')
		// Our own wrapper: 6 digits of the same values.
		expect(totpCode(RFC_SECRET, 59_000)).toBe('287082')
	})

	it('makes 160-bit secrets as authenticator apps read them', () => {
		expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/)
	})

	it('accepts the current code and one step of drift, once', () => {
		const secret = newTotpSecret()
		const now = 1_800_000_000_000
		const step = acceptTotpCode(secret, totpCode(secret, now), null, now)
		expect(step).toBe(stepAt(now))
		expect(acceptTotpCode(secret, totpCode(secret, now), step, now)).toBeNull()
		expect(acceptTotpCode(secret, totpCode(secret, now - 30_000), null, now)).toBe(step! - 1)
		expect(acceptTotpCode(secret, totpCode(secret, now + 30_000), step, now)).toBe(step! + 1)
		expect(acceptTotpCode(secret, totpCode(secret, now - 90_000), null, now)).toBeNull()
		expect(acceptTotpCode(secret, '12345', null, now)).toBeNull()
	})

	it('writes an otpauth URI with the issuer and account', () => {
		const uri = new URL(totpAuthUri('ABC', 'a@b.ch', 'Anlaufstelle'))
		expect(uri.protocol).toBe('otpauth:')
		expect(uri.host).toBe('totp')
		expect(decodeURIComponent(uri.pathname)).toBe('/Anlaufstelle:a@b.ch')
		expect(uri.searchParams.get('secret')).toBe('ABC')
		expect(uri.searchParams.get('issuer')).toBe('Anlaufstelle')
	})
})
