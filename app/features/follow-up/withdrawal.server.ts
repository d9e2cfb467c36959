// The reporter withdraws their request (decision 0022): its content goes at
// once, through the same deletion as a lead's early deletion
// (erasePersonalData), and the case stays as its anonymous statistical
// record, closed as "withdrawn" if it was still open. The follow-up code opens
// nothing afterwards: its look-up value, the reporter's grant and every
// session of the case go with the content.
import { prisma } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import { erasePersonalData } from '../cases/personal-data.server'
import type { Reporter } from './reporter-session.server'

/**
 * Withdraws the reporter's request, in one transaction with its audit entry
 * (no content, no detail). Returns false when there was nothing left to
 * withdraw: another tab, or a lead's early deletion, came first.
 */
export async function withdrawRequest(reporter: Reporter, now = new Date()): Promise<boolean> {
	const { caseId } = reporter
	// The moment, not only the day: the audit entry has it anyway, and the
	// case's history orders the withdrawal after what staff did that day.
	return prisma.$transaction(async (tx) => {
		// Locked: two withdrawals at once (or one and a staff change) run one after the other.
		await tx.$executeRaw`SELECT 1 FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`
		const found = await tx.case.findUnique({
			where: { id: caseId },
			select: { reference: true, status: true, personalDataDeletedAt: true },
		})
		if (!found || found.personalDataDeletedAt) return false
		await erasePersonalData(tx, caseId, 'withdrawn', now)
		if (found.status === 'NEW' || found.status === 'IN_PROGRESS') {
			// An open case ends here, and leaves the open queues. A case that had
			// ended keeps its outcome: how the counselling ended is the record.
			await tx.case.update({
				where: { id: caseId },
				data: { status: 'CLOSED', outcome: 'withdrawn', closedAt: now, dueOn: null },
				select: { id: true },
			})
			// No staff member: the only change of status the person makes.
			await tx.caseStatusChange.create({
				data: { caseId, fromStatus: found.status, toStatus: 'CLOSED', at: now },
				select: { id: true },
			})
		}
		await recordAudit(tx, { action: 'case.withdrawn', caseId, caseReference: found.reference })
		return true
	})
}
