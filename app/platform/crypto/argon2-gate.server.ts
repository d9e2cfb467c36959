// Argon2id takes 64 MiB and about half a second of one core per run
// (decision 0016). At most two run at once, whatever the number of cores:
// the hashing memory of a burst of sign-ins stays at 2 × 64 MiB = 128 MiB,
// and two of libuv's four threads stay free for the file system, zlib and
// the other crypto. 32 more wait (the last about 8 seconds on two cores);
// the rest are told "busy, try again" at once.
import { BusyGate } from '../busy-gate.server'

const RUNNING_AT_MOST = 2
const WAITING_AT_MOST = 32

const gate = new BusyGate(RUNNING_AT_MOST, WAITING_AT_MOST)

/** Runs one Argon2 computation when a place is free; throws BusyError when the queue is full. */
export function throughArgon2Gate<T>(work: () => Promise<T>): Promise<T> {
	return gate.run(work)
}

export function argon2GateLimits() {
	return { runningAtMost: RUNNING_AT_MOST, waitingAtMost: WAITING_AT_MOST }
}
