// Demo data for the embedded default (never for a deployment with its own
// DATABASE_URL, unless SEED_DEMO_DATA=true asks for it).
import type { PrismaClient } from '../app/generated/prisma/client'

/** Seeds an empty database; returns whether it did. */
export async function seedIfEmpty(prisma: PrismaClient): Promise<boolean> {
	const existing = await prisma.officeSettings.count()
	if (existing > 0) return false
	await prisma.officeSettings.create({
		data: {
			id: 1,
			officeName: 'Anlaufstelle gegen Rassismus und Diskriminierung St. Gallen (Demo)',
			contactEmail: 'beratung@anlaufstelle.example',
			contactPhone: '+41 71 000 00 00',
			address: 'Musterstrasse 1, 9000 St. Gallen',
		},
	})
	return true
}
