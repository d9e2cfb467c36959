// Work that is slow or memory-hungry on purpose (Argon2, the password
// strength estimate) must not run without bound when a burst arrives: a gate
// lets a fixed number run, a bounded number wait their turn in order, and
// turns the rest away at once (the page says "busy, try again") instead of
// exhausting memory or the cores.

export class BusyError extends Error {
	constructor() {
		super('too much of this work is waiting already')
	}
}

export class BusyGate {
	#running = 0
	readonly #waiting: Array<() => void> = []

	constructor(
		readonly runningAtMost: number,
		readonly waitingAtMost: number,
	) {}

	/** Runs `work` when a place is free; throws BusyError when the queue is full. */
	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#running >= this.runningAtMost) {
			if (this.#waiting.length >= this.waitingAtMost) throw new BusyError()
			await new Promise<void>((resolve) => this.#waiting.push(resolve))
		} else {
			this.#running++
		}
		try {
			return await work()
		} finally {
			// Hand the place straight to the next in line, or free it.
			const next = this.#waiting.shift()
			if (next) next()
			else this.#running--
		}
	}
}
