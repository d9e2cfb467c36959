// Demo data, seeded only in demo mode (APP_MODE=demo, `npm run demo`),
// never into an office: the office's public details, a recovery key whose
// private half is dropped at once (a demo needs no recovery), one account per
// role with a known password and TOTP secret, a few reply templates, about
// 200 varied cases over three years, and three years of activities beyond
// cases.
import { generateRecoveryKey } from '../app/platform/crypto/recovery-key.server.ts'
import { stepAt } from '../app/features/staff-auth/totp-code.ts'
import { sealTotpSecret } from '../app/features/staff-auth/totp-secret.server.ts'
import { toBytes } from '../app/platform/db.server.ts'
import type { PrismaClient } from '../app/generated/prisma/client'
import { setRecoveryPublicKey } from '../app/features/cases/office-keys.server.ts'
import { createStaffUser } from '../app/features/staff-admin/staff-user.server.ts'
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.ts'
import { seedDemoActivities } from './demo-activities.ts'
import { seedDemoCases } from './demo-cases.ts'
import { seedDemoTemplates } from './demo-templates.ts'

export { DEMO_ACCOUNTS, DEMO_LEAD } from './demo-accounts.ts'

export type DemoSeed = { accounts: DemoAccount[]; cases: number; activities: number }

/** Seeds an empty database; returns what a demo user needs to know, or null if it was not empty. */
export async function seedIfEmpty(
	prisma: PrismaClient,
	options: { cases?: number } = {},
): Promise<DemoSeed | null> {
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
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	const accounts = Object.values(DEMO_ACCOUNTS)
	const ids: Record<string, string> = {}
	for (const demo of accounts) {
		const user = await createStaffUser(demo)
		ids[demo.role] = user.id
		// Enrolled already, so the demo signs in with the printed secret; the
		// step before now lets the first real code through.
		await prisma.staffUser.update({
			where: { id: user.id },
			data: {
				totpSecret: toBytes(sealTotpSecret(demo.totpSecret)),
				totpEnabledAt: new Date(),
				totpLastStep: stepAt(Date.now()) - 2,
			},
			select: { id: true },
		})
	}
	await seedDemoTemplates(prisma)
	const cases = await seedDemoCases(prisma, {
		count: options.cases ?? 200,
		lead: { id: ids.LEAD!, password: DEMO_ACCOUNTS.lead.password },
		counsellorId: ids.COUNSELLOR!,
	})
	const activities = await seedDemoActivities(prisma, {
		counsellorId: ids.COUNSELLOR!,
		leadId: ids.LEAD!,
	})
	return { accounts, cases, activities }
}
