// A bare Node HTTP endpoint that does only a login's password work, in a
// process of its own so that its memory can be read: `old`, the baseline,
// is the login as it was before decision 0016 (an Argon2id verifier, then
// the key's Argon2id derivation, both at 19 MiB and 2 passes, through a
// gate of max(2, cores) running and 64 waiting); `current` is one unwrap
// at the app's cost through the app's own gate. No framework, no
// database. Prints `listening <port>` when ready. Run by login.ts.
import http from 'node:http'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'
import { BusyGate } from '../../app/platform/busy-gate.server.ts'
import { decrypt, encrypt } from '../../app/platform/crypto/aead.server.ts'
import {
	unwrapWithPassword,
	wrapWithPassword,
} from '../../app/platform/crypto/password-wrap.server.ts'

const variant = process.argv[2]
const password = process.env.BENCH_PASSWORD ?? ''
if ((variant !== 'old' && variant !== 'current') || !password) {
	throw new Error('usage: login-server.ts old|current, with BENCH_PASSWORD')
}

const OLD_COST = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const
const oldGate = new BusyGate(Math.max(2, os.availableParallelism()), 64)

async function oldLogin(): Promise<(typed: string) => Promise<boolean>> {
	const verifier = await argon2.hash(password, OLD_COST)
	const salt = randomBytes(16)
	const keyOf = (typed: string) =>
		oldGate.run(() => argon2.hash(typed, { ...OLD_COST, salt, hashLength: 32, raw: true }))
	const wrapped = encrypt(await keyOf(password), 'staff-private-key', randomBytes(32))
	return async (typed) => {
		if (!(await oldGate.run(() => argon2.verify(verifier, typed)))) return false
		decrypt(await keyOf(typed), 'staff-private-key', wrapped).fill(0)
		return true
	}
}

async function currentLogin(): Promise<(typed: string) => Promise<boolean>> {
	const wrapped = await wrapWithPassword(randomBytes(32), password)
	return async (typed) => {
		const opened = await unwrapWithPassword(wrapped, typed)
		opened?.fill(0)
		return opened !== null
	}
}

const login = variant === 'old' ? await oldLogin() : await currentLogin()

const server = http.createServer((req, res) => {
	const chunks: Buffer[] = []
	req.on('data', (chunk: Buffer) => chunks.push(chunk))
	req.on('end', () => {
		const typed = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('password')
		login(typed ?? '')
			.then((ok) => res.writeHead(ok ? 302 : 401).end())
			.catch(() => res.writeHead(503).end())
	})
})
server.listen(0, '127.0.0.1', () => {
	console.log(`listening ${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
