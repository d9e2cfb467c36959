import { describe, expect, it } from 'vitest'
import {
	acceptTotpCode,
	base32Decode,
	base32Encode,
	hotp,
	newTotpSecret,
	totpAuthUri,
	totpCode,
} from './totp-code'

describe('TOTP', () => {
	it('matches the test vectors of RFC 4226 (HOTP) and RFC 6238 (SHA-1)', () => {
		const key = Buffer.from('12345678901234567890')
		const expected = ['755224', '287082', '359152', '969429', '338314']
		expected.forEach((code, counter) => expect(hotp(key, counter)).toBe(code))
		// RFC 6238 appendix B, 8 digits, SHA-1.
		expect(hotp(key, Math.floor(59 / 30), 8)).toBe('94287082')
		expect(hotp(key, Math.floor(1111111109 / 30), 8)).toBe('07081804')
		expect(hotp(key, Math.floor(2000000000 / 30), 8)).toBe('69279037')
	})

	it('round-trips base32 as authenticator apps read it', () => {
		const bytes = Buffer.from('12345678901234567890')
		expect(base32Encode(bytes)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
		expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(bytes)
		expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/)
	})

	it('accepts the current code and one step of drift, once', () => {
		const secret = newTotpSecret()
		const now = 1_800_000_000_000
		const step = acceptTotpCode(secret, totpCode(secret, now), null, now)
		expect(step).toBe(Math.floor(now / 30_000))
		expect(acceptTotpCode(secret, totpCode(secret, now), step, now)).toBeNull()
		expect(acceptTotpCode(secret, totpCode(secret, now - 30_000), null, now)).toBe(step! - 1)
		expect(acceptTotpCode(secret, totpCode(secret, now - 90_000), null, now)).toBeNull()
		expect(acceptTotpCode(secret, '12345', null, now)).toBeNull()
	})

	it('writes an otpauth URI with the issuer and account', () => {
		const uri = totpAuthUri('ABC', 'a@b.ch', 'Anlaufstelle')
		expect(uri).toBe(
			'otpauth://totp/Anlaufstelle%3Aa%40b.ch?secret=ABC&issuer=Anlaufstelle&algorithm=SHA1&digits=6&period=30',
		)
	})
})
