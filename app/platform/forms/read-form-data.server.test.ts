import { describe, expect, test } from 'vitest'
import { readFormData } from './read-form-data.server'

const URL_ENCODED = { 'Content-Type': 'application/x-www-form-urlencoded' }

/** A body sent in pieces, announcing no length (as a chunked request does); counts what was pulled. */
function streamed(pieces: number, pieceBytes: number) {
	let pulled = 0
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled === pieces) return controller.close()
			pulled++
			controller.enqueue(new TextEncoder().encode('a'.repeat(pieceBytes)))
		},
	})
	const request = new Request('http://localhost/staff/login', {
		method: 'POST',
		headers: URL_ENCODED,
		body,
		duplex: 'half',
	} as RequestInit)
	return { request, pulled: () => pulled }
}

async function statusOf(reading: Promise<unknown>): Promise<number> {
	try {
		await reading
	} catch (error) {
		if (error instanceof Response) return error.status
		throw error
	}
	return 200
}

describe('readFormData', () => {
	test('reads a URL-encoded and a multipart form within the limit, without NUL bytes', async () => {
		const encoded = new Request('http://localhost/staff/login', {
			method: 'POST',
			headers: URL_ENCODED,
			body: new URLSearchParams({ email: 'a@example.ch', password: 'pä\u0000ss' }),
		})
		const form = await readFormData(encoded, 1024)
		expect(Object.fromEntries(form)).toEqual({ email: 'a@example.ch', password: 'päss' })

		const multipart = new FormData()
		multipart.set('email', 'a@example.ch')
		multipart.set('note', 'zwei\nZeilen')
		const posted = new Request('http://localhost/staff/login', { method: 'POST', body: multipart })
		expect(Object.fromEntries(await readFormData(posted, 1024))).toEqual({
			email: 'a@example.ch',
			note: 'zwei\r\nZeilen',
		})
	})

	test('refuses a body that announces more than the limit with 413, unread', async () => {
		const request = new Request('http://localhost/staff/login', {
			method: 'POST',
			headers: { ...URL_ENCODED, 'Content-Length': '1025' },
			body: 'a'.repeat(1025),
		})
		expect(await statusOf(readFormData(request, 1024))).toBe(413)
		expect(request.bodyUsed).toBe(false)
	})

	test('stops reading a body without a length once it passes the limit: 413', async () => {
		const { request, pulled } = streamed(1000, 1024)
		expect(await statusOf(readFormData(request, 4 * 1024))).toBe(413)
		// The stream is pulled a little ahead of the reader, never much further.
		expect(pulled()).toBeLessThan(10)

		const within = streamed(4, 1024)
		expect((await readFormData(within.request, 4 * 1024)).get('a'.repeat(4096))).toBe('')
	})

	test('a body that is not a form is a 400', async () => {
		const request = new Request('http://localhost/staff/login', {
			method: 'POST',
			headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
			body: 'not multipart at all',
		})
		expect(await statusOf(readFormData(request, 1024))).toBe(400)
		const untyped = new Request('http://localhost/staff/login', { method: 'POST', body: 'a=b' })
		untyped.headers.delete('Content-Type')
		expect(await statusOf(readFormData(untyped, 1024))).toBe(400)
	})
})
