// Reads a submitted form with files under limits, without ever failing the
// whole form for one bad file: a file that is too large (or one too many) is
// drained and reported, so the page can say so and keep everything else the
// person typed. Only a body beyond any sensible size is refused outright.
import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'

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

	const files: UploadedFile[] = []
	const fileProblems: FileProblem[] = []
	let bodyBytes = 0
	const count = (chunk: Uint8Array) => {
		bodyBytes += chunk.byteLength
		if (bodyBytes > limits.maxBodyBytes) throw new BodyTooLargeError()
	}

	const handler: UploadHandler = async ({ name, filename, data }) => {
		if (filename === undefined) {
			const chunks: Uint8Array[] = []
			let size = 0
			for await (const chunk of data) {
				count(chunk)
				if (size < limits.maxTextBytes) chunks.push(chunk)
				size += chunk.byteLength
			}
			// Past the limit the text is cut; the form's own length check then
			// explains that it is too long.
			return Buffer.concat(chunks).subarray(0, limits.maxTextBytes).toString('utf8')
		}
		if (name !== limits.fileField) {
			for await (const chunk of data) count(chunk)
			return undefined
		}
		const chunks: Uint8Array[] = []
		let size = 0
		for await (const chunk of data) {
			count(chunk)
			size += chunk.byteLength
			if (size <= limits.maxFileBytes) chunks.push(chunk)
		}
		// An empty file input still sends a part with no name and no bytes.
		if (!filename && size === 0) return undefined
		const displayName = filename || '?'
		if (files.length >= limits.maxFiles) fileProblems.push({ kind: 'tooMany', name: displayName })
		else if (size > limits.maxFileBytes) fileProblems.push({ kind: 'tooLarge', name: displayName })
		else files.push({ name: displayName, data: Buffer.concat(chunks) })
		return undefined
	}

	try {
		const fields = await unstable_parseMultipartFormData(request, handler)
		return { fields, files, fileProblems }
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw error
		throw new MalformedBodyError('unreadable multipart body')
	}
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
