// What the staff pages show and change about notices: the admin sees whether
// mail is on and how delivery went, and sends a test mail; every account
// chooses a mail for each new thing or a daily digest.
import { prisma } from '~/platform/db.server'
import { can, requirePermission, WORK_CASES } from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { deliverMail } from './delivery.server'
import { getMailConfig, inboxLink } from './mail-config.server'
import { testMailText } from './mail-texts.server'
import { failureKindOf } from './mail-transport.server'
import type { NOTICE_MODES, TEST_MAIL_TARGETS } from './notification-schemas'

/** Mail is off: nothing to test (the page says so). */
export class MailOffError extends Error {
	constructor() {
		super('notifications are off: SMTP_HOST is not set')
	}
}

/** A test mail to the office's address, which the settings do not name. */
export class NoOfficeEmailError extends Error {
	constructor() {
		super('the settings name no office address')
	}
}

/** For the settings page: the SMTP server (never its password) and the last delivery and failure. */
export async function getNotificationStatus(actor: StaffActor) {
	requirePermission(actor, 'settings:manage')
	const config = getMailConfig()
	const status = await prisma.mailDeliveryStatus.findUnique({
		where: { id: 1 },
		select: { lastDeliveredAt: true, lastFailureAt: true, lastFailure: true },
	})
	return {
		server: config ? { host: config.host, port: config.port, tls: config.tls } : null,
		fixedSender: config?.from ?? null,
		lastDeliveredAt: status?.lastDeliveredAt?.toISOString() ?? null,
		lastFailureAt: status?.lastFailureAt?.toISOString() ?? null,
		lastFailure: status?.lastFailure ?? null,
	}
}

export type TestMailResult = { delivered: true } | { delivered: false; failure: string }

/**
 * Sends the test mail now, not through the queue, so that the admin sees
 * the answer of the SMTP server at once; audited with its outcome.
 */
export async function sendTestMail(
	actor: StaffActor,
	to: (typeof TEST_MAIL_TARGETS)[number],
): Promise<TestMailResult> {
	requirePermission(actor, 'settings:manage')
	const config = getMailConfig()
	if (!config) throw new MailOffError()
	const settings = await prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: { officeEmail: true },
	})
	const address = to === 'own' ? actor.email : settings?.officeEmail
	if (!address) throw new NoOfficeEmailError()
	const result: TestMailResult = await deliverMail(config, address, testMailText(inboxLink(config)))
		.then(() => ({ delivered: true as const }))
		.catch((error: unknown) => ({ delivered: false as const, failure: failureKindOf(error) }))
	const at = new Date()
	await prisma.$transaction(async (tx) => {
		await tx.mailDeliveryStatus.upsert({
			where: { id: 1 },
			create: result.delivered
				? { id: 1, lastDeliveredAt: at }
				: { id: 1, lastFailureAt: at, lastFailure: result.failure },
			update: result.delivered
				? { lastDeliveredAt: at }
				: { lastFailureAt: at, lastFailure: result.failure },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'notifications.test-sent',
			actor,
			detail: { to, ...result },
		})
	})
	return result
}

/**
 * The account's own choice, and whether mail is on at all; null for a role
 * that works no cases, which no notice concerns.
 */
export async function getNoticeMode(actor: StaffActor) {
	if (!can(actor.role, WORK_CASES)) return null
	const account = await prisma.staffUser.findUniqueOrThrow({
		where: { id: actor.id },
		select: { noticeMode: true },
	})
	return { noticeMode: account.noticeMode, mailOn: getMailConfig() !== null }
}

export async function setNoticeMode(actor: StaffActor, noticeMode: (typeof NOTICE_MODES)[number]) {
	requirePermission(actor, WORK_CASES)
	await prisma.$transaction(async (tx) => {
		await tx.staffUser.update({
			where: { id: actor.id },
			data: { noticeMode },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'notifications.mode-changed',
			actor,
			targetUserId: actor.id,
			detail: { mode: noticeMode },
		})
	})
}
