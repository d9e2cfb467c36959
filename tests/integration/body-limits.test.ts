// No route takes in more of a body than it reads (issue 11, M-4). A post
// that announces 200 MiB is refused with 413 at once, on every route of the
// build (and its single-fetch `.data` variant), before more than a few MiB
// were sent; a body sent without a length (chunked) ends in 413 once it
// passes the route's limit. Either way the server's memory barely moves.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { BUILD_DIR } from '../../server/paths.ts'
import { startAppServer, type AppServer } from '../support/app-server.ts'

const SECRET = 'body-limits-secret-that-is-long-enough-for-the-schema'
const MiB = 1024 * 1024
const ANNOUNCED = 200 * MiB
/** What the client sends at most before it expects the answer. */
const SENT_AT_MOST = 4 * MiB
/** How much the server's resident memory may grow over all the posts. */
const MEMORY_GROWTH_AT_MOST = 20 * MiB

let app: AppServer
let build: ServerBuild

beforeAll(async () => {
	app = await startAppServer({
		env: { DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: SECRET, HASH_PEPPER: SECRET },
		logFile: path.join(os.tmpdir(), `anlaufstelle-body-limits-${process.pid}.log`),
	})
	build = (await import(
		pathToFileURL(path.join(BUILD_DIR, 'server', 'index.js')).href
	)) as ServerBuild
}, 240_000)

afterAll(async () => {
	await app?.stop()
})

/** The server process's resident memory (it is `node` itself: start.sh execs it). */
function residentBytes(): number {
	const status = fs.readFileSync(`/proc/${app.process.pid}/status`, 'utf8')
	return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) * 1024
}

/** Every route's address with its parameters filled in, as a page and as Remix's single fetch asks for it. */
function routeUrls(): string[] {
	const fullPath = (id: string): string => {
		const route = build.routes[id]!
		const parent = route.parentId ? fullPath(route.parentId) : ''
		return [parent, route.path ?? ''].filter(Boolean).join('/')
	}
	return Object.values(build.routes).flatMap((route) => {
		const page =
			'/' +
			fullPath(route!.id)
				.split('/')
				.filter(Boolean)
				.map((segment) =>
					segment === '*' ? 'any/path' : segment.startsWith(':') ? 'X7K9Q' : segment,
				)
				.join('/')
		const data = page === '/' ? '/_root.data' : `${page}.data`
		const query = route!.index ? '?index' : ''
		return [page + query, data + query]
	})
}

type Answer = { status: number | null; sent: number }

/**
 * Posts up to `sendAtMost` bytes (then ends, when the body announces no
 * length) and resolves with the status of the answer, or null when none
 * came within a few seconds after the last byte the server took.
 */
function post(url: string, headers: http.OutgoingHttpHeaders, sendAtMost: number) {
	return new Promise<Answer>((resolve) => {
		// A connection of its own that asks to be kept open, as browsers do: the server closes it.
		const agent = new http.Agent({ keepAlive: true })
		const request = http.request(`${app.url}${url}`, { method: 'POST', headers, agent })
		const chunk = Buffer.alloc(64 * 1024, 'a')
		let sent = 0
		let done = false
		let timer: NodeJS.Timeout | undefined
		const finish = (status: number | null) => {
			if (done) return
			done = true
			clearTimeout(timer)
			request.destroy()
			resolve({ status, sent })
		}
		const waitForAnswer = () => {
			clearTimeout(timer)
			timer = setTimeout(() => finish(null), 3_000)
		}
		request.on('response', (response) => {
			response.resume()
			finish(response.statusCode ?? null)
		})
		// The server may close the connection while the rest is still being sent.
		request.on('error', () => waitForAnswer())
		const write = () => {
			waitForAnswer()
			while (!done && sent < sendAtMost) {
				sent += chunk.length
				if (!request.write(chunk)) return void request.once('drain', write)
			}
			if (!done && headers['Content-Length'] === undefined) request.end()
		}
		write()
	})
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

test('a post announcing 200 MiB is refused with 413 at once on every route, and memory barely moves', async () => {
	const urls = routeUrls()
	// The enumeration finds the routes that read forms, the public ones among them.
	expect(urls).toEqual(
		expect.arrayContaining([
			'/staff/login',
			'/staff/login.data',
			'/staff/invitation/X7K9Q',
			'/setup/X7K9Q',
			'/request',
			'/follow-up.data',
			'/_root.data?index',
			'/staff/cases/X7K9Q',
		]),
	)
	// Warm up: the first requests compile code and fill caches.
	for (const url of ['/staff/login', '/request', '/staff/login']) await post(url, FORM, 0)
	const before = residentBytes()
	for (const url of urls) {
		for (const contentType of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
		]) {
			const answer = await post(
				url,
				{ 'Content-Type': contentType, 'Content-Length': ANNOUNCED },
				SENT_AT_MOST,
			)
			expect(answer.status, `${url} (${contentType})`).toBe(413)
		}
	}
	const growth = residentBytes() - before
	console.log(
		`resident memory grew by ${(growth / MiB).toFixed(1)} MiB over ${urls.length * 2} posts`,
	)
	expect(growth).toBeLessThan(MEMORY_GROWTH_AT_MOST)
}, 120_000)

test('a body without a length is cut off with 413 past the limit of the sign-in and the invitation', async () => {
	const before = residentBytes()
	const answers: Record<string, Answer> = {}
	for (const url of ['/staff/login', '/staff/login.data', '/staff/invitation/X7K9Q']) {
		answers[url] = await post(url, FORM, ANNOUNCED)
	}
	const growth = residentBytes() - before
	console.log(
		`resident memory grew by ${(growth / MiB).toFixed(1)} MiB over 3 chunked posts`,
		answers,
	)
	for (const [url, answer] of Object.entries(answers)) {
		expect(answer.status, url).toBe(413)
		// The server stopped taking the body in: what was sent filled the sockets' buffers only.
		expect(answer.sent, url).toBeLessThan(ANNOUNCED / 10)
	}
	expect(growth).toBeLessThan(MEMORY_GROWTH_AT_MOST)
}, 120_000)

test('a form within the limit is still read, URL-encoded and multipart', async () => {
	const login = (body: string, contentType: string) =>
		fetch(`${app.url}/staff/login`, {
			method: 'POST',
			headers: { 'Content-Type': contentType },
			body,
			redirect: 'manual',
		})
	// A sign-in of an unknown account: read, checked and refused (401), not 413.
	const urlEncoded = new URLSearchParams({ email: 'nobody@example.ch', password: 'wrong' })
	expect((await login(urlEncoded.toString(), FORM['Content-Type'])).status).toBe(401)
	const multipart = new FormData()
	multipart.set('email', 'nobody@example.ch')
	multipart.set('password', 'wrong')
	const encoded = new Response(multipart)
	expect((await login(await encoded.text(), encoded.headers.get('Content-Type')!)).status).toBe(401)
	// A password past its schema's length is explained (400), not refused unread.
	const long = new URLSearchParams({ email: 'nobody@example.ch', password: 'ä'.repeat(1001) })
	expect((await login(long.toString(), FORM['Content-Type'])).status).toBe(400)
})
