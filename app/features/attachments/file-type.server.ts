// What a file is, judged by its content (never by its name or the type the
// browser claims): JPEG, PNG, PDF or plain UTF-8 text.
export type AcceptedMediaType = 'image/jpeg' | 'image/png' | 'application/pdf' | 'text/plain'

const startsWith = (data: Buffer, signature: number[]) =>
	signature.every((byte, i) => data[i] === byte)

export function detectMediaType(data: Buffer): AcceptedMediaType | null {
	if (data.length >= 3 && startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
	if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
	if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
	if (isPlainText(data)) return 'text/plain'
	return null
}

function isPlainText(data: Buffer): boolean {
	if (data.length === 0) return false
	if (data.includes(0)) return false
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(data)
	} catch {
		return false
	}
	// Control characters other than tab, newline, carriage return and form
	// feed mean a binary format that happens to be valid UTF-8.
	for (const byte of data) {
		if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) return false
	}
	return true
}
