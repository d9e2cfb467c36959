import { expect, test } from 'vitest'
import { BusyError, BusyGate } from './busy-gate.server'
import { argon2GateLimits, throughArgon2Gate } from './crypto/argon2-gate.server'

/** Runs `count` pieces of work at once through the gate; how many ran together at most, and the outcomes. */
async function burst(run: (work: () => Promise<void>) => Promise<void>, count: number) {
	let running = 0
	let most = 0
	const outcomes = await Promise.allSettled(
		Array.from({ length: count }, () =>
			run(async () => {
				running++
				most = Math.max(most, running)
				await new Promise((resolve) => setTimeout(resolve, 20))
				running--
			}),
		),
	)
	const busy = outcomes.filter(
		(outcome) => outcome.status === 'rejected' && outcome.reason instanceof BusyError,
	).length
	return { most, busy, done: outcomes.filter((outcome) => outcome.status === 'fulfilled').length }
}

test('a gate runs so many at once, queues so many, and tells the rest "busy" at once', async () => {
	const gate = new BusyGate(2, 5)
	expect(await burst((work) => gate.run(work), 10)).toEqual({ most: 2, busy: 3, done: 7 })
	// Nothing is left taken: the next burst gets the same.
	expect(await burst((work) => gate.run(work), 10)).toEqual({ most: 2, busy: 3, done: 7 })
})

test('at most two Argon2 runs at once, whatever the cores: at 64 MiB each, 128 MiB at most', async () => {
	expect(argon2GateLimits()).toEqual({ runningAtMost: 2, waitingAtMost: 32 })
	expect(await burst(throughArgon2Gate, 40)).toEqual({ most: 2, busy: 6, done: 34 })
})
