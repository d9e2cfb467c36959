/**
 * The posted form, or a 400 for a body that is not one (a wrong content
 * type, a broken multipart body): a malformed post is the sender's mistake,
 * never a server error. NUL bytes are dropped from every text value:
 * PostgreSQL text cannot hold one, and no person types one.
 */
export async function readFormData(request: Request): Promise<FormData> {
	let posted: FormData
	try {
		posted = await request.formData()
	} catch {
		throw new Response('Bad request', { status: 400 })
	}
	const cleaned = new FormData()
	for (const [name, value] of posted) {
		cleaned.append(name, typeof value === 'string' ? value.replaceAll('\u0000', '') : value)
	}
	return cleaned
}
