// Activities beyond cases: information events, trainings and advice to
// institutions. They hold no personal data (a day, two choices and two
// numbers), so they are not encrypted and reading them is not audited;
// recording, changing and deleting them is, each in its own transaction.
// Counsellors and leads record and list them; who may change one is
// answered by mayChangeActivity (permissions.ts).
import { prisma } from '~/platform/db.server'
import { ForbiddenError, mayChangeActivity, requirePermission } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import type { ActivityInput } from './activity-schemas'

/** No such activity (or never was): the route answers 404. */
export class ActivityNotFoundError extends Error {
	constructor() {
		super('no such activity')
	}
}

const ACTIVITY_SELECT = {
	id: true,
	heldOn: true,
	kind: true,
	audience: true,
	participants: true,
	minutes: true,
	recordedById: true,
} satisfies Prisma.ActivitySelect

type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof ACTIVITY_SELECT }>

/** An activity as the page shows it and the audit log records it. */
export type ActivityRecord = {
	id: string
	/** YYYY-MM-DD */
	heldOn: string
	kind: string
	audience: string
	participants: number | null
	minutes: number
}

function recordOf(row: ActivityRow): ActivityRecord {
	return {
		id: row.id,
		heldOn: row.heldOn.toISOString().slice(0, 10),
		kind: row.kind,
		audience: row.audience,
		participants: row.participants,
		minutes: row.minutes,
	}
}

/** What the audit log keeps of an activity: all of it, since none of it is about a person. */
function valuesOf({ id: _id, ...values }: ActivityRecord) {
	return values
}

function columnsOf(input: ActivityInput) {
	return {
		heldOn: input.heldOn,
		kind: input.kind,
		audience: input.audience,
		participants: input.participants,
		minutes: Math.round(input.hours * 60),
	}
}

const yearOf = (record: ActivityRecord) => Number(record.heldOn.slice(0, 4))

/** The year's activities, newest first, each saying whether this actor may change it. */
export async function listActivities(actor: StaffActor, year: number) {
	requirePermission(actor, 'activity:record')
	const rows = await prisma.activity.findMany({
		where: {
			heldOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
		},
		orderBy: [{ heldOn: 'desc' }, { recordedAt: 'desc' }],
		select: { ...ACTIVITY_SELECT, recordedBy: { select: { displayName: true } } },
	})
	return rows.map((row) => ({
		...recordOf(row),
		recordedBy: row.recordedBy.displayName,
		mayChange: mayChangeActivity(actor, row),
	}))
}

/** The years that have activities, newest first, and always the current one. */
export async function activityYears(actor: StaffActor, now = new Date()): Promise<number[]> {
	requirePermission(actor, 'activity:record')
	const rows = await prisma.$queryRaw<Array<{ year: number }>>`
		SELECT DISTINCT extract(year FROM "heldOn")::int AS year FROM "Activity"`
	const years = new Set([now.getUTCFullYear(), ...rows.map((row) => row.year)])
	return [...years].sort((a, b) => b - a)
}

/** Locked, so that the audit log's "before" is what the row really held. */
async function lockActivityToChange(tx: Prisma.TransactionClient, actor: StaffActor, id: string) {
	requirePermission(actor, 'activity:record')
	const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
		SELECT id FROM "Activity" WHERE id = ${id} FOR UPDATE`
	if (!locked) throw new ActivityNotFoundError()
	const row = await tx.activity.findUniqueOrThrow({ where: { id }, select: ACTIVITY_SELECT })
	if (!mayChangeActivity(actor, row)) throw new ForbiddenError()
	return recordOf(row)
}

/** One activity for the change form; only for whoever may change it. */
export async function getActivityToChange(actor: StaffActor, id: string): Promise<ActivityRecord> {
	requirePermission(actor, 'activity:record')
	const row = await prisma.activity.findUnique({ where: { id }, select: ACTIVITY_SELECT })
	if (!row) throw new ActivityNotFoundError()
	if (!mayChangeActivity(actor, row)) throw new ForbiddenError()
	return recordOf(row)
}

/** Records an activity; returns its year, for the list to show it in. */
export async function recordActivity(actor: StaffActor, input: ActivityInput): Promise<number> {
	requirePermission(actor, 'activity:record')
	return prisma.$transaction(async (tx) => {
		const created = await tx.activity.create({
			data: { ...columnsOf(input), recordedById: actor.id },
			select: ACTIVITY_SELECT,
		})
		const record = recordOf(created)
		await recordAudit(tx, {
			action: 'activity.recorded',
			actor,
			detail: { activityId: record.id, ...valuesOf(record) },
		})
		return yearOf(record)
	})
}

/** Changes an activity; returns its (new) year. */
export async function changeActivity(
	actor: StaffActor,
	id: string,
	input: ActivityInput,
): Promise<number> {
	return prisma.$transaction(async (tx) => {
		const before = await lockActivityToChange(tx, actor, id)
		const updated = await tx.activity.update({
			where: { id },
			data: columnsOf(input),
			select: ACTIVITY_SELECT,
		})
		const after = recordOf(updated)
		await recordAudit(tx, {
			action: 'activity.changed',
			actor,
			detail: { activityId: id, from: valuesOf(before), to: valuesOf(after) },
		})
		return yearOf(after)
	})
}

/** Deletes an activity; returns the year it was in. */
export async function deleteActivity(actor: StaffActor, id: string): Promise<number> {
	return prisma.$transaction(async (tx) => {
		const before = await lockActivityToChange(tx, actor, id)
		await tx.activity.delete({ where: { id }, select: { id: true } })
		await recordAudit(tx, {
			action: 'activity.deleted',
			actor,
			detail: { activityId: id, ...valuesOf(before) },
		})
		return yearOf(before)
	})
}
