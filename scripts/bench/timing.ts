// Latency samples of in-process measurements, and their percentiles.
import { performance } from 'node:perf_hooks'

export type Timing = { p50: number; p95: number }

/** Nearest-rank percentiles, in milliseconds. */
export function percentiles(samples: readonly number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b)
	const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN
	return { p50: at(0.5), p95: at(0.95) }
}

/**
 * Runs `work` one call at a time and returns how long each measured call
 * took. The first calls are not measured: they pay for connections, query
 * plans and JIT compilation that a running server has long paid for.
 */
export async function sample(
	work: () => Promise<unknown>,
	{ runs, warmUp }: { runs: number; warmUp: number },
): Promise<number[]> {
	for (let i = 0; i < warmUp; i++) await work()
	const samples: number[] = []
	for (let i = 0; i < runs; i++) {
		const start = performance.now()
		await work()
		samples.push(performance.now() - start)
	}
	return samples
}

/** `concurrency` calls at once, `rounds` times: the rate and each call's latency. */
export async function burst(
	work: () => Promise<unknown>,
	{ concurrency, rounds }: { concurrency: number; rounds: number },
): Promise<Timing & { perSecond: number }> {
	const samples: number[] = []
	const start = performance.now()
	for (let round = 0; round < rounds; round++) {
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				const started = performance.now()
				await work()
				samples.push(performance.now() - started)
			}),
		)
	}
	const seconds = (performance.now() - start) / 1_000
	return { ...percentiles(samples), perSecond: samples.length / seconds }
}
