import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bodyLimitHandle, FORM_BODY_LIMIT } from '../app/platform/forms/body-limit.ts'
import { bodyLimits, refuseOversizedBodies } from './body-limit.ts'

const page = { default: () => null }
const CASE_LIMIT = 256 * 1024
const INTAKE_LIMIT = 58 * 1024 * 1024
const routes = {
	root: { id: 'root', path: '', module: page },
	'routes/_index': { id: 'routes/_index', parentId: 'root', index: true, module: page },
	'routes/$': { id: 'routes/$', parentId: 'root', path: '*', module: page },
	'routes/request': {
		id: 'routes/request',
		parentId: 'root',
		path: 'request',
		module: { handle: bodyLimitHandle(INTAKE_LIMIT) },
	},
	'routes/staff': { id: 'routes/staff', parentId: 'root', path: 'staff', module: page },
	'routes/staff._index': {
		id: 'routes/staff._index',
		parentId: 'routes/staff',
		index: true,
		module: page,
	},
	'routes/staff.login': {
		id: 'routes/staff.login',
		parentId: 'routes/staff',
		path: 'login',
		module: page,
	},
	'routes/staff.cases.$reference': {
		id: 'routes/staff.cases.$reference',
		parentId: 'routes/staff',
		path: 'cases/:reference',
		module: { handle: bodyLimitHandle(CASE_LIMIT) },
	},
	// A fixed segment where the case page has a parameter: the fixed one wins, as in Remix.
	'routes/staff.cases.inbox': {
		id: 'routes/staff.cases.inbox',
		parentId: 'routes/staff',
		path: 'cases/inbox',
		module: { handle: bodyLimitHandle(1024) },
	},
}
const build = { routes } as never

describe('the body limit of a request path', () => {
	const limitOf = bodyLimits(build)

	test('is the one its route declares, on the page and on its single-fetch data', () => {
		expect(limitOf('/request')).toBe(INTAKE_LIMIT)
		expect(limitOf('/request.data')).toBe(INTAKE_LIMIT)
		expect(limitOf('/request/')).toBe(INTAKE_LIMIT)
		expect(limitOf('/REQUEST')).toBe(INTAKE_LIMIT)
		expect(limitOf('/staff/cases/2026-K7F3Q')).toBe(CASE_LIMIT)
		expect(limitOf('/staff/cases/2026-K7F3Q.data')).toBe(CASE_LIMIT)
	})

	test('is matched decoded, as Remix matches it', () => {
		expect(limitOf('/requ%65st')).toBe(INTAKE_LIMIT)
		expect(limitOf('/requ%65st.data')).toBe(INTAKE_LIMIT)
		expect(limitOf('/%E0%A4%A')).toBe(FORM_BODY_LIMIT)
	})

	test('of the most specific route: a fixed segment before a parameter, the splat last', () => {
		expect(limitOf('/staff/cases/inbox')).toBe(1024)
		expect(limitOf('/request/more')).toBe(FORM_BODY_LIMIT)
	})

	test('is the ordinary form limit for routes that declare none and for unknown paths', () => {
		for (const path of [
			'/',
			'/_root.data',
			'/staff',
			'/staff.data',
			'/staff/login',
			'/staff/login.data',
			'/staff/cases/2026-K7F3Q/attachments/x',
			'/nowhere',
		]) {
			expect(limitOf(path), path).toBe(FORM_BODY_LIMIT)
		}
	})
})

describe('refuseOversizedBodies', () => {
	let base: URL
	let server: http.Server
	beforeAll(async () => {
		const app = express()
		app.use(refuseOversizedBodies(build))
		app.post('/answers-unread', (_req, res) => void res.send('ok'))
		app.post('*', (req, res) => {
			let read = 0
			req.on('data', (chunk: Buffer) => (read += chunk.byteLength))
			req.on('end', () => res.json({ read }))
		})
		server = app.listen(0, '127.0.0.1')
		await once(server, 'listening')
		base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
	})
	afterAll(() => server.close())

	/**
	 * Announces `announced` bytes and sends `sent` of them (the whole body
	 * only when that is all); resolves with the answer and whether the server
	 * closed the connection within two seconds.
	 */
	const post = (path: string, announced: number, sent: number) =>
		new Promise<{ status: number; body: string; closed: boolean }>((resolve, reject) => {
			const request = http.request(new URL(path, base), {
				method: 'POST',
				headers: { 'Content-Length': announced },
				agent: new http.Agent({ keepAlive: true }),
			})
			request.on('response', (response) => {
				let body = ''
				response.on('data', (chunk: Buffer) => (body += chunk.toString()))
				response.on('end', () => {
					const closed = new Promise<boolean>((settle) => {
						const timer = setTimeout(() => settle(false), 2_000)
						request.socket?.once('close', () => {
							clearTimeout(timer)
							settle(true)
						})
					})
					void closed.then((closed) => {
						request.destroy()
						resolve({ status: response.statusCode!, body, closed })
					})
				})
			})
			request.on('error', reject)
			if (sent === announced) request.end(Buffer.alloc(sent))
			else request.write(Buffer.alloc(sent))
		})

	test('refuses an announced body past the limit with 413 before reading it, and closes', async () => {
		expect(await post('/staff/login', FORM_BODY_LIMIT + 1, 1024)).toEqual({
			status: 413,
			body: 'Zu viel auf einmal gesendet. / Too much sent at once.',
			closed: true,
		})
		expect((await post('/staff/cases/2026-K7F3Q.data', CASE_LIMIT + 1, 0)).status).toBe(413)
	})

	test('passes a body within the route limit on', async () => {
		const passed = await post('/staff/cases/2026-K7F3Q', CASE_LIMIT, CASE_LIMIT)
		expect(passed.status).toBe(200)
		expect(JSON.parse(passed.body)).toEqual({ read: CASE_LIMIT })
		// Read to its end: the connection may carry the next request.
		expect(passed.closed).toBe(false)
		expect((await post('/staff/login', FORM_BODY_LIMIT, FORM_BODY_LIMIT)).status).toBe(200)
	})

	test('keeps the connection of another answer sent before its body arrived', async () => {
		const agent = new http.Agent({ keepAlive: true })
		const request = http.request(new URL('/answers-unread', base), {
			method: 'POST',
			headers: { 'Content-Length': 1024 },
			agent,
		})
		request.flushHeaders()
		const [response] = (await once(request, 'response')) as [http.IncomingMessage]
		response.resume()
		expect(response.statusCode).toBe(200)
		// The body follows the answer; the connection then carries the next request.
		request.end(Buffer.alloc(1024))
		const socket = request.socket!
		let closed = false
		socket.once('close', () => (closed = true))
		await new Promise((resolve) => setTimeout(resolve, 1_500))
		expect(closed).toBe(false)
		agent.destroy()
	})
})
