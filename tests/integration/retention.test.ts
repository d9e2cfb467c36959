// Retention deletes the personal data of cases closed longer than the
// period, and nothing else: open cases, recently closed ones and every
// case's statistical record stay.
import { beforeAll, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { addReporterMessage } from '~/features/follow-up/follow-up.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { createRequest } from '~/features/intake/store-request.server'
import { runRetention } from '~/features/cases/retention.server'
import { openCase } from '~/features/cases/case-page.server'
import { createSignedInStaff } from '../support/staff'

const DAY = 86_400_000

async function request(narrative: string) {
	const intake = IntakeSchema.parse({
		narrative,
		areas: ['housing'],
		forms: ['insult'],
		motives: ['xenophobia'],
		contactMode: 'contact',
		contactEmail: 'person@example.ch',
		consent: 'yes',
	})
	const created = await createRequest(intake, [])
	const reporter = await getReporter((await openReporterSession(created.followUpCode))!)
	await addReporterMessage(reporter!, 'A message', [])
	return created.reference
}

const close = (reference: string, daysAgo: number) =>
	prisma.case.update({
		where: { reference },
		data: {
			status: 'CLOSED',
			closedAt: new Date(Date.now() - daysAgo * DAY),
			areas: ['housing'],
		},
	})

let lead: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'lead')
})

test('only cases closed longer than the period lose their personal data', async () => {
	const old = await request('Closed three years ago')
	const recent = await request('Closed last month')
	const open = await request('Still open')
	await close(old, 3 * 365)
	await close(recent, 30)

	const { deleted } = await runRetention()
	expect(deleted).toEqual([old])

	const stored = await prisma.case.findMany({
		select: {
			reference: true,
			narrative: true,
			contact: true,
			areas: true,
			reportedAreas: true,
			personalDataDeletedAt: true,
			_count: { select: { messages: true, grants: true } },
		},
	})
	const byReference = new Map(stored.map((row) => [row.reference, row]))
	expect(byReference.get(old)).toMatchObject({
		narrative: null,
		contact: null,
		areas: ['housing'],
		reportedAreas: ['housing'],
		_count: { messages: 0, grants: 0 },
	})
	expect(byReference.get(old)?.personalDataDeletedAt).toBeInstanceOf(Date)
	for (const kept of [recent, open]) {
		expect(byReference.get(kept)?.narrative).not.toBeNull()
		expect(byReference.get(kept)?._count.messages).toBe(1)
	}

	// The case page says what was deleted and when; the audit log has it.
	const view = await openCase(lead.actor, old)
	expect(view?.personalDataDeletion).toBe('retention')
	expect(view?.narrative).toBeNull()
	const audited = await prisma.auditEvent.count({
		where: { action: 'case.personal-data-deleted', caseReference: old },
	})
	expect(audited).toBe(1)

	// A second run finds nothing more to do.
	expect((await runRetention()).deleted).toEqual([])
})

test('the audit log cannot be changed or emptied, even with SQL', async () => {
	await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x'`).rejects.toThrow()
	await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow()
	await expect(prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow()
})
