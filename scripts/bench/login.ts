// What a staff login costs the server at the chosen Argon2 parameters: the
// password check and the unwrapping of the private key, each one Argon2id
// run through the app's gate, against a baseline of one bare argon2.hash at
// OWASP's minimum profile.
import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'
import { argon2GateLimits } from '../../app/platform/crypto/argon2-gate.server.ts'
import {
	hashPassword,
	PASSWORD_HASHING,
	verifyPassword,
} from '../../app/platform/crypto/password-hash.server.ts'
import {
	KEY_DERIVATION,
	unwrapWithPassword,
	wrapWithPassword,
} from '../../app/platform/crypto/password-wrap.server.ts'
import { burst, percentiles, sample, type Timing } from './timing.ts'

const SEQUENTIAL = { runs: 20, warmUp: 2 }
const CONCURRENT = { concurrency: 32, rounds: 2 }

const OWASP_MINIMUM = {
	type: argon2.argon2id,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
} as const

export type LoginResult = {
	baseline: Timing
	baselineBurst: Timing & { perSecond: number }
	login: Timing
	loginBurst: Timing & { perSecond: number }
}

const describe = (p: { memoryCost: number; timeCost: number; parallelism: number }) =>
	`m=${p.memoryCost} KiB t=${p.timeCost} p=${p.parallelism}`

const gate = argon2GateLimits()
export const LOGIN_COST = `verifier ${describe(PASSWORD_HASHING)}, key ${describe(KEY_DERIVATION)}; gate ${gate.runningAtMost} running, ${gate.waitingAtMost} waiting`
export const LOGIN_RUNS = SEQUENTIAL.runs
export const CONCURRENT_LOGINS = CONCURRENT.concurrency

export async function measureLogin(): Promise<LoginResult> {
	const password = 'correct horse battery staple'
	const [hash, { wrapped, salt }] = await Promise.all([
		hashPassword(password),
		wrapWithPassword(randomBytes(32), password),
	])
	// In the order login.server.ts does it: the key is unwrapped only after
	// the password has been verified.
	const login = async () => {
		if (!(await verifyPassword(hash, password))) throw new Error('the password did not verify')
		;(await unwrapWithPassword(wrapped, salt, password)).fill(0)
	}
	const bareHash = () => argon2.hash(password, OWASP_MINIMUM)
	return {
		baseline: percentiles(await sample(bareHash, SEQUENTIAL)),
		login: percentiles(await sample(login, SEQUENTIAL)),
		baselineBurst: await burst(bareHash, CONCURRENT),
		loginBurst: await burst(login, CONCURRENT),
	}
}
