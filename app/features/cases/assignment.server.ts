// The lead assigns a case, or hands over a leaver's open cases at once: the case key, opened with the lead's own grant,
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
import { noticeAssignment } from '../notifications/staff-notices.server'
import type { Prisma } from '~/generated/prisma/client'
import {
	CaseNotFoundError,
	caseScope,
	grantCaseKey,
	lockCaseInScope,
	requireCaseInScope,
	requireCaseKey,
	sealGrant,
	type StaffGrant,
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
		if (await moveAssignment(tx, actor, reference, assigneeId, grant)) {
			await noticeAssignment(tx, actor, [assigneeId])
		}
	})
}

/** The cases a lead can hand over at once: open ones (new or in progress). */
const OPEN_STATUSES = ['NEW', 'IN_PROGRESS'] as const

/**
 * When someone leaves: every open case assigned to `fromId` goes to `toId`
 * in one transaction, each case key wrapped to the new assignee and the
 * leaver's grant removed, each move audited. All or nothing: a failure
 * leaves every case where it was. Returns how many cases moved.
 */
export async function handOverOpenCases(actor: StaffActor, fromId: string, toId: string) {
	requirePermission(actor, 'case:work-all')
	if (fromId === toId) return 0
	const cases = await prisma.case.findMany({
		where: {
			AND: [caseScope(actor), { assignedToId: fromId, status: { in: [...OPEN_STATUSES] } }],
		},
		select: { id: true, reference: true },
	})
	const grants: StaffGrant[] = []
	for (const found of cases) grants.push(await sealForAssignee(actor, found.id, toId))
	await prisma.$transaction(
		async (tx) => {
			let moved = false
			for (const [index, found] of cases.entries()) {
				if (await moveAssignment(tx, actor, found.reference, toId, grants[index]!)) moved = true
			}
			// One notice for the whole caseload, not one per case.
			if (moved) await noticeAssignment(tx, actor, [toId])
		},
		// A leaver's whole caseload in one transaction: more than the default five seconds.
		{ timeout: 60_000 },
	)
	return cases.length
}

/** Each assignable account with the number of open cases assigned to it, for the handover page. */
export async function listCaseloads(actor: StaffActor) {
	requirePermission(actor, 'case:work-all')
	const [accounts, counts] = await Promise.all([
		prisma.staffUser.findMany({
			where: { role: { in: rolesWith(ASSIGNABLE) } },
			orderBy: { displayName: 'asc' },
			select: { id: true, displayName: true, email: true, active: true },
		}),
		prisma.case.groupBy({
			by: ['assignedToId'],
			where: { AND: [caseScope(actor), { status: { in: [...OPEN_STATUSES] } }] },
			_count: { _all: true },
		}),
	])
	const openCases = new Map(counts.map((row) => [row.assignedToId, row._count._all]))
	return accounts.map((account) => ({ ...account, openCases: openCases.get(account.id) ?? 0 }))
}

/**
 * In the caller's transaction, under the case's row lock: the grants change,
 * the case is assigned (a new case starts) and the audit entry is written.
 * False when the case was assigned so already.
 */
async function moveAssignment(
	tx: Prisma.TransactionClient,
	actor: StaffActor,
	reference: string,
	assigneeId: string | null,
	grant: StaffGrant | null,
): Promise<boolean> {
	// Locked: two leads assigning at once take turns, and the second sees
	// the first's counsellor, whose grant it removes; without the lock both
	// would remove the same earlier one and a counsellor no longer
	// assigned would keep the key.
	const found = await lockCaseInScope(tx, actor, reference)
	const previous = found.assignedToId
	if (previous === assigneeId) return false
	if (previous) await dropAssigneeKeys(tx, previous, [found.id])
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
	return true
}

/** How many open cases an account still has: what deactivating it would send back to triage. */
export async function countOpenCasesAssignedTo(actor: StaffActor, userId: string) {
	requirePermission(actor, 'staff:manage')
	return prisma.case.count({
		where: { assignedToId: userId, status: { in: [...OPEN_STATUSES] } },
	})
}

/**
 * In the deactivation's transaction: the account's open cases go back to the
 * leads' triage queue, unassigned, and its grants on them are removed (a
 * deactivated counsellor must not keep keys to cases nobody watches). No
 * case key is needed, so the admin can do it; each case's move is audited.
 */
export async function releaseOpenCasesOf(
	tx: Prisma.TransactionClient,
	actor: StaffActor,
	userId: string,
) {
	requirePermission(actor, 'staff:manage')
	const cases = await tx.case.findMany({
		where: { assignedToId: userId, status: { in: [...OPEN_STATUSES] } },
		select: { id: true, reference: true },
	})
	if (!cases.length) return 0
	const ids = cases.map((found) => found.id)
	await dropAssigneeKeys(tx, userId, ids)
	await tx.case.updateMany({ where: { id: { in: ids } }, data: { assignedToId: null } })
	for (const found of cases) {
		await recordAudit(tx, {
			action: 'case.assigned',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			detail: { from: userId, to: null, reason: 'deactivated' },
		})
	}
	return cases.length
}

/**
 * A former assignee's keys to these cases, granted and pending, go with the
 * assignment; a role that holds every case's key (a lead) keeps its own.
 */
async function dropAssigneeKeys(tx: Prisma.TransactionClient, userId: string, caseIds: string[]) {
	const account = await tx.staffUser.findUnique({ where: { id: userId }, select: { role: true } })
	if (!account || can(account.role, HOLDS_EVERY_CASE_KEY)) return
	await tx.caseKeyGrant.deleteMany({
		where: { caseId: { in: caseIds }, holder: 'STAFF', staffUserId: userId },
	})
	await tx.pendingGrant.deleteMany({ where: { caseId: { in: caseIds }, staffUserId: userId } })
}
