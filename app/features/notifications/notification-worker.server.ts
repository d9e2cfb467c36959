// The mail worker. Every instance starts one with the server (server/main.ts)
// when SMTP is configured; pg-boss gives each job to one worker only, and
// one instance's maintenance and schedule run at a time (decision 0017). A
// mail that fails is tried again with growing pauses; after the last try its
// failure kind is kept for the admin. Nothing the app does waits for a mail:
// the events committed before their notices were even looked at.
import PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import { prisma } from '~/platform/db.server'
import { errorSummary } from '~/platform/logger.server'
import { deliverMail, recordDelivered, recordFailure } from './delivery.server'
import {
	JOB_RETENTION,
	JOB_SCHEMA,
	QUEUES,
	type ReporterNoticeJob,
	type StaffNoticeJob,
} from './job-queue.server'
import { followUpLink, getMailConfig, inboxLink, type MailConfig } from './mail-config.server'
import { reporterNoticeText, staffNoticeText } from './mail-texts.server'
import { failureKindOf, MailFailure } from './mail-transport.server'
import { openReporterAddress } from './reporter-notices.server'
import { queueDigests } from './staff-notices.server'

/** The digest goes out at seven in the morning, office time. */
const DIGEST_SCHEDULE = { cron: '0 7 * * *', tz: 'Europe/Zurich' }

/** A reporter's address that SESSION_SECRET no longer opens (the secret changed). */
const SEALED_ADDRESS_UNREADABLE = 'ESECRET'

/** True when a mail went out; false when there was nobody to send it to. */
type Send = () => Promise<boolean>

async function sendStaffNotice(config: MailConfig, job: StaffNoticeJob): Promise<boolean> {
	const account = await prisma.staffUser.findUnique({
		where: { id: job.staffUserId },
		select: { email: true, active: true },
	})
	// Deactivated since: it hears of nothing any more.
	if (!account?.active) return false
	await deliverMail(config, account.email, staffNoticeText(inboxLink(config), job.count))
	return true
}

async function sendReporterNotice(config: MailConfig, job: ReporterNoticeJob): Promise<boolean> {
	let address: string
	try {
		address = openReporterAddress(job.sealedAddress)
	} catch {
		throw new MailFailure(SEALED_ADDRESS_UNREADABLE)
	}
	await deliverMail(config, address, reporterNoticeText(followUpLink(config), job.language))
	return true
}

export type NotificationWorker = { stop(): Promise<void> }

/** Starts the worker, or returns null when SMTP is not configured (notifications are off). */
export async function startNotificationWorker(logger: Logger): Promise<NotificationWorker | null> {
	const config = getMailConfig()
	if (!config) {
		logger.info('notifications off: SMTP_HOST is not set')
		return null
	}
	const log = logger.child({ component: 'mail' })
	const boss = new PgBoss({
		connectionString: process.env.DATABASE_URL,
		schema: JOB_SCHEMA,
		// The queue's own connections, besides the app's pool (README).
		max: 2,
		// The migrations install and upgrade the schema (server/migrations.ts).
		migrate: false,
		...JOB_RETENTION,
	})
	// pg-boss's own errors: the database away for a moment, a lost lock; its next round retries.
	// Name and code only: a driver's message names the database's address.
	boss.on('error', (error) => {
		const { name, code } = errorSummary(error)
		log.warn({ err: { name, code } }, 'mail queue: will retry')
	})

	/**
	 * One try. A failure is thrown on as its kind only: pg-boss keeps what
	 * is thrown in the job's row, and the transport's message may name the
	 * recipient. After the last try the kind is kept for the admin.
	 */
	const attempt = async (job: PgBoss.JobWithMetadata<unknown>, send: Send) => {
		let sent: boolean
		try {
			sent = await send()
		} catch (error) {
			const kind = failureKindOf(error)
			const last = job.retryCount >= job.retryLimit
			log.warn({ queue: job.name, failure: kind, try: job.retryCount + 1, last }, 'mail not sent')
			if (last) await recordFailure(kind).catch(() => undefined)
			throw new Error(kind)
		}
		// The mail is out: a failure to note it must not send it again.
		if (sent) await recordDelivered().catch(() => undefined)
	}

	await boss.start()
	await boss.work<StaffNoticeJob>(QUEUES.staffNotice, { includeMetadata: true }, async ([job]) =>
		attempt(job!, () => sendStaffNotice(config, job!.data)),
	)
	await boss.work<ReporterNoticeJob>(
		QUEUES.reporterNotice,
		{ includeMetadata: true },
		async ([job]) => attempt(job!, () => sendReporterNotice(config, job!.data)),
	)
	await boss.work(QUEUES.digest, async () => {
		const queued = await prisma.$transaction((tx) => queueDigests(tx))
		if (queued) log.info({ digests: queued }, 'daily digests queued')
	})
	await boss.schedule(QUEUES.digest, DIGEST_SCHEDULE.cron, {}, { tz: DIGEST_SCHEDULE.tz })
	// No host: the settings page names it; the log names no address of any kind.
	log.info({ port: config.port, tls: config.tls }, 'notifications on')
	return {
		// Lets a mail being sent finish (up to the grace time), then closes the queue's connections.
		stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
	}
}
