import { expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import { getPublicOfficeDetails } from '~/features/staff-admin/office-settings.server'
import { seedIfEmpty } from '../../prisma/seed.ts'

test('the demo seed fills an empty database once: one account per role, worked cases, activities', async () => {
	expect(await getPublicOfficeDetails()).toBeNull()
	const seeded = await seedIfEmpty(prisma, { cases: 12 })
	expect(seeded?.accounts.map((account) => account.role).sort()).toEqual([
		'ADMIN',
		'COUNSELLOR',
		'LEAD',
		'STATISTICS',
	])
	expect(seeded?.cases).toBe(12)
	expect(seeded?.activities).toBe(36)
	expect(await seedIfEmpty(prisma)).toBeNull()
	expect(await prisma.officeSettings.count()).toBe(1)
	expect((await getPublicOfficeDetails())?.officeName).toMatch(/St\. Gallen/)
	expect(await prisma.staffUser.count({ where: { totpEnabledAt: { not: null } } })).toBe(4)
	const cases = await prisma.case.findMany({
		select: { status: true, receivedOn: true, assignedToId: true },
	})
	expect(cases).toHaveLength(12)
	expect(new Set(cases.map((found) => found.status)).size).toBeGreaterThan(1)
	// Activities of every kind, in the past, from three calendar years.
	const activities = await prisma.activity.findMany({ select: { kind: true, heldOn: true } })
	expect(new Set(activities.map((activity) => activity.kind)).size).toBe(3)
	expect(activities.every((activity) => activity.heldOn < new Date())).toBe(true)
	expect(
		new Set(activities.map((activity) => activity.heldOn.getUTCFullYear())).size,
	).toBeGreaterThanOrEqual(3)
})
