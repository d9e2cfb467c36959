import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import express from 'express'
import { pino } from 'pino'
import { expect, test } from 'vitest'
import { loggablePath, requestLog } from './request-log.ts'

test('a request is logged without address, user agent, query, cookies or body', async () => {
	const lines: string[] = []
	const sink = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk))
			done()
		},
	})
	const app = express()
	app.set('trust proxy', 1)
	app.use(requestLog(pino({ base: undefined }, sink)))
	app.post('/follow-up', (_req, res) => void res.status(303).end())
	const server = app.listen(0, '127.0.0.1')
	await once(server, 'listening')
	const { port } = server.address() as AddressInfo
	try {
		await fetch(`http://127.0.0.1:${port}/follow-up?code=ABCD-EFGH`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'User-Agent': 'Distinctive-Agent/1.0',
				'X-Forwarded-For': '203.0.113.77',
				Cookie: 'session=secret-cookie',
			},
			body: 'narrative=distinctive story',
		})
	} finally {
		server.close()
	}
	await new Promise((resolve) => setImmediate(resolve))
	const log = lines.join('')
	expect(JSON.parse(lines[0]!)).toMatchObject({ method: 'POST', path: '/follow-up', status: 303 })
	for (const trace of [
		'Distinctive-Agent',
		'203.0.113.77',
		'127.0.0.1',
		'ABCD-EFGH',
		'secret-cookie',
		'distinctive story',
	]) {
		expect(log).not.toContain(trace)
	}
})

test('the token of a setup link never reaches the log', () => {
	expect(loggablePath('/setup/Zx81-secret-token')).toBe('/setup/…')
	expect(loggablePath('/setup/Zx81-secret-token.data')).toBe('/setup/…')
})

test('the token of an invitation link never reaches the log', () => {
	expect(loggablePath('/staff/invitation/9tQ2-secret-token')).toBe('/staff/invitation/…')
	expect(loggablePath('/staff/invitation/9tQ2-secret-token.data')).toBe('/staff/invitation/…')
	expect(loggablePath('/staff/cases/2026-ABCDE')).toBe('/staff/cases/2026-ABCDE')
})
