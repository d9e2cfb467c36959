// The canton's machine access: a year's suppressed statistics as JSON for a
// token the admin created; nothing without it, nothing after revocation,
// and every call audited.
import { expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import {
	createApiToken,
	listApiTokens,
	revokeApiToken,
} from '~/features/staff-admin/api-token.server'
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

	const token = await createApiToken(admin.actor, 'Kanton St. Gallen')
	const response = await call('2026', `Bearer ${token}`)
	expect(response.status).toBe(200)
	expect(response.headers.get('Cache-Control')).toBe('no-store')
	const report = (await response.json()) as { year: number; tables: unknown[]; threshold: number }
	expect(report.year).toBe(2026)
	expect(report.tables.length).toBeGreaterThanOrEqual(13)
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
