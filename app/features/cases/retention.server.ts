// The retention rule (product.md): personal data of cases closed longer than
// the retention period are deleted; the anonymised statistical record stays.
// Run daily by the server and on demand by `npm run jobs:retention`.
// Idempotent, so several instances may run it.
import { prisma } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import { getRetentionMonths } from '../staff-admin/office-settings.server'
import { erasePersonalData } from './personal-data.server'

/** The moment before which a closing makes personal data due for deletion. */
export function retentionCutoff(now: Date, months: number): Date {
	const cutoff = new Date(now)
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
	return cutoff
}

export async function runRetention(now = new Date()): Promise<{ deleted: string[] }> {
	const months = await getRetentionMonths()
	const due = await prisma.case.findMany({
		where: {
			status: { in: ['CLOSED', 'NOT_DISCRIMINATION'] },
			closedAt: { lt: retentionCutoff(now, months) },
			personalDataDeletedAt: null,
		},
		select: { id: true, reference: true },
	})
	// One transaction per case: each deletion with its entry, and a failure
	// half-way leaves the cases done so far done.
	for (const found of due) {
		await prisma.$transaction(async (tx) => {
			await erasePersonalData(tx, found.id, 'retention', now)
			await recordAudit(tx, {
				action: 'case.personal-data-deleted',
				caseId: found.id,
				caseReference: found.reference,
				detail: { reason: 'retention', months },
			})
		})
	}
	// The run itself changes nothing beyond the entries above.
	await recordAudit(prisma, { action: 'retention.run', detail: { deleted: due.length, months } })
	return { deleted: due.map((found) => found.reference) }
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
