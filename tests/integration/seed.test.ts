import { expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { getPublicOfficeDetails } from '~/models/office-settings.server'
import { seedIfEmpty } from '../../prisma/seed.ts'

test('the demo seed fills an empty database once', async () => {
	expect(await getPublicOfficeDetails()).toBeNull()
	expect(await seedIfEmpty(prisma)).toMatchObject({
		lead: { email: 'leitung@anlaufstelle.example' },
	})
	expect(await seedIfEmpty(prisma)).toBeNull()
	expect(await prisma.officeSettings.count()).toBe(1)
	expect((await getPublicOfficeDetails())?.officeName).toMatch(/St\. Gallen/)
})
