// Activities beyond cases (issue 12, item 6): counsellors and leads record
// them; a counsellor changes and deletes only their own, a lead any; the
// admin and the statistics role do neither. The form takes a day, two choices
// and two numbers, refuses anything else with a message and keeps what was
// typed; every change is in the audit log, in words; the year's statistics
// count them as they are.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import { ForbiddenError } from '~/platform/permissions'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	ActivityNotFoundError,
	changeActivity,
	deleteActivity,
	getActivityToChange,
	listActivities,
	recordActivity,
} from '~/features/activities/activities.server'
import { ActivitySchema } from '~/features/activities/activity-schemas'
import { describeAuditEvent } from '~/features/audit/audit-description.server'
import { buildReport } from '~/features/statistics/statistics.server'
import { action } from '~/routes/staff.activities'
import { createSignedInStaff } from '../support/staff'

type Staff = Awaited<ReturnType<typeof createSignedInStaff>>
let lead: Staff
let counsellor: Staff
let colleague: Staff
let admin: Staff
let statistics: Staff

const YEAR = 2025
const day = (month: number, date: number) => new Date(Date.UTC(YEAR, month - 1, date))
const event = (fields: Partial<Parameters<typeof recordActivity>[1]> = {}) => ({
	heldOn: day(3, 14),
	kind: 'information_event' as const,
	audience: 'education' as const,
	participants: 25,
	hours: 2.5,
	...fields,
})

beforeAll(async () => {
	lead = await createSignedInStaff('LEAD', 'activities-lead')
	counsellor = await createSignedInStaff('COUNSELLOR', 'activities-counsellor')
	colleague = await createSignedInStaff('COUNSELLOR', 'activities-colleague')
	admin = await createSignedInStaff('ADMIN', 'activities-admin')
	statistics = await createSignedInStaff('STATISTICS', 'activities-statistics')
})

/** A post to the page's action, as the browser sends it. */
async function post(staff: Staff, fields: Record<string, string>) {
	const request = new Request('http://127.0.0.1/staff/activities', {
		method: 'POST',
		headers: {
			Cookie: staff.cookie,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams(fields).toString(),
	})
	return action({ request, params: {}, context: { clientKey: Buffer.alloc(32), cspNonce: 'n' } })
}

describe('recording', () => {
	test('a counsellor records an event; it is listed in its year, stored in quarter hours and audited', async () => {
		const year = await recordActivity(counsellor.actor, event())
		expect(year).toBe(YEAR)
		const listed = await listActivities(counsellor.actor, YEAR)
		const mine = listed.find((activity) => activity.heldOn === '2025-03-14')
		expect(mine).toMatchObject({
			kind: 'information_event',
			audience: 'education',
			participants: 25,
			minutes: 150,
			recordedBy: 'activities-counsellor',
			mayChange: true,
		})
		expect(await listActivities(counsellor.actor, YEAR - 1)).toEqual([])
		const entry = await prisma.auditEvent.findFirstOrThrow({
			where: { action: 'activity.recorded', actorId: counsellor.user.id },
			select: { id: true, at: true, action: true, actorId: true, actorEmail: true, detail: true },
		})
		expect(entry.detail).toEqual({
			activityId: mine!.id,
			heldOn: '2025-03-14',
			kind: 'information_event',
			audience: 'education',
			participants: 25,
			minutes: 150,
		})
		const { t } = getTranslator(new Request('http://office.test/staff/audit'))
		const described = describeAuditEvent(
			{ ...entry, id: String(entry.id), caseReference: null, targetUserId: null },
			new Map(),
			t,
		)
		expect(described.what).toBe('Aktivität erfasst')
		expect(described.details).toBe(
			'Informationsveranstaltung, Schule und Bildung, 2025-03-14, 25 Teilnehmende, 2.5 Stunden',
		)
	})

	test('the admin and the statistics role neither record nor list', async () => {
		for (const staff of [admin, statistics]) {
			await expect(recordActivity(staff.actor, event())).rejects.toThrow(ForbiddenError)
			await expect(listActivities(staff.actor, YEAR)).rejects.toThrow(ForbiddenError)
		}
	})

	test('the form takes quarter hours and whole participants; advice may leave them uncounted', () => {
		const parse = (fields: Record<string, unknown>) =>
			ActivitySchema.safeParse({
				heldOn: '2025-03-14',
				kind: 'training',
				audience: 'administration',
				participants: 12,
				hours: 1.5,
				...fields,
			})
		const messages = (fields: Record<string, unknown>) => {
			const parsed = parse(fields)
			return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
		}
		expect(parse({}).success).toBe(true)
		expect(parse({ hours: 0.25 }).success).toBe(true)
		expect(messages({ hours: 1.1 })).toEqual(['activities.errors.hours'])
		expect(messages({ hours: 0 })).toEqual(['activities.errors.hours'])
		expect(messages({ hours: 100.25 })).toEqual(['activities.errors.hours'])
		expect(messages({ participants: 2.5 })).toEqual(['activities.errors.participants'])
		expect(messages({ participants: -1 })).toEqual(['activities.errors.participants'])
		expect(messages({ participants: undefined })).toEqual([
			'activities.errors.participantsRequired',
		])
		expect(parse({ kind: 'institution_advice', participants: undefined }).success).toBe(true)
		expect(messages({ kind: 'party' })).toEqual(['errors.invalidChoice'])
		expect(messages({ audience: 'Gemeinde Wil' })).toEqual(['errors.invalidChoice'])
		expect(messages({ heldOn: '2025-02-30' })).toEqual(['errors.date'])
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
		expect(messages({ heldOn: tomorrow })).toEqual(['errors.date'])
	})

	test('the page refuses a wrong post with its messages and what was typed, and stores nothing', async () => {
		const before = await prisma.activity.count()
		const refused = (await post(counsellor, {
			intent: 'record',
			heldOn: '2025-05-02',
			kind: 'training',
			audience: 'employers',
			participants: '',
			hours: '1.1',
		})) as unknown as {
			data: { intent: string; result: { error: Record<string, string[]>; initialValue: unknown } }
			init: { status: number }
		}
		expect(refused.init.status).toBe(400)
		expect(refused.data.intent).toBe('record')
		expect(refused.data.result.error).toEqual({
			participants: ['activities.errors.participantsRequired'],
			hours: ['activities.errors.hours'],
		})
		expect(refused.data.result.initialValue).toMatchObject({
			heldOn: '2025-05-02',
			kind: 'training',
			audience: 'employers',
			hours: '1.1',
		})
		expect(await prisma.activity.count()).toBe(before)

		const done = (await post(counsellor, {
			intent: 'record',
			heldOn: '2025-05-02',
			kind: 'institution_advice',
			audience: 'employers',
			hours: '0.75',
		})) as Response
		expect(done.status).toBe(302)
		expect(done.headers.get('Location')).toBe('/staff/activities?year=2025&done=recorded')
		const stored = await prisma.activity.findFirstOrThrow({
			where: { kind: 'institution_advice', heldOn: day(5, 2) },
			select: { participants: true, minutes: true, recordedById: true },
		})
		expect(stored).toEqual({ participants: null, minutes: 45, recordedById: counsellor.user.id })
	})
})

describe('changing and deleting', () => {
	test('a counsellor changes their own, not a colleague’s; a lead changes any', async () => {
		await recordActivity(counsellor.actor, event({ heldOn: day(6, 1) }))
		const own = (await listActivities(counsellor.actor, YEAR)).find(
			(a) => a.heldOn === '2025-06-01',
		)!
		const forColleague = (await listActivities(colleague.actor, YEAR)).find((a) => a.id === own.id)!
		expect(forColleague.mayChange).toBe(false)
		await expect(getActivityToChange(colleague.actor, own.id)).rejects.toThrow(ForbiddenError)
		await expect(
			changeActivity(colleague.actor, own.id, event({ participants: 1 })),
		).rejects.toThrow(ForbiddenError)
		await expect(deleteActivity(colleague.actor, own.id)).rejects.toThrow(ForbiddenError)

		// Moved to the next year: the change answers with the year to list it in.
		expect(
			await changeActivity(
				counsellor.actor,
				own.id,
				event({ heldOn: new Date(Date.UTC(YEAR + 1, 0, 5)), participants: 30 }),
			),
		).toBe(YEAR + 1)
		expect(await changeActivity(lead.actor, own.id, event({ heldOn: day(6, 1), hours: 3 }))).toBe(
			YEAR,
		)
		const changes = await prisma.auditEvent.findMany({
			where: { action: 'activity.changed', detail: { path: ['activityId'], equals: own.id } },
			orderBy: { id: 'asc' },
			select: { actorId: true, detail: true },
		})
		expect(changes.map((change) => change.actorId)).toEqual([counsellor.user.id, lead.user.id])
		expect(changes[1]!.detail).toMatchObject({
			from: { heldOn: '2026-01-05', participants: 30, minutes: 150 },
			to: { heldOn: '2025-06-01', participants: 25, minutes: 180 },
		})
		// Whoever recorded it stays its recorder, whoever changed it.
		expect(
			(
				await prisma.activity.findUniqueOrThrow({
					where: { id: own.id },
					select: { recordedById: true },
				})
			).recordedById,
		).toBe(counsellor.user.id)
	})

	test('deleting asks first; the second post deletes and is audited; a gone activity is a 404', async () => {
		await recordActivity(lead.actor, event({ heldOn: day(7, 7), kind: 'training' }))
		const leads = (await listActivities(lead.actor, YEAR)).find((a) => a.heldOn === '2025-07-07')!
		expect(
			(await listActivities(counsellor.actor, YEAR)).find((a) => a.id === leads.id)?.mayChange,
		).toBe(false)
		const asked = (await post(lead, { intent: 'delete', id: leads.id })) as {
			intent: string
			confirm: { id: string; kind: string }
		}
		expect(asked).toMatchObject({ intent: 'delete', confirm: { id: leads.id, kind: 'training' } })
		expect(await prisma.activity.count({ where: { id: leads.id } })).toBe(1)

		// A counsellor cannot delete the lead's, not even by posting the second step.
		await expect(
			post(counsellor, { intent: 'delete', id: leads.id, confirmed: 'yes' }),
		).rejects.toMatchObject({
			status: 403,
		})
		const deleted = (await post(lead, {
			intent: 'delete',
			id: leads.id,
			confirmed: 'yes',
		})) as Response
		expect(deleted.headers.get('Location')).toBe('/staff/activities?year=2025&done=deleted')
		expect(await prisma.activity.count({ where: { id: leads.id } })).toBe(0)
		expect(
			await prisma.auditEvent.count({
				where: {
					action: 'activity.deleted',
					actorId: lead.user.id,
					detail: { path: ['activityId'], equals: leads.id },
				},
			}),
		).toBe(1)
		await expect(deleteActivity(lead.actor, leads.id)).rejects.toThrow(ActivityNotFoundError)
		await expect(post(lead, { intent: 'delete', id: leads.id })).rejects.toMatchObject({
			status: 404,
		})
	})
})

test('the year’s statistics count the activities as they are, with the summary against the year before', async () => {
	await prisma.activity.deleteMany()
	await recordActivity(counsellor.actor, event({ heldOn: day(2, 3), participants: 2, hours: 1 }))
	await recordActivity(
		counsellor.actor,
		event({ heldOn: day(11, 20), participants: 40, hours: 3.5 }),
	)
	await recordActivity(
		lead.actor,
		event({
			heldOn: day(11, 21),
			kind: 'institution_advice',
			audience: 'police_justice',
			participants: null,
			hours: 0.5,
		}),
	)
	await recordActivity(
		lead.actor,
		event({ heldOn: new Date(Date.UTC(YEAR - 1, 8, 1)), participants: 10 }),
	)

	const report = await buildReport(YEAR)
	const kinds = report.activities.find((table) => table.id === 'activityKinds')!
	expect(kinds.rows.find((row) => row.key === 'information_event')).toEqual({
		key: 'information_event',
		quarters: [1, 0, 0, 1],
		total: 2,
		participantsQuarters: [2, 0, 0, 40],
		participantsTotal: 42,
		hoursQuarters: [1, 0, 0, 3.5],
		hoursTotal: 4.5,
	})
	expect(kinds.totals).toEqual({
		quarters: [1, 0, 0, 2],
		total: 3,
		participantsQuarters: [2, 0, 0, 40],
		participantsTotal: 42,
		hoursQuarters: [1, 0, 0, 4],
		hoursTotal: 5,
	})
	const audiences = report.activities.find((table) => table.id === 'activityAudiences')!
	expect(audiences.rows.find((row) => row.key === 'police_justice')?.quarters).toEqual([0, 0, 0, 1])
	expect(audiences.totals.total).toBe(3)
	// A 2 and a 1 are published: an activity is no person.
	expect(JSON.stringify(report.activities)).not.toContain('suppressed')
	expect(report.summary.activities).toEqual({ current: 3, previous: 1 })
	expect(report.summary.participants).toEqual({ current: 42, previous: 10 })
})
