// The inbox: the cases in the actor's scope, filtered and paged, with
// metadata only (never content, so no key is opened and nothing is audited),
// and the staff a case can be assigned to.
import { prisma } from '~/platform/db.server'
import type { CaseStatusName } from '~/platform/taxonomy'
import { ASSIGNABLE, can, rolesWith } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { caseScope } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export const INBOX_PAGE_SIZE = 25

export type InboxView = 'new' | 'mine' | 'all'

export type InboxFilter = {
	view: InboxView
	status?: CaseStatusName
	assigneeId?: string
	area?: string
	requesterType?: string
	from?: Date
	to?: Date
	reference?: string
	page: number
}

function inboxWhere(actor: StaffActor, filter: InboxFilter): Prisma.CaseWhereInput {
	const conditions: Prisma.CaseWhereInput[] = [caseScope(actor)]
	if (filter.view === 'new') conditions.push({ status: 'NEW' })
	if (filter.view === 'mine') conditions.push({ assignedToId: actor.id })
	if (filter.status) conditions.push({ status: filter.status })
	if (filter.assigneeId === 'none') conditions.push({ assignedToId: null })
	else if (filter.assigneeId) conditions.push({ assignedToId: filter.assigneeId })
	if (filter.area) {
		// The counsellor's classification once there is one, else the reporter's answer.
		conditions.push({
			OR: [
				{ areas: { has: filter.area } },
				{ areas: { isEmpty: true }, reportedAreas: { has: filter.area } },
			],
		})
	}
	if (filter.requesterType) {
		conditions.push({
			OR: [
				{ requesterType: filter.requesterType },
				{ requesterType: null, reportedRequesterType: filter.requesterType },
			],
		})
	}
	if (filter.from || filter.to)
		conditions.push({ receivedOn: { gte: filter.from, lte: filter.to } })
	if (filter.reference) {
		conditions.push({ reference: { contains: filter.reference.trim().toUpperCase() } })
	}
	return { AND: conditions }
}

export async function listCases(actor: StaffActor, filter: InboxFilter) {
	const where = inboxWhere(actor, filter)
	const page = Math.max(1, filter.page)
	const [cases, total] = await Promise.all([
		prisma.case.findMany({
			where,
			orderBy: [{ receivedOn: 'desc' }, { reference: 'desc' }],
			skip: (page - 1) * INBOX_PAGE_SIZE,
			take: INBOX_PAGE_SIZE,
			select: {
				reference: true,
				status: true,
				channel: true,
				receivedOn: true,
				requesterType: true,
				reportedRequesterType: true,
				areas: true,
				reportedAreas: true,
				personalDataDeletedAt: true,
				assignedTo: { select: { displayName: true } },
			},
		}),
		prisma.case.count({ where }),
	])
	return {
		cases: cases.map((row) => ({
			reference: row.reference,
			status: row.status,
			channel: row.channel,
			receivedOn: row.receivedOn.toISOString().slice(0, 10),
			requesterType: row.requesterType ?? row.reportedRequesterType,
			areas: row.areas.length ? row.areas : row.reportedAreas,
			assignee: row.assignedTo?.displayName ?? null,
			personalDataDeleted: row.personalDataDeletedAt !== null,
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
	}
}

/** Staff who can be assigned a case (for the lead's triage and the inbox filter). */
export async function listAssignableStaff(actor: StaffActor) {
	if (!can(actor.role, 'case:work-all')) return []
	return prisma.staffUser.findMany({
		where: { active: true, role: { in: rolesWith(ASSIGNABLE) } },
		orderBy: { displayName: 'asc' },
		select: { id: true, displayName: true, role: true },
	})
}
