// A reporter who was answered outside the app (by telephone, by e-mail, in
// person) waits for nothing any more: the assignee or a lead says so on the
// case page, and the inbox stops counting the wait (decision 0019). A
// message sent in the app does the same by itself.
import { prisma } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import { lockCaseInScope } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export async function markAnswered(actor: StaffActor, reference: string) {
	await prisma.$transaction(async (tx) => {
		const found = await lockCaseInScope(tx, actor, reference)
		const { count } = await tx.case.updateMany({
			where: { id: found.id, waitingSince: { not: null } },
			data: { waitingSince: null },
		})
		// Nobody was waiting: nothing changed, nothing to record.
		if (count === 0) return
		await recordAudit(tx, {
			action: 'case.marked-answered',
			actor,
			caseId: found.id,
			caseReference: found.reference,
		})
	})
}
