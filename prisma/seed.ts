// Demo data for the embedded default (never for a deployment with its own
// DATABASE_URL, unless SEED_DEMO_DATA=true asks for it): the office's public
// details, its recovery key and a lead who can read new requests.
import { generateRecoveryKey } from '../app/crypto/recovery-key.server.ts'
import type { PrismaClient } from '../app/generated/prisma/client'
import { setRecoveryPublicKey } from '../app/models/office-keys.server.ts'
import { createStaffUser } from '../app/models/staff-user.server.ts'

export const DEMO_LEAD = {
	email: 'leitung@anlaufstelle.example',
	displayName: 'Demo-Leitung',
	password: 'demo-leitung-2026',
}

export type DemoSeed = { recoverySheet: string; lead: typeof DEMO_LEAD }

/** Seeds an empty database; returns what a demo user needs to know, or null if it was not empty. */
export async function seedIfEmpty(prisma: PrismaClient): Promise<DemoSeed | null> {
	if ((await prisma.officeSettings.count()) > 0) return null
	await prisma.officeSettings.create({
		data: {
			id: 1,
			officeName: 'Anlaufstelle gegen Rassismus und Diskriminierung St. Gallen (Demo)',
			contactEmail: 'beratung@anlaufstelle.example',
			contactPhone: '+41 71 000 00 00',
			address: 'Musterstrasse 1, 9000 St. Gallen',
		},
	})
	const recovery = generateRecoveryKey()
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	await createStaffUser({ ...DEMO_LEAD, role: 'LEAD' })
	return { recoverySheet: recovery.sheetText, lead: DEMO_LEAD }
}
