import { randomBytes } from 'node:crypto'
import { parseWithZod } from '@conform-to/zod/v3'
import { type z } from 'zod'
import { ensure } from './runner'

// ---------------------------------------------------------------------------
// Bodies

export type Part = { name: string; value: string } | { name: string; file: FilePart }
export type FilePart = { filename: string; bytes: Uint8Array }

/**
 * How the parts travel: as a browser sends them (URL-encoded or multipart),
 * or as a raw body that no browser sends (broken multipart, JSON, other
 * content types, bad percent escapes, UTF-16).
 */
export type Envelope =
	{ kind: 'urlencoded' } | { kind: 'multipart' } | { kind: 'raw'; raw: RawBody }
export type RawBody = { template: number; contentType: string; garbage: string }

export const RAW_TEMPLATES = 12

export function requestOf(
	url: string,
	parts: Part[],
	envelope: Envelope,
	cookie?: string,
): Request {
	const headers = new Headers()
	if (cookie) headers.set('Cookie', cookie)
	if (envelope.kind === 'urlencoded') {
		headers.set('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8')
		return new Request(url, { method: 'POST', headers, body: urlEncoded(parts) })
	}
	if (envelope.kind === 'multipart') {
		const form = new FormData()
		for (const part of parts) {
			if ('file' in part)
				form.append(part.name, new Blob([new Uint8Array(part.file.bytes)]), part.file.filename)
			else form.append(part.name, part.value)
		}
		return new Request(url, { method: 'POST', headers, body: form })
	}
	const { contentType, body } = rawBody(envelope.raw, parts)
	if (contentType !== null) headers.set('Content-Type', contentType)
	return new Request(url, { method: 'POST', headers, body: new Uint8Array(body) })
}

export const urlEncoded = (parts: Part[]) =>
	new URLSearchParams(
		parts.flatMap((part) => ('value' in part ? [[part.name, part.value] as [string, string]] : [])),
	).toString()

export function rawBody(raw: RawBody, parts: Part[]): { contentType: string | null; body: Buffer } {
	const text = urlEncoded(parts)
	const { garbage } = raw
	const multipart = (boundary: string) => `multipart/form-data; boundary=${boundary}`
	switch (raw.template % RAW_TEMPLATES) {
		case 0:
			return {
				contentType: 'application/json',
				body: Buffer.from(JSON.stringify(Object.fromEntries(new URLSearchParams(text)))),
			}
		case 1:
			return { contentType: 'text/plain;charset=UTF-8', body: Buffer.from(text) }
		case 2:
			return { contentType: null, body: Buffer.from(text) }
		case 3:
			return { contentType: 'multipart/form-data', body: Buffer.from(text) }
		case 4: // a part that never ends
			return {
				contentType: multipart('fuzz'),
				body: Buffer.from(
					`--fuzz\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${garbage}`,
				),
			}
		case 5:
			return { contentType: multipart('fuzz'), body: Buffer.from(garbage) }
		case 6: // a boundary the body does not use (a header holds Latin-1 only)
			return {
				contentType: multipart(garbage.replace(/[^\x20-\x7e]/g, '').slice(0, 70) || '""'),
				body: Buffer.from(text),
			}
		case 7: // headers that are not headers
			return {
				contentType: multipart('fuzz'),
				body: Buffer.from(`--fuzz\r\n${garbage}\r\n\r\nvalue\r\n--fuzz--\r\n`),
			}
		case 8: // odd dispositions around well-formed parts
			return {
				contentType: multipart('fuzz'),
				body: Buffer.from(
					[...new URLSearchParams(text)]
						.map(
							([name, value]) =>
								`--fuzz\r\nContent-Disposition: form-data; name="${name}"; filename*=UTF-8''%FF${garbage}\r\n\r\n${value}\r\n`,
						)
						.join('') + '--fuzz--\r\n',
				),
			}
		case 9:
			return {
				contentType: 'application/x-www-form-urlencoded',
				body: Buffer.from(`${text}&intent=%FF%FE%C0%AE&code=%&%E2%80%AE=${garbage}%`),
			}
		case 10:
			return {
				contentType: 'application/x-www-form-urlencoded; charset=utf-16le',
				body: Buffer.from(text, 'utf16le'),
			}
		default:
			return { contentType: raw.contentType, body: randomBytes(garbage.length * 3) }
	}
}

/**
 * A body as a browser could send it: URL-encoded, or multipart with the
 * names a form has (never empty, no ";" or "=") and file names as people
 * give them (any script, spaces, ";" or "=", but no control characters,
 * which a header cannot carry).
 */
export const sentAsBrowsersDo = (envelope: Envelope, parts: Part[]) =>
	envelope.kind === 'urlencoded' ||
	(envelope.kind === 'multipart' &&
		parts.every(
			(part) =>
				/^[^;=]+$/.test(part.name) &&
				!hasControl(part.name) &&
				(!('file' in part) || !hasControl(part.file.filename)),
		))

/** ASCII control characters other than the tab. */
export const isControl = (char: string) => {
	const code = char.charCodeAt(0)
	return (code < 0x20 && char !== '\t') || code === 0x7f
}
export const hasControl = (text: string) => [...text].some(isControl)

/** What a browser's multipart encoding does to a value (line breaks become CRLF). */
export const multipartValue = (value: string) => value.replace(/\r\n|\r|\n/g, '\r\n')
/** Names a browser's multipart encoding leaves alone and every parser reads back. */
export const plainName = (name: string) => /^[A-Za-z0-9_-]*$/.test(name)

/** Each posted text field's first value. */
export function firstValues(parts: Part[]) {
	const values: Record<string, string> = {}
	for (const part of parts) {
		if ('value' in part && !Object.hasOwn(values, part.name)) values[part.name] = part.value
	}
	return values
}

/** The posted text values as Conform reads them: a name posted once is a string, posted again a list. */
export function conformValues(parts: Part[]) {
	const values: Record<string, string | string[]> = {}
	for (const part of parts) {
		if (!('value' in part)) continue
		const known = Object.hasOwn(values, part.name) ? values[part.name] : undefined
		values[part.name] =
			known === undefined ? part.value : [...(Array.isArray(known) ? known : [known]), part.value]
	}
	return values
}

/**
 * The form fields whose values come back as posted: Conform reads names as
 * paths, so an extra `areas[]` or `note.x` adds to or replaces `areas` or `note`.
 */
export const echoedFields = (fields: string[], parts: Part[]) =>
	fields.filter(
		(field) =>
			!parts.some((part) => part.name.startsWith(`${field}[`) || part.name.startsWith(`${field}.`)),
	)

/**
 * The schema's verdict on the form as the action reads it (readFormData
 * drops NUL bytes); a form with Conform's reserved fields is refused before.
 */
export function refusedBy(schema: z.ZodTypeAny, parts: Part[]): boolean {
	if (hasConformFields(parts)) return true
	const form = new FormData()
	for (const part of parts) {
		if ('value' in part) form.append(part.name, part.value.replaceAll('\u0000', ''))
	}
	return parseWithZod(form, { schema }).status !== 'success'
}

/** The names Conform reserves for its own buttons; the staff forms never send them. */
export const CONFORM_FIELDS = ['__intent__', '__state__']
export const hasConformFields = (parts: Part[]) =>
	parts.some((part) => CONFORM_FIELDS.includes(part.name))

/**
 * The values an invalid answer hands back are the strings as typed: the page
 * shows them again, and React escapes them (the end-to-end tests check the
 * escaping in a browser). Compared for the form's own fields, which every
 * encoding carries unchanged; multipart turns line breaks into CRLF, as
 * browsers do, and cuts a text beyond 2 MB.
 */
export function checkEcho(
	returned: Record<string, unknown>,
	parts: Part[],
	envelope: Envelope,
	expected: (parts: Part[]) => Record<string, string | string[]>,
	fields: readonly string[],
) {
	if (envelope.kind === 'raw') return
	if (envelope.kind === 'multipart') {
		const readable = parts.every(
			(part) =>
				plainName(part.name) &&
				(!('value' in part) || Buffer.byteLength(part.value) <= 2 * 1024 * 1024),
		)
		if (!readable) return
	}
	const sent =
		envelope.kind === 'multipart'
			? parts.map((part) =>
					'value' in part ? { ...part, value: multipartValue(part.value) } : part,
				)
			: parts
	// Undici's multipart parser (request.formData()) drops a leading byte-order
	// mark, busboy keeps it: compared without any. NUL bytes are dropped on
	// purpose (PostgreSQL text cannot hold them). Conform hands an empty value
	// back as none (undefined, in a list too).
	const comparable = (value: unknown) =>
		JSON.stringify(value ?? '', (_key, v: unknown) => {
			if (v === null || v === undefined) return ''
			if (typeof v !== 'string') return v
			const text = v.replaceAll('\u0000', '')
			return envelope.kind === 'multipart' ? text.replace(/^\ufeff+/, '') : text
		})
	const wanted = expected(sent)
	for (const field of fields) {
		if (!(field in wanted)) continue
		ensure(
			comparable(returned[field]) === comparable(wanted[field]),
			`the answer changed what was typed in "${field}"`,
		)
	}
}
