// One mail to one recipient through the configured SMTP server (nodemailer).
// A failure becomes a failure kind: nodemailer's error code and the SMTP
// status, nothing else. Its message quotes the server's reply, which may
// name the recipient ("550 <x@y>: no such user") or echo the sign-in, so
// it is never stored, logged or shown.
import { createTransport } from 'nodemailer'
import type { MailConfig } from './mail-config.server'

export type OutgoingMail = {
	to: string
	subject: string
	text: string
	from: string
	replyTo: string | null
}

/** Why a mail was not sent, as the settings page explains it (staff:notifications.failures). */
export class MailFailure extends Error {
	constructor(readonly kind: string) {
		super(`mail not sent: ${kind}`)
	}
}

/** The sender is missing: neither SMTP_FROM nor the office address in the settings. */
export const NO_SENDER = 'NOSENDER'

const KNOWN_CODE = /^E[A-Z]{2,20}$/

/** "EAUTH 535", "ECONNECTION", "EUNKNOWN": an error kind that names no one. */
export function failureKindOf(error: unknown): string {
	if (error instanceof MailFailure) return error.kind
	const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown }
	const kind = typeof code === 'string' && KNOWN_CODE.test(code) ? code : 'EUNKNOWN'
	const status =
		typeof responseCode === 'number' && responseCode >= 200 && responseCode < 600
			? ` ${responseCode}`
			: ''
	return `${kind}${status}`
}

function transportFor(config: MailConfig) {
	return createTransport({
		host: config.host,
		port: config.port,
		secure: config.tls === 'tls',
		requireTLS: config.tls === 'starttls',
		ignoreTLS: config.tls === 'none',
		auth: config.auth ?? undefined,
		// Well inside the job's expiry (job-queue.server.ts): a hung server
		// ends as a failure and a retry, not as a job stuck in "active".
		connectionTimeout: 20_000,
		greetingTimeout: 20_000,
		socketTimeout: 60_000,
		logger: false,
		debug: false,
	})
}

/** Sends one mail; throws MailFailure. */
export async function sendMail(config: MailConfig, mail: OutgoingMail): Promise<void> {
	const transport = transportFor(config)
	try {
		await transport.sendMail({
			from: mail.from,
			to: mail.to,
			replyTo: mail.replyTo ?? undefined,
			subject: mail.subject,
			text: mail.text,
			// RFC 3834: out-of-office replies are not sent back to a machine.
			headers: { 'Auto-Submitted': 'auto-generated' },
		})
	} catch (error) {
		throw new MailFailure(failureKindOf(error))
	} finally {
		transport.close()
	}
}
