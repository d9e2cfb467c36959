// The fuzz properties of tests/fuzz/actions.fuzz.ts on a small sample, so
// that every `npm test` throws a few hundred hostile posts at the actions.
// `npm run fuzz` runs the same file with FUZZ_RUNS=2500 (scripts/fuzz.ts).
import { beforeAll, describe, expect, test } from 'vitest'
import { formatResult, FUZZ_PROPERTIES, setUpOffice, type FuzzResult } from '../fuzz/actions.fuzz'

declare module 'vitest' {
	interface TaskMeta {
		fuzz?: FuzzResult
	}
}

const BASE_RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined

beforeAll(setUpOffice)

describe('fuzzing the actions', () => {
	for (const property of FUZZ_PROPERTIES) {
		const runs = property.runs(BASE_RUNS)
		// A run takes a few milliseconds; a megabyte body or a login up to ~150 ms.
		test(
			property.name,
			async ({ task }) => {
				const result = await property.run(runs, SEED)
				task.meta.fuzz = result
				console.log(formatResult(result))
				expect(result.failures, formatResult(result)).toBe(0)
			},
			30_000 + runs * 300,
		)
	}
})
