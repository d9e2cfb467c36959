/**
 * The posted form, read only up to `limit` bytes (the route's, see
 * body-limit.ts): a body that announces more, or sends more, is refused with
 * 413 before the rest is read. A body that is not a form (a wrong content
 * type, a broken multipart body) is a 400: a malformed post is the sender's
 * mistake, never a server error. NUL bytes are dropped from every text
 * value: PostgreSQL text cannot hold one, and no person types one.
 */
export async function readFormData(request: Request, limit: number): Promise<FormData> {
	const body = await readBodyUpTo(request, limit)
	let posted: FormData
	try {
		// The bytes read, parsed as the request would have parsed them.
		posted = await new Request(request.url, {
			method: 'POST',
			headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' },
			body,
		}).formData()
	} catch {
		throw new Response('Bad request', { status: 400 })
	}
	const cleaned = new FormData()
	for (const [name, value] of posted) {
		cleaned.append(name, typeof value === 'string' ? value.replaceAll('\u0000', '') : value)
	}
	return cleaned
}

async function readBodyUpTo(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
	const tooLarge = () => new Response('Payload too large', { status: 413 })
	if (Number(request.headers.get('Content-Length') ?? 0) > limit) throw tooLarge()
	if (!request.body) return new Uint8Array(0)
	// A reader, not `for await`: leaving that loop cancels the stream, which
	// destroys the connection before the 413 can be sent. Released, the rest
	// stays unread.
	const reader = request.body.getReader()
	const chunks: Uint8Array[] = []
	let size = 0
	try {
		for (;;) {
			const { done, value } = await reader.read().catch(() => {
				// The body broke off: nothing to read a form from.
				throw new Response('Bad request', { status: 400 })
			})
			if (done) return joined(chunks, size)
			size += value.byteLength
			if (size > limit) throw tooLarge()
			chunks.push(value)
		}
	} finally {
		reader.releaseLock()
	}
}

function joined(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
	const whole = new Uint8Array(size)
	let offset = 0
	for (const chunk of chunks) {
		whole.set(chunk, offset)
		offset += chunk.byteLength
	}
	return whole
}
