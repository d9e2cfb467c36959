import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sameOriginGuard } from './same-origin-guard.ts'

async function serve(trustProxy: number) {
	const app = express()
	app.set('trust proxy', trustProxy)
	app.use(sameOriginGuard)
	app.all('/form', (req, res) => void res.json({ origin: req.headers.origin ?? null }))
	const server = app.listen(0, '127.0.0.1')
	await once(server, 'listening')
	return {
		base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => server.close(),
	}
}

let base: string
let behindProxy: string
const closers: Array<() => void> = []
beforeAll(async () => {
	const direct = await serve(0)
	const proxied = await serve(1)
	base = direct.base
	behindProxy = proxied.base
	closers.push(direct.close, proxied.close)
})
afterAll(() => closers.forEach((close) => close()))

const post = (headers: Record<string, string>, to = base) =>
	fetch(`${to}/form`, { method: 'POST', headers })

describe('sameOriginGuard', () => {
	test('a post from this site passes, with or without the browser headers', async () => {
		expect((await post({ Origin: base, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
		expect((await post({})).status).toBe(200)
	})

	test('a post from another site is refused', async () => {
		expect(
			(await post({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status,
		).toBe(403)
		expect((await post({ Origin: 'https://evil.example' })).status).toBe(403)
		expect((await post({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403)
	})

	test('Origin: null (sent under no-referrer) passes only as same-origin, and is removed', async () => {
		const ok = await post({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })
		expect(await ok.json()).toEqual({ origin: null })
		expect((await post({ Origin: 'null' })).status).toBe(403)
	})

	test('X-Forwarded-Host counts only behind a trusted proxy', async () => {
		const forged = { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' }
		expect((await post(forged)).status).toBe(403)
		expect((await post(forged, behindProxy)).status).toBe(200)
		const proxied = { Origin: 'https://office.example', 'X-Forwarded-Host': 'office.example' }
		expect((await post(proxied, behindProxy)).status).toBe(200)
	})

	test('reading is never refused', async () => {
		expect(
			(await fetch(`${base}/form`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status,
		).toBe(200)
	})
})
