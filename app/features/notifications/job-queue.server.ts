// The mail queue: jobs kept in PostgreSQL by pg-boss, in a schema of their
// own ("pgboss"). A notice is queued in the transaction of the event it
// tells of, so it exists if and only if the event committed, and it is sent
// after the commit by a worker of any instance; pg-boss hands each job to
// one worker only (SELECT … FOR UPDATE SKIP LOCKED). Decision 0017.
import { createRequire } from 'node:module'
import PgBoss from 'pg-boss'
import type { Prisma } from '~/generated/prisma/client'

export const JOB_SCHEMA = 'pgboss'

export const QUEUES = {
	/** A content-free notice to one account: `{ staffUserId, count? }`. */
	staffNotice: 'staff-notice',
	/** A content-free notice to a reporter who opted in: the sealed address and a language. */
	reporterNotice: 'reporter-notice',
	/** Daily at 07:00 in Zurich: the digests of the accounts that chose one. */
	digest: 'notice-digest',
} as const

export type StaffNoticeJob = { staffUserId: string; count?: number }
export type ReporterNoticeJob = { sealedAddress: string; language: string }

type JobData = {
	[QUEUES.staffNotice]: StaffNoticeJob
	[QUEUES.reporterNotice]: ReporterNoticeJob
}

const DELIVERY: Omit<PgBoss.Queue, 'name'> = {
	// Six retries, the pause doubling from 1–2 minutes to 32–64 (pg-boss draws it in that range).
	retryLimit: 6,
	retryDelay: 60,
	retryBackoff: true,
	// Longer than the transport's timeouts: a job is failed for a timeout only when a worker died.
	expireInSeconds: 300,
	// A notice not sent within a day is dropped: by then it tells nothing new.
	retentionMinutes: 24 * 60,
}

/**
 * "short": while an account's notice waits unsent, a second one for it is
 * not queued (its singleton key is the account): the two would say the same.
 */
const QUEUE_OPTIONS: Record<(typeof QUEUES)[keyof typeof QUEUES], Omit<PgBoss.Queue, 'name'>> = {
	[QUEUES.staffNotice]: { ...DELIVERY, policy: 'short' },
	[QUEUES.reporterNotice]: { ...DELIVERY, policy: 'standard' },
	[QUEUES.digest]: { policy: 'short', retryLimit: 3, retryDelay: 60, retryBackoff: true },
}

/**
 * What pg-boss keeps, and for how long: a job done or given up moves to the
 * archive a minute later and is deleted from it a minute after that (its
 * maintenance runs every minute), so a sent notice, and a reporter's sealed
 * address with it, is gone within about five minutes (docs/data-protection.md).
 * pg-boss's schedule needs at least the minute.
 */
export const JOB_RETENTION = {
	archiveCompletedAfterSeconds: 60,
	archiveFailedAfterSeconds: 60,
	deleteAfterSeconds: 60,
	maintenanceIntervalSeconds: 60,
} as const

/** Runs pg-boss's SQL in a Prisma transaction: the job commits, or rolls back, with it. */
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
	return {
		executeSql: async (text, values = []) => ({
			rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(asParameter)),
		}),
	}
}

/** A job's data goes into a jsonb parameter as JSON text. */
function asParameter(value: unknown): unknown {
	return value !== null && typeof value === 'object' && !(value instanceof Date)
		? JSON.stringify(value)
		: value
}

let sender: PgBoss | undefined

/** pg-boss's insert, without a pool of its own: every send names its transaction. */
function jobSender(): PgBoss {
	sender ??= new PgBoss({
		schema: JOB_SCHEMA,
		db: {
			executeSql: () => Promise.reject(new Error('notices are queued in a transaction only')),
		},
	})
	return sender
}

/** Queues a job in the caller's transaction. */
export async function enqueueJob<Queue extends keyof JobData>(
	tx: Prisma.TransactionClient,
	queue: Queue,
	data: JobData[Queue],
	options: { singletonKey?: string } = {},
): Promise<void> {
	await jobSender().send(queue, data, { ...options, db: transactionDb(tx) })
}

/**
 * Creates pg-boss's schema and the queues, or brings them up to date: a
 * step of the migrations (server/migrations.ts), under their lock.
 */
export async function installJobQueue(databaseUrl: string): Promise<void> {
	const boss = new PgBoss({
		connectionString: databaseUrl,
		schema: JOB_SCHEMA,
		max: 1,
		migrate: true,
		supervise: false,
		schedule: false,
	})
	await boss.start()
	try {
		for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
			// create_queue leaves an existing queue as it is; the update applies changed options.
			await boss.createQueue(name, { name, ...options })
			await boss.updateQueue(name, { name, ...options })
		}
	} finally {
		await boss.stop({ graceful: false })
	}
}

/** The version of pg-boss's schema this code needs. */
export function jobQueueSchemaVersion(): number {
	const require = createRequire(import.meta.url)
	return (require('pg-boss/version.json') as { schema: number }).schema
}
