// What a staff login costs at the chosen Argon2id cost (decision 0016),
// measured over HTTP: one login at a time, then 32 at once, with the peak
// resident memory of the serving process during those 32. Three servers:
// the baseline, a bare endpoint doing the login's password work as it was
// before (verifier and key at 19 MiB, 2 passes); the same bare endpoint at
// the current cost (one unwrap, no verifier); and the app itself
// (POST /staff/login, the production build, as started for the soak).
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { argon2GateLimits } from '../../app/platform/crypto/argon2-gate.server.ts'
import { KEY_COST, wrapWithPassword } from '../../app/platform/crypto/password-wrap.server.ts'
import { percentiles, sample, type Timing } from './timing.ts'
import { residentMiB } from './soak.ts'

const SEQUENTIAL = { runs: 20, warmUp: 2 }
export const CONCURRENT_LOGINS = 32
export const LOGIN_RUNS = SEQUENTIAL.runs
const PASSWORD = 'Kaffeetasse Regenschirm Pinguin Abendrot'

const gate = argon2GateLimits()
export const LOGIN_COST = `key m=${KEY_COST.memoryKiB} KiB t=${KEY_COST.passes} p=${KEY_COST.parallelism}, no verifier; baseline verifier and key m=19456 KiB t=2 p=1; gate ${gate.runningAtMost} running, ${gate.waitingAtMost} waiting`

export type LoginFigures = {
	one: Timing
	burst: Timing & { seconds: number; failed: number }
	idleMiB: number
	peakMiB: number
}

/**
 * The kernel's peak resident memory of a process since the last reset
 * (VmHWM); writing 5 to clear_refs resets it to the current size.
 */
function resetPeak(pid: number) {
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
}
function peakMiB(pid: number): number {
	const kB = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
	if (!kB) throw new Error(`no VmHWM for process ${pid}`)
	return Number(kB) / 1024
}

async function measure(options: {
	pid: number
	/** One login; `index` tells the concurrent ones apart (their own account and client). */
	login: (index: number) => Promise<boolean>
}): Promise<LoginFigures> {
	const { pid, login } = options
	const one = percentiles(
		await sample(async () => {
			if (!(await login(0))) throw new Error('a single login failed')
		}, SEQUENTIAL),
	)
	await new Promise((resolve) => setTimeout(resolve, 2_000))
	const idleMiB = residentMiB(pid)
	resetPeak(pid)
	const samples: number[] = []
	let failed = 0
	const start = performance.now()
	await Promise.all(
		Array.from({ length: CONCURRENT_LOGINS }, async (_, index) => {
			const started = performance.now()
			if (!(await login(index + 1))) failed++
			samples.push(performance.now() - started)
		}),
	)
	const seconds = (performance.now() - start) / 1_000
	return {
		one,
		burst: { ...percentiles(samples), seconds, failed },
		idleMiB,
		peakMiB: peakMiB(pid),
	}
}

const post = (url: string, fields: Record<string, string>, clientAddress: string) =>
	fetch(url, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { 'x-forwarded-for': clientAddress },
	}).then((response) => response.status === 302)

async function startLoginServer(variant: 'old' | 'current') {
	const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'login-server.ts')
	// The malloc settings of server/start.sh, so that both free memory alike.
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, variant], {
		env: {
			...process.env,
			BENCH_PASSWORD: PASSWORD,
			MALLOC_ARENA_MAX: '2',
			MALLOC_MMAP_THRESHOLD_: '131072',
		},
		stdio: ['ignore', 'pipe', 'inherit'],
	})
	const port = await new Promise<number>((resolve, reject) => {
		let output = ''
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8')
			const found = /listening (\d+)/.exec(output)
			if (found) resolve(Number(found[1]))
		})
		child.once('exit', (code) => reject(new Error(`the ${variant} login server exited: ${code}`)))
	})
	return {
		url: `http://127.0.0.1:${port}/`,
		pid: child.pid!,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve())
				child.kill('SIGTERM')
			}),
	}
}

async function measureBare(variant: 'old' | 'current'): Promise<LoginFigures> {
	const server = await startLoginServer(variant)
	try {
		return await measure({
			pid: server.pid,
			login: () => post(server.url, { password: PASSWORD }, '127.0.0.1'),
		})
	} finally {
		await server.stop()
	}
}

/**
 * Accounts for the app's logins, one per concurrent login (each its own
 * per-account counter), all with one wrap at the current cost: only
 * unwrapping it is measured, so one Argon2 run makes them all.
 */
async function seedLoginAccounts(databaseUrl: string): Promise<string[]> {
	const { wrapped, salt, cost } = await wrapWithPassword(randomBytes(32), PASSWORD)
	const emails = Array.from(
		{ length: CONCURRENT_LOGINS + 1 },
		(_, index) => `login-${index}@bench.example`,
	)
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		for (const email of emails) {
			await client.query(
				`INSERT INTO "StaffUser" ("id", "email", "displayName", "role", "publicKey",
					"wrappedPrivateKey", "keySalt", "keyMemoryKiB", "keyPasses", "keyParallelism", "updatedAt")
				VALUES ($1, $2, $2, 'COUNSELLOR', $3, $4, $5, $6, $7, $8, now())`,
				[
					randomUUID(),
					email,
					randomBytes(32),
					wrapped,
					salt,
					cost.memoryKiB,
					cost.passes,
					cost.parallelism,
				],
			)
		}
	} finally {
		await client.end()
	}
	return emails
}

export async function measureLogin(app: { url: string; pid: number; databaseUrl: string }) {
	const emails = await seedLoginAccounts(app.databaseUrl)
	const baseline = await measureBare('old')
	const bare = await measureBare('current')
	const login = await measure({
		pid: app.pid,
		// Each concurrent login from its own client address (TRUST_PROXY=1):
		// 32 from one would meet the per-client limit of failed sign-ins.
		login: (index) =>
			post(
				`${app.url}/staff/login`,
				{ email: emails[index]!, password: PASSWORD },
				`198.51.100.${index + 1}`,
			),
	})
	return { baseline, bare, login }
}
