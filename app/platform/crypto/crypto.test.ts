import { describe, expect, test } from 'vitest'
import { decrypt, encrypt, newSymmetricKey } from './aead.server'
import { decryptCaseText, encryptCaseField } from './case-fields.server'
import {
	followUpLookupHash,
	formatFollowUpCode,
	generateFollowUpCode,
	normalizeFollowUpCode,
	reporterKeyPair,
} from './follow-up-code.server'
import { generateKeyPair, openSealed, sealTo } from './key-pairs.server'
import { unwrapWithPassword, wrapWithPassword } from './password-wrap.server'

describe('AES-256-GCM', () => {
	test('round trip, fresh nonce each time', () => {
		const key = newSymmetricKey()
		const a = encrypt(key, 'ad', 'Ich wurde beschimpft')
		const b = encrypt(key, 'ad', 'Ich wurde beschimpft')
		expect(a.equals(b)).toBe(false)
		expect(decrypt(key, 'ad', a).toString()).toBe('Ich wurde beschimpft')
	})

	test('a wrong key, other associated data or a flipped bit fail', () => {
		const key = newSymmetricKey()
		const sealed = encrypt(key, 'case:1:narrative', 'text')
		expect(() => decrypt(newSymmetricKey(), 'case:1:narrative', sealed)).toThrow()
		expect(() => decrypt(key, 'case:2:narrative', sealed)).toThrow()
		const flipped = Buffer.from(sealed)
		flipped[20] = flipped[20]! ^ 1
		expect(() => decrypt(key, 'case:1:narrative', flipped)).toThrow()
	})

	test('a field cannot be moved to another case or field', () => {
		const key = newSymmetricKey()
		const sealed = encryptCaseField(key, 'case-a', 'narrative', 'story')
		expect(decryptCaseText(key, 'case-a', 'narrative', sealed)).toBe('story')
		expect(() => decryptCaseText(key, 'case-b', 'narrative', sealed)).toThrow()
		expect(() => decryptCaseText(key, 'case-a', 'place', sealed)).toThrow()
	})
})

describe('sealed boxes', () => {
	test('only the recipient opens a wrapped case key', () => {
		const recipient = generateKeyPair()
		const caseKey = newSymmetricKey()
		const sealed = sealTo(recipient.publicKey, caseKey)
		expect(openSealed(sealed, recipient)?.equals(caseKey)).toBe(true)
		expect(openSealed(sealed, generateKeyPair())).toBeNull()
	})
})

describe('follow-up code', () => {
	test('20 characters without look-alikes, formatted in groups of four', () => {
		const code = generateFollowUpCode()
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/)
		expect(formatFollowUpCode(code)).toMatch(/^(.{4}-){4}.{4}$/)
	})

	test('codes do not repeat (100 bits of entropy)', () => {
		const codes = new Set(Array.from({ length: 10_000 }, generateFollowUpCode))
		expect(codes.size).toBe(10_000)
	})

	test('read back leniently: case, spaces, hyphens and look-alikes', () => {
		const code = '0123456789ABCDEFGHJK'
		expect(normalizeFollowUpCode(' o123-4567 89ab-cdef ghjk ')).toBe(code)
		expect(normalizeFollowUpCode('0I23456789ABCDEFGHJK')).toBe('01' + code.slice(2))
		expect(normalizeFollowUpCode('too short')).toBeNull()
		expect(normalizeFollowUpCode('0123456789ABCDEFGHJU')).toBeNull()
	})

	test('the lookup hash needs the pepper and covers the whole code', () => {
		const code = generateFollowUpCode()
		expect(followUpLookupHash(code, 'p1').equals(followUpLookupHash(code, 'p2'))).toBe(false)
		const lastDiffers = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0')
		expect(followUpLookupHash(lastDiffers, 'p1').equals(followUpLookupHash(code, 'p1'))).toBe(false)
	})

	test('the code derives the same key pair every time; another code another one', () => {
		const code = generateFollowUpCode()
		expect(reporterKeyPair(code).publicKey.equals(reporterKeyPair(code).publicKey)).toBe(true)
		expect(
			reporterKeyPair(code).publicKey.equals(reporterKeyPair(generateFollowUpCode()).publicKey),
		).toBe(false)
	})
})

describe('password-wrapped private key', () => {
	test('opens with the password only', async () => {
		const { privateKey } = generateKeyPair()
		const wrapped = await wrapWithPassword(privateKey, 'correct horse battery staple')
		expect(wrapped.cost).toEqual({ memoryKiB: 65_536, passes: 3, parallelism: 1 })
		expect(
			(await unwrapWithPassword(wrapped, 'correct horse battery staple'))?.equals(privateKey),
		).toBe(true)
		expect(await unwrapWithPassword(wrapped, 'correct horse battery stapler')).toBeNull()
		// The cost is part of the key: the same salt at another cost opens nothing.
		expect(
			await unwrapWithPassword(
				{ ...wrapped, cost: { ...wrapped.cost, passes: 4 } },
				'correct horse battery staple',
			),
		).toBeNull()
	})
})

describe('recovery key', () => {
	test('the printed text gives back the key pair', async () => {
		const { generateRecoveryKey, parseRecoveryKey } = await import('./recovery-key.server')
		const { keyPair, sheetText } = generateRecoveryKey()
		expect(sheetText).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/)
		const parsed = parseRecoveryKey(sheetText.toLowerCase().replaceAll('-', ' '))
		expect(parsed?.publicKey.equals(keyPair.publicKey)).toBe(true)
		expect(parseRecoveryKey(sheetText.slice(0, -1))).toBeNull()
	})
})
