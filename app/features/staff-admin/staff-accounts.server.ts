// The admin's side of existing staff accounts: the list, roles,
// deactivation (its open cases go back to the leads' triage), resetting a lost second factor. The admin never touches case
// content: a role change changes who *should* hold case keys, and a lead
// decides whether the account receives them (key-access/), since only leads
// can wrap them. Each change and its audit entry are one transaction.
import { prisma } from '~/platform/db.server'
import {
	can,
	ForbiddenError,
	HOLDS_EVERY_CASE_KEY,
	requirePermission,
	type StaffRoleName,
} from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { releaseOpenCasesOf } from '../cases/assignment.server'
import { lockAccountKeys, resetKeyApproval } from '../key-access/key-requests.server'
import { endAllSessionsOf, type StaffActor } from '../staff-auth/staff-session.server'
import { clearTwoFactor } from '../staff-auth/two-factor.server'

export async function listStaff(actor: StaffActor) {
	requirePermission(actor, 'staff:manage')
	const [staff, invitations] = await Promise.all([
		prisma.staffUser.findMany({
			orderBy: [{ active: 'desc' }, { displayName: 'asc' }],
			select: {
				id: true,
				email: true,
				displayName: true,
				role: true,
				active: true,
				totpEnabledAt: true,
				createdAt: true,
				keyRequests: { where: { decidedAt: null }, select: { id: true } },
			},
		}),
		prisma.invitation.findMany({
			where: { usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
			orderBy: { createdAt: 'desc' },
			select: {
				id: true,
				kind: true,
				email: true,
				displayName: true,
				role: true,
				expiresAt: true,
			},
		}),
	])
	return {
		staff: staff.map(({ keyRequests, ...member }) => ({
			...member,
			twoFactor: member.totpEnabledAt !== null,
			awaitingKeyApproval: keyRequests.length > 0,
		})),
		invitations: invitations.map((invitation) => ({
			...invitation,
			expiresOn: invitation.expiresAt.toISOString().slice(0, 10),
		})),
	}
}

/** The account an admin action names does not exist (a stale page, a forged post). */
export class StaffNotFoundError extends Error {
	constructor() {
		super('no such staff account')
	}
}

export async function requireStaffMember(
	db: Pick<Prisma.TransactionClient, 'staffUser'>,
	userId: string,
) {
	const user = await db.staffUser.findUnique({
		where: { id: userId },
		select: { email: true, displayName: true, role: true },
	})
	if (!user) throw new StaffNotFoundError()
	return user
}

export async function changeRole(actor: StaffActor, userId: string, role: StaffRoleName) {
	requirePermission(actor, 'staff:manage')
	if (userId === actor.id) throw new ForbiddenError()
	await prisma.$transaction(async (tx) => {
		await lockAccountKeys(tx, userId)
		const user = await requireStaffMember(tx, userId)
		if (user.role === role) return
		await tx.staffUser.update({ where: { id: userId }, data: { role }, select: { id: true } })
		if (!can(role, HOLDS_EVERY_CASE_KEY)) {
			// Only a lead reads every case: keep the keys of the cases assigned to this person.
			await tx.caseKeyGrant.deleteMany({
				where: {
					holder: 'STAFF',
					staffUserId: userId,
					case: { OR: [{ assignedToId: null }, { assignedToId: { not: userId } }] },
				},
			})
			await tx.pendingGrant.deleteMany({
				where: {
					staffUserId: userId,
					case: { OR: [{ assignedToId: null }, { assignedToId: { not: userId } }] },
				},
			})
		}
		// Any approval lapses: to a role that holds every case's key (or with
		// keys still pending) the account waits for a lead's decision again.
		await resetKeyApproval(tx, {
			staffUserId: userId,
			role,
			reason: 'ROLE_CHANGE',
			requestedBy: actor,
		})
		await endAllSessionsOf(tx, userId)
		await recordAudit(tx, {
			action: 'staff.role-changed',
			actor,
			targetUserId: userId,
			detail: { from: user.role, to: role },
		})
	})
}

export async function setStaffActive(actor: StaffActor, userId: string, active: boolean) {
	requirePermission(actor, 'staff:manage')
	if (userId === actor.id) throw new ForbiddenError()
	await prisma.$transaction(async (tx) => {
		await requireStaffMember(tx, userId)
		await tx.staffUser.update({ where: { id: userId }, data: { active }, select: { id: true } })
		if (!active) {
			await endAllSessionsOf(tx, userId)
			await releaseOpenCasesOf(tx, actor, userId)
		}
		await recordAudit(tx, {
			action: active ? 'staff.reactivated' : 'staff.deactivated',
			actor,
			targetUserId: userId,
		})
	})
}

export async function resetTwoFactor(actor: StaffActor, userId: string) {
	requirePermission(actor, 'staff:manage')
	await prisma.$transaction(async (tx) => {
		await requireStaffMember(tx, userId)
		await clearTwoFactor(tx, userId)
		await recordAudit(tx, { action: 'two-factor.reset', actor, targetUserId: userId })
	})
}
