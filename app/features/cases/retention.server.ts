// The retention rule (product.md, docs/data-protection.md): a case closed
// longer than the retention period is deleted, row and all; what it counted
// in the statistics stays, as counts only (DeletedCaseTally) and as its
// services without the case. Audit entries older than the period (at least a
// year) go too. Run daily by the server and on demand by
// `npm run jobs:retention`. Idempotent, so several instances may run it.
import { prisma } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { getRetentionMonths } from '../staff-admin/office-settings.server'

/**
 * Audit entries live as long as the retention period, and at least a year,
 * the least time logs are kept (DSV Art. 4); the database refuses to delete a
 * younger one (migration "clear_columns").
 */
export const AUDIT_MINIMUM_MONTHS = 12

/** The moment before which a closing (or an audit entry) is due for deletion. */
export function retentionCutoff(now: Date, months: number): Date {
	const cutoff = new Date(now)
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
	return cutoff
}

/**
 * Deletes a case and everything of it (messages, notes, files, grants,
 * sessions, status history: the foreign keys cascade), in the caller's
 * transaction. First, what it counts in "CaseTally" is added to
 * "DeletedCaseTally", since the delete trigger takes it out of the former;
 * the row is locked, so both are the same rows. Its services stay for the
 * statistics, in the first day of their quarter (the grain the statistics
 * count) and without who gave them; the foreign key unlinks them from the
 * case. A case that was not discrimination counts nowhere, nor do its services.
 */
async function deleteCaseKeepingItsCounts(tx: Prisma.TransactionClient, caseId: string) {
	await tx.$queryRaw`SELECT 1 FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`
	await tx.$executeRaw`
		INSERT INTO "DeletedCaseTally" ("year", "quarter", "dimension", "key", "count")
		SELECT t."year", t."quarter", t."dimension", t."key", count(*)::int
		FROM "Case" AS c, LATERAL "case_tally_rows"(c) AS t
		WHERE c."id" = ${caseId}
		GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
		ON CONFLICT ("year", "quarter", "dimension", "key")
		DO UPDATE SET "count" = "DeletedCaseTally"."count" + excluded."count"`
	await tx.$executeRaw`
		DELETE FROM "CounsellingService" s USING "Case" c
		WHERE s."caseId" = c."id" AND c."id" = ${caseId} AND c."status" = 'NOT_DISCRIMINATION'`
	await tx.$executeRaw`
		UPDATE "CounsellingService"
		SET "staffUserId" = NULL, "providedOn" = date_trunc('quarter', "providedOn")::date
		WHERE "caseId" = ${caseId}`
	await tx.case.delete({ where: { id: caseId }, select: { id: true } })
}

export async function runRetention(
	now = new Date(),
): Promise<{ deleted: string[]; auditEntriesDeleted: number }> {
	const months = await getRetentionMonths()
	const due = await prisma.case.findMany({
		where: {
			status: { in: ['CLOSED', 'NOT_DISCRIMINATION'] },
			closedAt: { lt: retentionCutoff(now, months) },
		},
		select: { id: true, reference: true },
	})
	// One transaction per case: each deletion with its entry, and a failure
	// half-way leaves the cases done so far done.
	for (const found of due) {
		await prisma.$transaction(async (tx) => {
			await deleteCaseKeepingItsCounts(tx, found.id)
			await recordAudit(tx, {
				action: 'case.deleted',
				caseId: found.id,
				caseReference: found.reference,
				detail: { reason: 'retention', months },
			})
		})
	}
	const auditMonths = Math.max(months, AUDIT_MINIMUM_MONTHS)
	const { count: auditEntriesDeleted } = await prisma.auditEvent.deleteMany({
		where: { at: { lt: retentionCutoff(now, auditMonths) } },
	})
	await recordAudit(prisma, {
		action: 'retention.run',
		detail: { deleted: due.length, months, auditEntriesDeleted, auditMonths },
	})
	return { deleted: due.map((found) => found.reference), auditEntriesDeleted }
}

const DAILY_RUN_LOCK = 0x616e6c66 // any constant: one advisory lock for this job
const ONCE_PER_MS = 23 * 3_600_000

/**
 * The server's daily run. Several instances share the database, so the run
 * is claimed first: under an advisory lock, an instance that finds no claim
 * from the last 23 hours writes one (to the audit log) and runs the job;
 * the others skip it. Returns null when another instance had it.
 */
export async function runDailyRetention(now = new Date()) {
	const claimed = await prisma.$transaction(async (tx) => {
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DAILY_RUN_LOCK})`
		const recent = await tx.auditEvent.findFirst({
			where: { action: 'retention.scheduled', at: { gt: new Date(now.getTime() - ONCE_PER_MS) } },
			select: { id: true },
		})
		if (recent) return false
		await recordAudit(tx, { action: 'retention.scheduled' })
		return true
	})
	return claimed ? runRetention(now) : null
}
