// Reads a submitted form with files under limits, without ever failing the
// whole form for one bad file: a file that is too large (or one too many) is
// drained and reported, so the page can say so and keep everything else the
// person typed. Only a body beyond any sensible size is refused outright.
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import busboy from 'busboy'

export type UploadedFile = { name: string; data: Buffer }
export type FileProblem = { kind: 'tooLarge' | 'tooMany'; name: string }

export type ParsedForm = { fields: FormData; files: UploadedFile[]; fileProblems: FileProblem[] }

type Limits = {
	fileField: string
	maxFiles: number
	maxFileBytes: number
	maxTextBytes: number
	maxBodyBytes: number
}

export class BodyTooLargeError extends Error {}
export class MalformedBodyError extends Error {}

export async function parseFormWithFiles(request: Request, limits: Limits): Promise<ParsedForm> {
	const contentType = request.headers.get('Content-Type') ?? ''
	if (!contentType.startsWith('multipart/form-data')) {
		const text = await readTextLimited(request, limits.maxTextBytes)
		return { fields: formDataOf(new URLSearchParams(text)), files: [], fileProblems: [] }
	}

	return parseMultipart(request, contentType, limits)
}

/**
 * Multipart bodies are parsed with busboy, which reads header parameters as
 * RFC 7578 asks: a file named "Foto 1; Bahnhof.jpg" or "a=b.png" arrives
 * intact (the parser Remix ships splits such names apart and rejects the
 * whole form). The body is counted as it streams, so an oversized one is
 * refused without being held in memory.
 */
async function parseMultipart(
	request: Request,
	contentType: string,
	limits: Limits,
): Promise<ParsedForm> {
	const fields = new FormData()
	const files: UploadedFile[] = []
	const fileProblems: FileProblem[] = []
	const reading: Array<Promise<void>> = []
	let parser: busboy.Busboy
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8',
			// Past the limit the text is cut; the form's own length check then
			// explains that it is too long.
			limits: { fieldSize: limits.maxTextBytes, fieldNameSize: 200 },
		})
	} catch {
		throw new MalformedBodyError('not a multipart body')
	}
	parser.on('field', (name, value) => fields.append(name, value))
	parser.on('file', (name, stream, info) => {
		const read = (async () => {
			const chunks: Buffer[] = []
			let size = 0
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				size += chunk.byteLength
				if (name === limits.fileField && size <= limits.maxFileBytes) chunks.push(chunk)
			}
			// An empty file input still sends a part with no name and no bytes.
			if (name !== limits.fileField || (!info.filename && size === 0)) return
			const displayName = info.filename || '?'
			if (files.length >= limits.maxFiles) fileProblems.push({ kind: 'tooMany', name: displayName })
			else if (size > limits.maxFileBytes)
				fileProblems.push({ kind: 'tooLarge', name: displayName })
			else files.push({ name: displayName, data: Buffer.concat(chunks) })
		})()
		// Handled here too: when the body breaks off, nobody awaits the rest.
		read.catch(() => {})
		reading.push(read)
	})
	const closed = new Promise<void>((resolve) => parser.once('close', () => resolve()))

	let bodyBytes = 0
	const counted = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			bodyBytes += chunk.byteLength
			if (bodyBytes > limits.maxBodyBytes) done(new BodyTooLargeError())
			else done(null, chunk)
		},
	})
	try {
		if (!request.body) throw new MalformedBodyError('no body')
		await pipeline(Readable.fromWeb(request.body as WebReadableStream), counted, parser)
		await closed
		await Promise.all(reading)
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw error
		throw new MalformedBodyError('unreadable multipart body')
	}
	return { fields, files, fileProblems }
}

/** A form sent without files (URL-encoded), read only up to the limit. */
async function readTextLimited(request: Request, maxBytes: number): Promise<string> {
	if (!request.body) return ''
	const chunks: Uint8Array[] = []
	let size = 0
	for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
		size += chunk.byteLength
		if (size > maxBytes) throw new BodyTooLargeError()
		chunks.push(chunk)
	}
	return Buffer.concat(chunks).toString('utf8')
}

function formDataOf(params: URLSearchParams): FormData {
	const form = new FormData()
	for (const [key, value] of params) form.append(key, value)
	return form
}
