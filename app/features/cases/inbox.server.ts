// The inbox: the cases in the actor's scope, by queue, filtered, sorted and
// paged, with metadata only (never content, so no key is opened and nothing
// is audited), the size of each queue, and the staff a case can be assigned
// to. The queues and what keeps them fast are in decision 0019.
import { prisma } from '~/platform/db.server'
import { calendarDay, daysBetween } from '~/platform/calendar-day'
import type { CaseStatusName } from '~/platform/taxonomy'
import { ASSIGNABLE, can, rolesWith, TRIAGE } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { caseScope } from './case-access.server'
import { dueStateOf } from './due-date.server'
import type { InboxQueue, InboxSort } from './casework-schemas'
import type { StaffActor } from '../staff-auth/staff-session.server'

export const INBOX_PAGE_SIZE = 25

export type InboxFilter = {
	view: InboxQueue
	sort?: InboxSort
	dir?: 'asc' | 'desc'
	status?: CaseStatusName
	assigneeId?: string
	area?: string
	requesterType?: string
	from?: Date
	to?: Date
	reference?: string
	page: number
}

const OPEN: CaseStatusName[] = ['NEW', 'IN_PROGRESS']
const CLOSED: CaseStatusName[] = ['CLOSED', 'NOT_DISCRIMINATION']

/** The queues a role has, the first the one it lands on. */
export function queuesOf(actor: StaffActor): InboxQueue[] {
	return can(actor.role, TRIAGE)
		? ['triage', 'mine', 'due', 'open', 'closed', 'all']
		: ['mine', 'due', 'closed']
}

/** The queue asked for if the role has it, else the one the role lands on. */
export function queueFor(actor: StaffActor, asked: InboxQueue | undefined): InboxQueue {
	const queues = queuesOf(actor)
	return asked && queues.includes(asked) ? asked : queues[0]!
}

/** The queues whose size the inbox shows: what needs attention, not the archive. */
const COUNTED: InboxQueue[] = ['triage', 'mine', 'due', 'open']

function queueWhere(actor: StaffActor, queue: InboxQueue, today: Date): Prisma.CaseWhereInput {
	switch (queue) {
		// New requests, and open cases that lost their assignee (a deactivated account).
		case 'triage':
			return { status: { in: OPEN }, assignedToId: null }
		case 'mine':
			return { status: { in: OPEN }, assignedToId: actor.id }
		case 'due':
			return { status: { in: OPEN }, dueOn: { lte: today } }
		case 'open':
			return { status: { in: OPEN } }
		case 'closed':
			return { status: { in: CLOSED } }
		case 'all':
			return {}
	}
}

function inboxWhere(actor: StaffActor, filter: InboxFilter, today: Date): Prisma.CaseWhereInput {
	const conditions: Prisma.CaseWhereInput[] = [
		caseScope(actor),
		queueWhere(actor, filter.view, today),
	]
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

/** Each queue's first sort: my cases by who waits longest, the due ones by their date. */
export function sortOf(filter: Pick<InboxFilter, 'view' | 'sort' | 'dir'>) {
	const sort: InboxSort =
		filter.sort ?? (filter.view === 'mine' ? 'waiting' : filter.view === 'due' ? 'due' : 'received')
	const dir = filter.dir ?? (sort === 'received' ? 'desc' : 'asc')
	return { sort, dir }
}

/** What a row of the list shows. */
const ROW_SELECT = {
	id: true,
	reference: true,
	status: true,
	channel: true,
	receivedOn: true,
	waitingSince: true,
	dueOn: true,
	personalDataDeletion: true,
	assignedTo: { select: { displayName: true } },
} satisfies Prisma.CaseSelect

type Order = ReturnType<typeof sortOf>

/** Among equals the newest first, and the reference for a stable order. */
const NEWEST: Prisma.CaseOrderByWithRelationInput[] = [
	{ receivedOn: 'desc' },
	{ reference: 'desc' },
]

/** A sort by a column that may be empty: the rows with a value, those without, and the order. */
type NullableOrder = {
	valued: Prisma.CaseWhereInput
	valueless: Prisma.CaseWhereInput
	order: Prisma.CaseOrderByWithRelationInput
}

/**
 * One page of the list in its order. By the wait or the follow-up date, the cases
 * that have one come first, in either direction, then those without, newest
 * first: two queries, because no one index reads NULLS LAST both ways, and
 * each part has one (the partial indexes, and `receivedOn`).
 */
async function findPage(
	actor: StaffActor,
	where: Prisma.CaseWhereInput,
	{ sort, dir }: Order,
	skip: number,
) {
	const find = (
		part: Prisma.CaseWhereInput,
		orderBy: Prisma.CaseOrderByWithRelationInput[],
		from: number,
		take: number,
	) =>
		prisma.case.findMany({
			where: { AND: [where, part] },
			orderBy,
			skip: from,
			take,
			select: {
				...ROW_SELECT,
				reads: { where: { staffUserId: actor.id }, select: { readUpTo: true } },
			},
		})
	if (sort === 'received')
		return find({}, [{ receivedOn: dir }, { reference: dir }], skip, INBOX_PAGE_SIZE)
	if (sort === 'status') return find({}, [{ status: dir }, ...NEWEST], skip, INBOX_PAGE_SIZE)
	const column: NullableOrder =
		sort === 'waiting'
			? {
					valued: { waitingSince: { not: null } },
					valueless: { waitingSince: null },
					order: { waitingSince: dir },
				}
			: { valued: { dueOn: { not: null } }, valueless: { dueOn: null }, order: { dueOn: dir } }
	const first = await find(column.valued, [column.order, ...NEWEST], skip, INBOX_PAGE_SIZE)
	if (first.length === INBOX_PAGE_SIZE) return first
	// Past the cases with a value: where the others start on this page.
	const before = first.length
		? skip + first.length
		: await prisma.case.count({ where: { AND: [where, column.valued] } })
	const rest = await find(
		column.valueless,
		NEWEST,
		Math.max(0, skip - before),
		INBOX_PAGE_SIZE - first.length,
	)
	return [...first, ...rest]
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10)

export async function listCases(actor: StaffActor, filter: InboxFilter, now = new Date()) {
	const today = calendarDay(now)
	const where = inboxWhere(actor, filter, today)
	const page = Math.max(1, filter.page)
	const [rows, total] = await Promise.all([
		findPage(actor, where, sortOf(filter), (page - 1) * INBOX_PAGE_SIZE),
		prisma.case.count({ where }),
	])
	const unread = await countUnread(rows)
	return {
		cases: rows.map((row) => ({
			reference: row.reference,
			status: row.status,
			withdrawn: row.personalDataDeletion === 'withdrawn',
			channel: row.channel,
			receivedOn: isoDay(row.receivedOn),
			assignee: row.assignedTo?.displayName ?? null,
			waitingSince: row.waitingSince ? isoDay(row.waitingSince) : null,
			waitingDays: row.waitingSince ? daysBetween(row.waitingSince, today) : null,
			unread: unread.get(row.id) ?? 0,
			dueOn: row.dueOn ? isoDay(row.dueOn) : null,
			due: row.dueOn ? dueStateOf(row.dueOn, today) : null,
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
	}
}

/**
 * The reporter's messages after what the actor last read, per case of one
 * page: one aggregate over the (caseId, position) index, a range per case.
 */
async function countUnread(rows: Array<{ id: string; reads: Array<{ readUpTo: number }> }>) {
	if (rows.length === 0) return new Map<string, number>()
	const groups = await prisma.message.groupBy({
		by: ['caseId'],
		where: {
			author: 'REPORTER',
			OR: rows.map((row) => ({
				caseId: row.id,
				position: { gt: row.reads[0]?.readUpTo ?? 0 },
			})),
		},
		_count: { _all: true },
	})
	return new Map(groups.map((group) => [group.caseId, group._count._all]))
}

/** How many cases each queue that needs attention holds, in the actor's scope. */
export async function countQueues(actor: StaffActor, now = new Date()) {
	const today = calendarDay(now)
	const counted = queuesOf(actor).filter((queue) => COUNTED.includes(queue))
	const counts = await Promise.all(
		counted.map((queue) =>
			prisma.case.count({ where: { AND: [caseScope(actor), queueWhere(actor, queue, today)] } }),
		),
	)
	return Object.fromEntries(counted.map((queue, index) => [queue, counts[index]!])) as Partial<
		Record<InboxQueue, number>
	>
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
