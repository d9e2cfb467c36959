import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sameOriginGuard } from './same-origin-guard.ts'

let base: string
let close: () => void
beforeAll(async () => {
	const app = express()
	app.use(sameOriginGuard)
	app.all('/form', (req, res) => void res.json({ origin: req.headers.origin ?? null }))
	const server = app.listen(0, '127.0.0.1')
	await once(server, 'listening')
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})
afterAll(() => close())

const post = (headers: Record<string, string>) => fetch(`${base}/form`, { method: 'POST', headers })

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

	test('reading is never refused', async () => {
		expect(
			(await fetch(`${base}/form`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status,
		).toBe(200)
	})
})
