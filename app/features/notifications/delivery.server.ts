// Sending one notice and keeping count of how delivery goes: the sender and
// reply address come from the settings, the last success and the last
// failure (its kind only) are kept for the admin's settings page.
import { prisma } from '~/platform/db.server'
import type { MailConfig } from './mail-config.server'
import type { MailText } from './mail-texts.server'
import { MailFailure, NO_SENDER, sendMail } from './mail-transport.server'

/** Sends `text` to `to` from the office (or SMTP_FROM); throws MailFailure. */
export async function deliverMail(config: MailConfig, to: string, text: MailText): Promise<void> {
	const settings = await prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: { officeEmail: true },
	})
	const officeEmail = settings?.officeEmail ?? null
	const from = config.from ?? officeEmail
	if (!from) throw new MailFailure(NO_SENDER)
	await sendMail(config, { to, from, replyTo: officeEmail, ...text })
}

export async function recordDelivered(at = new Date()): Promise<void> {
	await prisma.mailDeliveryStatus.upsert({
		where: { id: 1 },
		create: { id: 1, lastDeliveredAt: at },
		update: { lastDeliveredAt: at },
		select: { id: true },
	})
}

/** `kind` is a failure kind (mail-transport.server.ts), never an error's message. */
export async function recordFailure(kind: string, at = new Date()): Promise<void> {
	await prisma.mailDeliveryStatus.upsert({
		where: { id: 1 },
		create: { id: 1, lastFailureAt: at, lastFailure: kind },
		update: { lastFailureAt: at, lastFailure: kind },
		select: { id: true },
	})
}
