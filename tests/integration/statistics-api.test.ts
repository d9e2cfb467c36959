// The canton's machine access: a year's suppressed statistics as JSON for a
// token the admin created; nothing without it, nothing after revocation,
// every call audited, and a hidden cell is the word "suppressed", whatever its size.
import { expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import {
	createApiToken,
	listApiTokens,
	revokeApiToken,
} from '~/features/staff-admin/api-token.server'
import { recordActivity } from '~/features/activities/activities.server'
import type { PublishedReport } from '~/features/statistics/report'
import { loader } from '~/routes/api.statistics.$year'
import { createSignedInStaff } from '../support/staff'

const call = (year: string, authorization?: string) =>
	loader({
		request: new Request(`http://127.0.0.1/api/statistics/${year}`, {
			headers: authorization ? { Authorization: authorization } : {},
		}),
		params: { year },
		context: { clientKey: Buffer.alloc(32), cspNonce: 'n' },
	}) as Promise<Response>

test('a token opens the JSON statistics until it is revoked', async () => {
	const admin = await createSignedInStaff('ADMIN', 'admin')
	expect((await call('2026')).status).toBe(401)
	expect((await call('2026', 'Bearer ast_not-a-real-token-at-all')).status).toBe(401)

	// Anonymous: 3, 6, 6, 6 cases a quarter; with contact: 6 each; no other channel. No zero to
	// hide instead (an empty channel's would be given away by its total of 0), so the 3 is
	// protected by sixes: the complements are as large as the threshold or more.
	const cases = [
		...[3, 6, 6, 6].flatMap((n, q) =>
			Array.from({ length: n }, () => ({ q, channel: 'WEB_ANONYMOUS' as const })),
		),
		...[6, 6, 6, 6].flatMap((n, q) =>
			Array.from({ length: n }, () => ({ q, channel: 'WEB_WITH_CONTACT' as const })),
		),
	]
	for (const [index, { q, channel }] of cases.entries()) {
		await prisma.case.create({
			data: {
				reference: `API-${index}`,
				status: 'NEW',
				channel,
				receivedOn: new Date(Date.UTC(2026, q * 3, 10)),
				narrative: Buffer.from('x'),
				followUpLookup: Buffer.from('x'),
			},
			select: { id: true },
		})
	}

	// One information event with two participants: an activity is published as counted.
	const counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
	await recordActivity(counsellor.actor, {
		heldOn: new Date(Date.UTC(2026, 4, 12)),
		kind: 'information_event',
		audience: 'associations',
		participants: 2,
		hours: 1.5,
	})

	const token = await createApiToken(admin.actor, 'Kanton St. Gallen')
	const response = await call('2026', `Bearer ${token}`)
	expect(response.status).toBe(200)
	expect(response.headers.get('Cache-Control')).toBe('no-store')
	const report = (await response.json()) as PublishedReport
	expect(report.year).toBe(2026)
	expect(report.tables.length).toBeGreaterThanOrEqual(13)
	const cells = report.tables.flatMap((table) =>
		[...table.rows, table.totals].flatMap((line) => [
			...line.quarters,
			line.total,
			...(line.hoursQuarters ?? []),
			...(line.hoursTotal === undefined ? [] : [line.hoursTotal]),
		]),
	)
	expect(cells.every((cell) => typeof cell === 'number' || cell === 'suppressed')).toBe(true)
	const channels = report.tables.find((table) => table.id === 'channel')!
	// The 3 and the three sixes that close its rectangle read alike: which one is small is not told.
	// The channels no case came by stay zeros: their totals of 0 would give a hidden zero away.
	expect(channels.rows).toEqual([
		{ key: 'WEB_ANONYMOUS', quarters: ['suppressed', 'suppressed', 6, 6], total: 21 },
		{ key: 'WEB_WITH_CONTACT', quarters: ['suppressed', 'suppressed', 6, 6], total: 24 },
		...['PHONE', 'EMAIL', 'IN_PERSON', 'LETTER', 'REFERRAL'].map((key) => ({
			key,
			quarters: [0, 0, 0, 0],
			total: 0,
		})),
	])
	expect(channels.totals).toEqual({ quarters: [9, 12, 12, 12], total: 45 })
	// The shape the canton reads stays; the activities and the summary come beside it.
	expect(Object.keys(report)).toEqual([
		'officeName',
		'year',
		'threshold',
		'generatedAt',
		'tables',
		'trend',
		'activities',
		'summary',
	])
	expect(report.tables.map((table) => table.kind)).not.toContain('activities')
	const kinds = report.activities.find((table) => table.id === 'activityKinds')!
	expect(kinds.rows.find((row) => row.key === 'information_event')).toEqual({
		key: 'information_event',
		quarters: [0, 1, 0, 0],
		total: 1,
		participantsQuarters: [0, 2, 0, 0],
		participantsTotal: 2,
		hoursQuarters: [0, 1.5, 0, 0],
		hoursTotal: 1.5,
	})
	expect(report.activities.map((table) => table.id)).toEqual(['activityKinds', 'activityAudiences'])
	expect(report.summary).toEqual({
		cases: { current: 45, previous: 0 },
		mentions: { current: 0, previous: 0 },
		counsellingHours: { current: 0, previous: 0 },
		activities: { current: 1, previous: 0 },
		participants: { current: 2, previous: 0 },
	})
	expect((await call('next-year', `Bearer ${token}`)).status).toBe(400)

	const [listed] = await listApiTokens(admin.actor)
	expect(listed?.lastUsedOn).not.toBeNull()
	await revokeApiToken(admin.actor, listed!.id)
	expect((await call('2026', `Bearer ${token}`)).status).toBe(401)

	const audited = await prisma.auditEvent.count({
		where: { action: 'statistics.exported', detail: { path: ['format'], equals: 'json' } },
	})
	expect(audited).toBe(1)
	// Only a hash of the token is stored.
	const stored = await prisma.apiToken.findFirstOrThrow({ select: { tokenHash: true } })
	expect(Buffer.from(stored.tokenHash).toString('utf8')).not.toContain(token.slice(4))
})
