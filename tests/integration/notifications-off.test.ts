// Without SMTP_HOST, notifications are off: nothing is queued, counted or
// sent, the worker does not start, and the pages say so.
import { pino } from 'pino'
import { expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest } from '~/features/intake/store-request.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { getFollowUpView } from '~/features/follow-up/follow-up.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { startNotificationWorker } from '~/features/notifications/notification-worker.server'
import {
	getNoticeMode,
	getNotificationStatus,
	MailOffError,
	sendTestMail,
	setNoticeMode,
} from '~/features/notifications/notification-settings.server'
import { createSignedInStaff } from '../support/staff'

test('without SMTP_HOST no notice is queued or counted, and the worker does not start', async () => {
	expect(process.env.SMTP_HOST).toBeUndefined()
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	const lead = await createSignedInStaff('LEAD', 'off-lead')
	const digestLead = await createSignedInStaff('LEAD', 'off-digest-lead')
	const admin = await createSignedInStaff('ADMIN', 'off-admin')
	await setNoticeMode(digestLead.actor, 'DIGEST')

	const { reference, followUpCode } = await createRequest(
		IntakeSchema.parse({
			narrative: 'Ohne Mailserver',
			responseWish: 'ANSWER',
			contactMode: 'contact',
			contactEmail: 'reporter@example.net',
			replyNotice: 'yes',
			consent: 'yes',
		}),
		[],
	)
	await sendMessageToReporter(lead.actor, reference, 'Eine Antwort')

	const jobs = await prisma.$queryRaw<
		Array<{ n: number }>
	>`SELECT count(*)::int AS n FROM pgboss.job`
	expect(jobs[0]!.n).toBe(0)
	// The follow-up page does not offer what would never come.
	const reporter = (await getReporter((await openReporterSession(followUpCode))!))!
	expect((await getFollowUpView(reporter)).replyNotice).toBe('unavailable')
	const counted = await prisma.staffUser.findUniqueOrThrow({
		where: { id: digestLead.user.id },
		select: { noticesPending: true },
	})
	expect(counted.noticesPending).toBe(0)

	expect(await startNotificationWorker(pino({ level: 'silent' }))).toBeNull()
	expect(await getNoticeMode(lead.actor)).toEqual({ noticeMode: 'EACH', mailOn: false })
	expect(await getNoticeMode(admin.actor)).toBeNull()
	expect((await getNotificationStatus(admin.actor)).server).toBeNull()
	await expect(sendTestMail(admin.actor, 'own')).rejects.toThrow(MailOffError)
})
