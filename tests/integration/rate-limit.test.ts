import { describe, expect, test } from 'vitest'
import {
	countOf,
	deleteExpiredCounters,
	isLimited,
	record,
	reset,
	type RateLimit,
} from '~/features/rate-limit/rate-limit.server'

const rule: RateLimit = { bucket: 'test', limit: 3, windowSeconds: 60 }
const client = (n: number) => Buffer.alloc(32, n)

describe('rate limits in PostgreSQL', () => {
	test('count per client and window; a reset clears the client', async () => {
		const now = new Date('2026-11-28T10:00:10Z')
		for (let i = 0; i < 3; i++) await record(rule, client(1), now)
		expect(await isLimited(rule, client(1), now)).toBe(true)
		expect(await isLimited(rule, client(2), now)).toBe(false)
		expect(await isLimited(rule, client(1), new Date('2026-11-28T10:01:10Z'))).toBe(false)
		await reset(rule, client(1))
		expect(await countOf(rule, client(1), now)).toBe(0)
	})

	test('concurrent hits (as from several instances) are all counted', async () => {
		const now = new Date('2026-11-28T11:00:00Z')
		const counts = await Promise.all(Array.from({ length: 25 }, () => record(rule, client(3), now)))
		expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
	})

	test('counters of windows long past are removed', async () => {
		const old = new Date(Date.now() - 3 * 3600_000)
		await record(rule, client(4), old)
		await record(rule, client(5))
		expect(await deleteExpiredCounters()).toBeGreaterThanOrEqual(1)
		expect(await countOf(rule, client(4), old)).toBe(0)
		expect(await countOf(rule, client(5))).toBe(1)
	})
})
