// Who among the staff hears of what, queued in the transaction of the event
// (decision 0017): a new request tells everyone who triages, a reporter's
// message the case's counsellor (or, unassigned, those who triage), an
// assignment the new assignee. An account on the daily digest gets its
// count raised instead of a mail. Without SMTP nothing is queued or counted.
import { Prisma } from '~/generated/prisma/client'
import { rolesWith } from '~/platform/permissions'
import { enqueueJob, QUEUES } from './job-queue.server'
import { getMailConfig } from './mail-config.server'

type Tx = Prisma.TransactionClient

/** Everyone who triages the inbox: the active accounts that may work every case. */
async function triagerIds(tx: Tx): Promise<string[]> {
	const accounts = await tx.staffUser.findMany({
		where: { active: true, role: { in: rolesWith('case:work-all') } },
		select: { id: true },
	})
	return accounts.map((account) => account.id)
}

async function noticeAccounts(tx: Tx, ids: readonly string[]): Promise<void> {
	if (!getMailConfig() || ids.length === 0) return
	const accounts = await tx.staffUser.findMany({
		where: { id: { in: [...new Set(ids)] }, active: true },
		// One order for every transaction, so that two never wait on each other's rows.
		orderBy: { id: 'asc' },
		select: { id: true, noticeMode: true },
	})
	const digest = accounts.filter((account) => account.noticeMode === 'DIGEST')
	if (digest.length) {
		// Raw: a count going up is not a change of the account (its updatedAt stays).
		await tx.$executeRaw`UPDATE "StaffUser" SET "noticesPending" = "noticesPending" + 1
			WHERE "id" IN (${Prisma.join(digest.map((account) => account.id))})`
	}
	for (const account of accounts) {
		if (account.noticeMode !== 'EACH') continue
		// The account as singleton key: while one notice waits, another would say the same.
		await enqueueJob(
			tx,
			QUEUES.staffNotice,
			{ staffUserId: account.id },
			{ singletonKey: account.id },
		)
	}
}

/** A request came in through the public form. */
export async function noticeNewRequest(tx: Tx): Promise<void> {
	await noticeAccounts(tx, await triagerIds(tx))
}

/** A reporter wrote on the follow-up page. */
export async function noticeReporterMessage(tx: Tx, caseId: string): Promise<void> {
	const found = await tx.case.findUnique({
		where: { id: caseId },
		select: { assignedTo: { select: { id: true, active: true } } },
	})
	const assignee = found?.assignedTo?.active ? found.assignedTo.id : null
	await noticeAccounts(tx, assignee ? [assignee] : await triagerIds(tx))
}

/**
 * Cases were assigned: one notice per new assignee, however many cases it
 * got (a handover), and none to the one who assigned them to themselves.
 */
export async function noticeAssignment(
	tx: Tx,
	actor: { id: string },
	assigneeIds: ReadonlyArray<string | null>,
): Promise<void> {
	const others = assigneeIds.filter((id): id is string => id !== null && id !== actor.id)
	await noticeAccounts(tx, others)
}

/**
 * 07:00: each account on the digest that heard of anything since the last
 * one gets one notice saying how many, and its count starts again from 0;
 * in one transaction, so a count is mailed once (a second run finds 0).
 * Returns how many digests were queued.
 */
export async function queueDigests(tx: Tx): Promise<number> {
	const due = await tx.$queryRaw<Array<{ id: string; noticesPending: number; active: boolean }>>`
		SELECT "id", "noticesPending", "active" FROM "StaffUser"
		WHERE "noticesPending" > 0 ORDER BY "id" FOR UPDATE`
	if (due.length === 0) return 0
	let queued = 0
	for (const account of due) {
		if (!account.active || !getMailConfig()) continue
		await enqueueJob(
			tx,
			QUEUES.staffNotice,
			{ staffUserId: account.id, count: account.noticesPending },
			{ singletonKey: `digest:${account.id}` },
		)
		queued++
	}
	await tx.$executeRaw`UPDATE "StaffUser" SET "noticesPending" = 0
		WHERE "id" IN (${Prisma.join(due.map((account) => account.id))})`
	return queued
}
