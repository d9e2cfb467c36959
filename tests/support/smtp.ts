// A real SMTP server inside the test (smtp-server, on 127.0.0.1 without TLS),
// keeping every mail it receives, decoded just enough to read: the envelope,
// the headers, and the text body (quoted-printable or base64, UTF-8).
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
	from: string
	to: string[]
	headers: Record<string, string>
	subject: string
	text: string
	raw: string
}

export type TestSmtpServer = {
	port: number
	mails: ReceivedMail[]
	/** While set, every sender is refused with this SMTP status (a failing server). */
	refuseWith: number | null
	/** Waits until at least `count` mails arrived, and a moment more for any that should not. */
	waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>
	close(): Promise<void>
}

/** =?UTF-8?Q?…?= and =?UTF-8?B?…?= words of a header. */
function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
			encoding.toUpperCase() === 'B'
				? Buffer.from(text, 'base64').toString('utf8')
				: decodeQuotedPrintable(text.replaceAll('_', ' ')),
		)
}

function decodeQuotedPrintable(text: string): string {
	const bytes = text
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
		.replace(/%(?![0-9A-F]{2})/gi, '%25')
	return decodeURIComponent(bytes)
}

export function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
	const split = raw.indexOf('\r\n\r\n')
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
	const body = raw.slice(split + 4)
	const headers: Record<string, string> = {}
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':')
		headers[line.slice(0, colon).toLowerCase()] = decodeHeader(line.slice(colon + 1).trim())
	}
	const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
				: body
	return {
		from,
		to,
		headers,
		subject: headers.subject ?? '',
		text: text.replace(/\r\n/g, '\n'),
		raw,
	}
}

/**
 * With `auth`, the server asks for exactly this sign-in (over plain TCP, as a
 * test allows); `onMail` hears of each mail as it arrives.
 */
export async function startSmtpServer({
	auth,
	onMail,
}: {
	auth?: { user: string; pass: string }
	onMail?: (mail: ReceivedMail) => void
} = {}): Promise<TestSmtpServer> {
	const mails: ReceivedMail[] = []
	const state: TestSmtpServer = {
		port: 0,
		mails,
		refuseWith: null,
		async waitForMails(count, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs
			while (mails.length < count) {
				if (Date.now() > deadline) {
					throw new Error(`expected ${count} mail(s), got ${mails.length} in ${timeoutMs} ms`)
				}
				await new Promise((resolve) => setTimeout(resolve, 100))
			}
			// A second worker polling would deliver a duplicate within this time.
			await new Promise((resolve) => setTimeout(resolve, 3_000))
			return [...mails]
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	}
	const server = new SMTPServer({
		authOptional: !auth,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(login, _session, callback) {
			if (auth && login.username === auth.user && login.password === auth.pass) {
				return callback(null, { user: login.username })
			}
			callback(Object.assign(new Error('wrong sign-in'), { responseCode: 535 }))
		},
		onMailFrom(_address, _session, callback) {
			if (state.refuseWith === null) return callback()
			callback(Object.assign(new Error('refused by the test'), { responseCode: state.refuseWith }))
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (chunk: Buffer) => chunks.push(chunk))
			stream.on('end', () => {
				const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
				const to = session.envelope.rcptTo.map((address) => address.address)
				const mail = parseMail(Buffer.concat(chunks).toString('utf8'), from, to)
				mails.push(mail)
				onMail?.(mail)
				callback()
			})
		},
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
	state.port = (server.server.address() as AddressInfo).port
	return state
}
