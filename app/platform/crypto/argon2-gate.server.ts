// Argon2 is slow and memory-hungry on purpose. A burst of logins must not
// run dozens of hashes at once: at most one per core runs, a bounded number
// wait, and the rest are turned away at once (the page says "busy, try
// again") instead of exhausting memory. docs/decisions/0008-argon2-cost.md.
import os from 'node:os'

export class Argon2BusyError extends Error {
	constructor() {
		super('too many password hashes are waiting')
	}
}

const RUNNING_AT_MOST = Math.max(2, os.availableParallelism())
const WAITING_AT_MOST = 64

let running = 0
const waiting: Array<() => void> = []

/** Runs one hash when a slot is free; throws Argon2BusyError when the queue is full. */
export async function throughArgon2Gate<T>(work: () => Promise<T>): Promise<T> {
	if (running >= RUNNING_AT_MOST) {
		if (waiting.length >= WAITING_AT_MOST) throw new Argon2BusyError()
		await new Promise<void>((resolve) => waiting.push(resolve))
	} else {
		running++
	}
	try {
		return await work()
	} finally {
		// Hand the slot straight to the next in line, or free it.
		const next = waiting.shift()
		if (next) next()
		else running--
	}
}

export function argon2GateLimits() {
	return { runningAtMost: RUNNING_AT_MOST, waitingAtMost: WAITING_AT_MOST }
}
