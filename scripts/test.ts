// `npm test`: typecheck, lint, build, Vitest (unit and integration against a
// real PostgreSQL), Playwright (end-to-end in Chromium against the production
// build). Every stage runs even when an earlier one failed, so one run shows
// everything; the last line sums the tests, `N passed, N failed`, with a
// failed check stage counted as one failed test.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureFreshBuild } from '../server/dev/build.ts'

const REPORTS = path.resolve('.cache', 'test-reports')
fs.rmSync(REPORTS, { recursive: true, force: true })
fs.mkdirSync(REPORTS, { recursive: true })

const failedStages: string[] = []

function stage(name: string, command: string, args: string[], env: Record<string, string> = {}) {
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
	if (result.status !== 0) failedStages.push(name)
}

stage('typecheck', 'npx', ['--no-install', 'tsc'])
stage('lint', 'npx', ['--no-install', 'eslint', '.'])
stage('format', 'npx', ['--no-install', 'prettier', '--check', '.'])

console.log('\n=== build')
try {
	ensureFreshBuild((message) => console.log(message))
} catch (error) {
	console.error((error as Error).message)
	failedStages.push('build')
}

const vitestReport = path.join(REPORTS, 'vitest.json')
stage('vitest', 'npx', [
	'--no-install',
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestReport}`,
])

const playwrightReport = path.join(REPORTS, 'playwright.json')
stage('playwright', 'npx', ['--no-install', 'playwright', 'test'], {
	PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
})

function readJson<T>(file: string): T | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as T
	} catch {
		return undefined
	}
}

let passed = 0
let failed = 0
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestReport)
if (vitest) {
	passed += vitest.numPassedTests
	failed += vitest.numFailedTests
} else if (failedStages.includes('vitest')) {
	failed += 1
}
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
	playwrightReport,
)
if (playwright) {
	passed += playwright.stats.expected + playwright.stats.flaky
	failed += playwright.stats.unexpected
} else if (failedStages.includes('playwright')) {
	failed += 1
}

// A failed check (typecheck, lint, format, build) counts as one failure, so
// that the summary never reads "0 failed" for a run that failed.
const failedChecks = failedStages.filter((name) => name !== 'vitest' && name !== 'playwright')
failed += failedChecks.length

console.log('')
if (failedStages.length) console.log(`failed stages: ${failedStages.join(', ')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failedStages.length || failed ? 1 : 0)
