// The permission matrix, walked through the real route modules: every staff
// page and action, for every role and for an anonymous visitor, compared
// with what product.md allows. Each answer is what the browser would get:
// the page (ok), a redirect to the login, 403 or 404.
import { beforeAll, describe, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { assignCase } from '~/features/cases/assignment.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import { inviteStaff } from '~/features/staff-admin/invitations.server'
import { recordActivity } from '~/features/activities/activities.server'
import { createSignedInStaff } from '../support/staff'
import { pngWithText } from '../support/sample-files'

type Role = 'anonymous' | 'counsellor' | 'otherCounsellor' | 'lead' | 'admin' | 'statistics'
type Outcome = 'ok' | 'login' | 403 | 404
type RouteModule = {
	loader?: (args: unknown) => Promise<unknown>
	action?: (args: unknown) => Promise<unknown>
}

const ROLES: Role[] = ['anonymous', 'counsellor', 'otherCounsellor', 'lead', 'admin', 'statistics']
const cookies: Partial<Record<Role, string>> = {}
let reference = ''
let attachmentId = ''
let someUserId = ''
let invitationId = ''
let activityId = ''

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	const lead = await createSignedInStaff('LEAD', 'lead')
	const counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
	const other = await createSignedInStaff('COUNSELLOR', 'other')
	const admin = await createSignedInStaff('ADMIN', 'admin')
	const statistics = await createSignedInStaff('STATISTICS', 'statistics')
	Object.assign(cookies, {
		lead: lead.cookie,
		counsellor: counsellor.cookie,
		otherCounsellor: other.cookie,
		admin: admin.cookie,
		statistics: statistics.cookie,
	})
	// The admin's actions act on a bystander, so that no session in the matrix ends.
	someUserId = (await createSignedInStaff('COUNSELLOR', 'bystander')).user.id
	await inviteStaff(admin.actor, { email: 'invited@example.ch', displayName: 'x', role: 'LEAD' })
	invitationId = (await prisma.invitation.findFirstOrThrow({ select: { id: true } })).id
	const intake = IntakeSchema.parse({
		narrative: 'Matrix test',
		areas: ['work'],
		forms: ['insult'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	})
	const created = await createRequest(intake, [
		{ name: 'shot.png', mediaType: 'image/png', data: pngWithText('x') },
	])
	reference = created.reference
	await assignCase(lead.actor, reference, counsellor.user.id)
	attachmentId = (await prisma.attachment.findFirstOrThrow({ select: { id: true } })).id
	await recordActivity(counsellor.actor, {
		heldOn: new Date(Date.UTC(2026, 0, 15)),
		kind: 'training',
		audience: 'education',
		participants: 12,
		hours: 2,
	})
	activityId = (await prisma.activity.findFirstOrThrow({ select: { id: true } })).id
})

async function outcomeOf(
	module: RouteModule,
	role: Role,
	method: 'GET' | 'POST',
	path: string,
	params: Record<string, string>,
	body?: Record<string, string>,
): Promise<Outcome> {
	const headers = new Headers()
	const cookie = cookies[role]
	if (cookie) headers.set('Cookie', cookie)
	if (body) headers.set('Content-Type', 'application/x-www-form-urlencoded')
	const request = new Request(`http://127.0.0.1${path}`, {
		method,
		headers,
		body: body ? new URLSearchParams(body).toString() : undefined,
	})
	const handler = method === 'GET' ? module.loader : module.action
	const args = { request, params, context: { clientKey: Buffer.alloc(32, 7), cspNonce: 'n' } }
	let result: unknown
	try {
		result = await handler!(args)
	} catch (thrown) {
		result = thrown
	}
	if (result instanceof Response) {
		const location = result.headers.get('Location') ?? ''
		if (result.status >= 300 && result.status < 400) {
			return location.startsWith('/staff/login') ? 'login' : 'ok'
		}
		if (result.status === 403 || result.status === 404) return result.status
		return result.status < 300 ? 'ok' : (result.status as Outcome)
	}
	const init = (result as { init?: { status?: number } } | null)?.init
	const status = init?.status ?? 200
	return status < 400 ? 'ok' : (status as Outcome)
}

const L: Outcome = 'login'
const matrix: Array<{
	name: string
	file: string
	method: 'GET' | 'POST'
	path: () => string
	params?: () => Record<string, string>
	body?: () => Record<string, string>
	expected: Record<Role, Outcome>
}> = [
	{
		name: 'staff home',
		file: 'staff._index',
		method: 'GET',
		path: () => '/staff',
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 'ok',
			statistics: 'ok',
		},
	},
	{
		name: 'inbox',
		file: 'staff.cases._index',
		method: 'GET',
		path: () => '/staff/cases?view=all',
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'recording a case (form)',
		file: 'staff.cases.new',
		method: 'GET',
		path: () => '/staff/cases/new',
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'recording a case (action)',
		file: 'staff.cases.new',
		method: 'POST',
		path: () => '/staff/cases/new',
		body: () => ({
			channel: 'PHONE',
			receivedOn: new Date().toISOString().slice(0, 10),
			narrative: 'Matrix call',
			consent: 'yes',
		}),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case page',
		file: 'staff.cases.$reference',
		method: 'GET',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case note (action)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'note', note: 'A note' }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case status (action)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'status', status: 'IN_PROGRESS' }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case follow-up date (action)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'due-date', dueOn: '2026-12-24', dueReason: 'Rückruf' }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case follow-up date cleared (action)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'clear-due-date' }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case marked answered (action)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'mark-answered' }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case complaint-offence mark (action)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'complaint-offence', complaintOffence: 'yes' }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'case assignment (lead only)',
		file: 'staff.cases.$reference',
		method: 'POST',
		path: () => `/staff/cases/${reference}`,
		params: () => ({ reference }),
		body: () => ({ intent: 'assign', assigneeId: '' }),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'attachment download (resource route)',
		file: 'staff.cases.$reference.attachments.$attachmentId',
		method: 'GET',
		path: () => `/staff/cases/${reference}/attachments/${attachmentId}`,
		params: () => ({ reference, attachmentId }),
		expected: {
			anonymous: L,
			counsellor: 404,
			otherCounsellor: 404,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'audit log',
		file: 'staff.audit',
		method: 'GET',
		path: () => '/staff/audit',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'staff accounts',
		file: 'staff.admin.users',
		method: 'GET',
		path: () => '/staff/admin/users',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 403,
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'staff accounts: reset 2FA (action)',
		file: 'staff.admin.users',
		method: 'POST',
		path: () => '/staff/admin/users',
		body: () => ({ intent: 'reset-two-factor', userId: someUserId }),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 403,
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'staff accounts: revoke an invitation (action)',
		file: 'staff.admin.users',
		method: 'POST',
		path: () => '/staff/admin/users',
		body: () => ({ intent: 'revoke-invitation', invitationId }),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 403,
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'key approvals',
		file: 'staff.key-requests',
		method: 'GET',
		path: () => '/staff/key-requests',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'key approvals: pass on keys (action)',
		file: 'staff.key-requests',
		method: 'POST',
		path: () => '/staff/key-requests',
		body: () => ({ intent: 'pass-on', userId: someUserId }),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'handover of open cases',
		file: 'staff.handover',
		method: 'GET',
		path: () => '/staff/handover',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'handover of open cases (action)',
		file: 'staff.handover',
		method: 'POST',
		path: () => '/staff/handover',
		// An account without open cases: nothing moves, but the lead may ask.
		body: () => ({
			intent: 'hand-over',
			fromId: '00000000-0000-4000-8000-000000000001',
			toId: someUserId,
		}),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'reply templates',
		file: 'staff.templates',
		method: 'GET',
		path: () => '/staff/templates',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'reply templates (action)',
		file: 'staff.templates',
		method: 'POST',
		path: () => '/staff/templates',
		body: () => ({
			intent: 'create',
			language: 'de',
			purpose: 'ACKNOWLEDGEMENT',
			title: 'Eingang',
			body: 'Guten Tag, wir haben Ihre Anfrage erhalten.',
		}),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'settings',
		file: 'staff.admin.settings',
		method: 'GET',
		path: () => '/staff/admin/settings',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 403,
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'settings (action)',
		file: 'staff.admin.settings',
		method: 'POST',
		path: () => '/staff/admin/settings',
		body: () => ({
			intent: 'settings',
			officeName: 'Office',
			retentionMonths: '24',
			statisticsThreshold: '5',
		}),
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 403,
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'statistics',
		file: 'staff.statistics._index',
		method: 'GET',
		path: () => '/staff/statistics',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 'ok',
		},
	},
	...(['csv', 'xlsx', 'print'] as const).map((format) => ({
		name: `statistics export (${format})`,
		file: `staff.statistics.${format}`,
		method: 'GET' as const,
		path: () => `/staff/statistics/${format}?year=2026`,
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 'ok',
		} satisfies Record<Role, Outcome>,
	})),
	{
		name: 'activities',
		file: 'staff.activities',
		method: 'GET',
		path: () => '/staff/activities?year=2026',
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'activities: record one (action)',
		file: 'staff.activities',
		method: 'POST',
		path: () => '/staff/activities',
		body: () => ({
			intent: 'record',
			heldOn: '2026-02-03',
			kind: 'information_event',
			audience: 'public',
			participants: '30',
			hours: '1.5',
		}),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'activities: change form of a counsellor’s activity',
		file: 'staff.activities',
		method: 'GET',
		path: () => `/staff/activities?edit=${activityId}`,
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'activities: ask to delete a counsellor’s activity (action)',
		file: 'staff.activities',
		method: 'POST',
		path: () => '/staff/activities',
		body: () => ({ intent: 'delete', id: activityId }),
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 403,
			lead: 'ok',
			admin: 403,
			statistics: 403,
		},
	},
	{
		name: 'API tokens for the canton',
		file: 'staff.admin.tokens',
		method: 'GET',
		path: () => '/staff/admin/tokens',
		expected: {
			anonymous: L,
			counsellor: 403,
			otherCounsellor: 403,
			lead: 403,
			admin: 'ok',
			statistics: 403,
		},
	},
	{
		name: 'own account',
		file: 'staff.account',
		method: 'GET',
		path: () => '/staff/account',
		expected: {
			anonymous: L,
			counsellor: 'ok',
			otherCounsellor: 'ok',
			lead: 'ok',
			admin: 'ok',
			statistics: 'ok',
		},
	},
]

describe('staff permission matrix', () => {
	test.each(matrix)('$method $name', async (route) => {
		const module = (await import(`../../app/routes/${route.file}.tsx`)) as RouteModule
		const actual: Partial<Record<Role, Outcome>> = {}
		for (const role of ROLES) {
			actual[role] = await outcomeOf(
				module,
				role,
				route.method,
				route.path(),
				route.params?.() ?? {},
				route.body?.(),
			)
		}
		expect(actual).toEqual(route.expected)
	})

	test('every refused case access is in the audit log, without content', async () => {
		const denied = await prisma.auditEvent.findMany({
			where: { action: { in: ['access.denied', 'case.read.denied'] } },
			select: { actorEmail: true, caseReference: true },
		})
		const emails = new Set(denied.map((event) => event.actorEmail))
		for (const who of ['admin', 'statistics', 'other'])
			expect(emails).toContain(`${who}@example.ch`)
		expect(denied.some((event) => event.caseReference === reference)).toBe(true)
	})
})
