// The lead assigns a case: the case key, opened with the lead's own grant,
// is wrapped to the counsellor's public key; the previous counsellor's grant
// is removed (a lead keeps theirs). The key is sealed before the
// transaction; in it, under the case's row lock, the grants change, the
// case is assigned and the audit entry is written, all or nothing.
import { prisma } from '~/platform/db.server'
import {
	ASSIGNABLE,
	can,
	HOLDS_EVERY_CASE_KEY,
	requirePermission,
	rolesWith,
} from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import {
	CaseNotFoundError,
	grantCaseKey,
	lockCaseInScope,
	requireCaseInScope,
	requireCaseKey,
	sealGrant,
} from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** The case key sealed to the assignee, who must be active and assignable. */
async function sealForAssignee(actor: StaffActor, caseId: string, assigneeId: string) {
	const assignee = await prisma.staffUser.findFirst({
		where: { id: assigneeId, active: true, role: { in: rolesWith(ASSIGNABLE) } },
		select: { id: true, publicKey: true },
	})
	if (!assignee) throw new CaseNotFoundError()
	const caseKey = await requireCaseKey(prisma, actor, caseId)
	const grant = sealGrant({
		caseId,
		staffUserId: assignee.id,
		publicKey: assignee.publicKey,
		caseKey,
	})
	caseKey.fill(0)
	return grant
}

export async function assignCase(actor: StaffActor, reference: string, assigneeId: string | null) {
	requirePermission(actor, 'case:work-all')
	const seen = await requireCaseInScope(prisma, actor, reference)
	// Already so: nothing to do (as if this request came before any change since).
	if (seen.assignedToId === assigneeId) return
	const grant = assigneeId ? await sealForAssignee(actor, seen.id, assigneeId) : null
	await prisma.$transaction(async (tx) => {
		// Locked: two leads assigning at once take turns, and the second sees
		// the first's counsellor, whose grant it removes; without the lock both
		// would remove the same earlier one and a counsellor no longer
		// assigned would keep the key.
		const found = await lockCaseInScope(tx, actor, reference)
		const previous = found.assignedToId
		if (previous === assigneeId) return
		const previousRole = previous
			? (await tx.staffUser.findUnique({ where: { id: previous }, select: { role: true } }))?.role
			: null
		if (previous && previousRole && !can(previousRole, HOLDS_EVERY_CASE_KEY)) {
			await tx.caseKeyGrant.deleteMany({
				where: { caseId: found.id, holder: 'STAFF', staffUserId: previous },
			})
			await tx.pendingGrant.deleteMany({ where: { caseId: found.id, staffUserId: previous } })
		}
		if (grant) await grantCaseKey(tx, grant)
		const starts = found.status === 'NEW' && assigneeId !== null
		await tx.case.update({
			where: { id: found.id },
			data: { assignedToId: assigneeId, status: starts ? 'IN_PROGRESS' : undefined },
			select: { id: true },
		})
		if (starts) {
			await tx.caseStatusChange.create({
				data: {
					caseId: found.id,
					fromStatus: 'NEW',
					toStatus: 'IN_PROGRESS',
					staffUserId: actor.id,
				},
				select: { id: true },
			})
		}
		await recordAudit(tx, {
			action: 'case.assigned',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			targetUserId: assigneeId,
			detail: { from: previous, to: assigneeId },
		})
	})
}
