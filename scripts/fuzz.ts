// `npm run fuzz`: the fuzz properties of tests/fuzz/actions.fuzz.ts with
// FUZZ_RUNS runs per property (default 2,500; the login property runs a
// tenth), over 10,000 hostile posts in all, against a real PostgreSQL.
// FUZZ_SEED replays a run. Prints each property's runs and failures and
// exits non-zero when any failed.
//
// Why through Vitest and not tsx alone: the app's modules load their
// translations with Vite's `import.meta.glob` (app/platform/i18n/resources.server.ts),
// which plain Node cannot run. So this drives Vitest's Node API with the
// project's config, whose global setup starts the test PostgreSQL
// (tests/support/postgres.ts) and migrates a template database
// (server/migrations.ts), and whose setup file gives the test file its own
// copy and sets DATABASE_URL, HASH_PEPPER and SESSION_SECRET before any app
// module loads. The same file runs a small sample in `npm test`.
import type { RunnerTask } from 'vitest'
import { startVitest } from 'vitest/node'
import type { FuzzResult } from '../tests/fuzz/actions.fuzz.ts'

process.env.FUZZ_RUNS ??= '2500'
const started = Date.now()

const vitest = await startVitest('test', ['tests/integration/fuzz.test.ts'], {
	run: true,
	watch: false,
})

const results: FuzzResult[] = []
const collect = (task: RunnerTask) => {
	const result = (task.meta as { fuzz?: FuzzResult }).fuzz
	if (result) results.push(result)
	if ('tasks' in task) task.tasks.forEach(collect)
}
vitest.state.getFiles().forEach(collect)
const failedTests = vitest.state.getCountOfFailedTests()
await vitest.close()

const seconds = Math.round((Date.now() - started) / 1000)
const total = results.reduce((sum, result) => sum + result.runs, 0)
const failures = results.reduce((sum, result) => sum + result.failures, 0)
console.log('\nFuzzing summary')
for (const result of results)
	console.log(`  ${result.name}: ${result.runs} runs, ${result.failures} failures`)
console.log(`  ${total} cases in ${seconds} s, ${failures} failures`)

// A property that never reported (it crashed before) counts as a failure too.
process.exitCode = failures > 0 || failedTests > 0 || results.length === 0 ? 1 : 0
