import { describe, expect, test } from 'vitest'
import { BodyTooLargeError, MalformedBodyError, parseFormWithFiles } from './multipart.server'

const limits = {
	fileField: 'files',
	maxFiles: 2,
	maxFileBytes: 10,
	maxTextBytes: 50,
	maxBodyBytes: 1000,
}

function multipart(parts: Array<{ name: string; filename?: string; body: string }>) {
	const form = new FormData()
	for (const part of parts) {
		if (part.filename) form.append(part.name, new Blob([part.body]), part.filename)
		else form.append(part.name, part.body)
	}
	return new Request('http://localhost/request', { method: 'POST', body: form })
}

describe('parseFormWithFiles', () => {
	test('keeps the fields when a file is too large or one too many', async () => {
		const parsed = await parseFormWithFiles(
			multipart([
				{ name: 'narrative', body: 'kept' },
				{ name: 'files', filename: 'a.txt', body: 'small' },
				{ name: 'files', filename: 'big.txt', body: 'far too large' },
				{ name: 'files', filename: 'b.txt', body: 'ok' },
				{ name: 'files', filename: 'c.txt', body: 'extra' },
			]),
			limits,
		)
		expect(parsed.fields.get('narrative')).toBe('kept')
		expect(parsed.files.map((f) => f.name)).toEqual(['a.txt', 'b.txt'])
		expect(parsed.fileProblems).toEqual([
			{ kind: 'tooLarge', name: 'big.txt' },
			{ kind: 'tooMany', name: 'c.txt' },
		])
	})

	test('cuts overlong text at the limit, for the schema to refuse', async () => {
		const parsed = await parseFormWithFiles(
			multipart([{ name: 'narrative', body: 'x'.repeat(80) }]),
			limits,
		)
		expect(String(parsed.fields.get('narrative'))).toHaveLength(50)
	})

	test('refuses a body beyond the overall limit, and a garbled one as malformed', async () => {
		await expect(
			parseFormWithFiles(multipart([{ name: 'narrative', body: 'x'.repeat(2000) }]), limits),
		).rejects.toThrow(BodyTooLargeError)
		const broken = new Request('http://localhost/request', {
			method: 'POST',
			headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
			body: '--wrong\r\nnot a part',
		})
		await expect(parseFormWithFiles(broken, limits)).rejects.toThrow(MalformedBodyError)
	})

	test('keeps file names with ";" and "=" intact', async () => {
		const form = new FormData()
		form.set('narrative', 'text')
		form.append('files', new Blob([Buffer.from('hello')]), 'Foto 1; Bahnhof=Nord.png')
		const request = new Request('http://localhost/request', { method: 'POST', body: form })
		const parsed = await parseFormWithFiles(request, limits)
		expect(parsed.files.map((file) => file.name)).toEqual(['Foto 1; Bahnhof=Nord.png'])
		expect(parsed.fields.get('narrative')).toBe('text')
	})
})

describe('forms without files', () => {
	test('are read up to the text limit and refused beyond it', async () => {
		const post = (body: string) =>
			new Request('http://localhost/follow-up', {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body,
			})
		const parsed = await parseFormWithFiles(post('intent=open&code=ABCD'), limits)
		expect(parsed.fields.get('code')).toBe('ABCD')
		await expect(parseFormWithFiles(post(`code=${'x'.repeat(100)}`), limits)).rejects.toThrow(
			BodyTooLargeError,
		)
	})
})
