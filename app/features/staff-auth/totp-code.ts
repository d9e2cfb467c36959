// Time-based one-time passwords exactly as RFC 6238 and every authenticator
// app define them: HMAC-SHA-1, 30-second steps, 6 digits, RFC 4226's
// dynamic truncation. A code is accepted one step early or late (clock
// drift) and never twice: the accepted step is remembered.
// (@epic-web/totp 2.2 truncates differently from RFC 4226 and so disagrees
// with authenticator apps; the test checks the RFC's own vectors.)
// Plain Node, no app imports: the end-to-end tests compute codes with it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const PERIOD_SECONDS = 30
const DIGITS = 6
const DRIFT_STEPS = 1

export function newTotpSecret(): string {
	// 160 bits, the size RFC 4226 recommends.
	return base32Encode(randomBytes(20))
}

export function totpAuthUri(secret: string, accountName: string, issuer: string): string {
	const label = encodeURIComponent(`${issuer}:${accountName}`)
	const query = new URLSearchParams({
		secret,
		issuer,
		algorithm: 'SHA1',
		digits: String(DIGITS),
		period: String(PERIOD_SECONDS),
	})
	return `otpauth://totp/${label}?${query}`
}

export const stepAt = (now: number) => Math.floor(now / 1000 / PERIOD_SECONDS)

/** RFC 4226's HOTP value for one counter. */
export function hotp(key: Buffer, counter: number, digits = DIGITS): string {
	const message = Buffer.alloc(8)
	message.writeBigUInt64BE(BigInt(counter))
	const mac = createHmac('sha1', key).update(message).digest()
	const offset = mac[mac.length - 1]! & 0xf
	const binary = mac.readUInt32BE(offset) & 0x7fffffff
	return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The code for a moment (the demo's instructions and the tests use it). */
export function totpCode(secret: string, now = Date.now()): string {
	return hotp(base32Decode(secret), stepAt(now))
}

/**
 * The time step the code belongs to, or null when it is wrong or its step
 * is not after `lastStep` (a code seen once is spent).
 */
export function acceptTotpCode(
	secret: string,
	input: string,
	lastStep: number | null,
	now = Date.now(),
): number | null {
	const code = input.replace(/[\s-]+/g, '')
	if (!/^\d{6}$/.test(code)) return null
	const key = base32Decode(secret)
	const current = stepAt(now)
	for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
		if (lastStep !== null && step <= lastStep) continue
		if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code))) return step
	}
	return null
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function base32Encode(bytes: Uint8Array): string {
	let bits = 0
	let value = 0
	let out = ''
	for (const byte of bytes) {
		value = ((value << 8) | byte) & 0xffff
		bits += 8
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31]
			bits -= 5
		}
	}
	if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
	return out
}

export function base32Decode(text: string): Buffer {
	const clean = text.toUpperCase().replace(/[\s=]+/g, '')
	const out: number[] = []
	let bits = 0
	let value = 0
	for (const char of clean) {
		const index = BASE32.indexOf(char)
		if (index < 0) throw new Error('not a base32 secret')
		value = ((value << 5) | index) & 0xffff
		bits += 5
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 0xff)
			bits -= 8
		}
	}
	return Buffer.from(out)
}
