import { prisma } from '~/platform/db.server'
import { requirePermission } from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** The office's public details for the public pages; anyone may read them. */
export async function getPublicOfficeDetails() {
	return prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: { officeName: true, contactEmail: true, contactPhone: true, address: true },
	})
}

/** The settings the admin edits. */
export async function getOfficeSettings(actor: StaffActor) {
	requirePermission(actor, 'settings:manage')
	return prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: {
			officeName: true,
			contactEmail: true,
			contactPhone: true,
			address: true,
			retentionMonths: true,
			statisticsThreshold: true,
			officeEmail: true,
		},
	})
}

export type OfficeSettingsInput = {
	officeName: string
	contactEmail: string | null
	contactPhone: string | null
	address: string | null
	retentionMonths: number
	statisticsThreshold: number
	officeEmail: string | null
}

export async function updateOfficeSettings(actor: StaffActor, input: OfficeSettingsInput) {
	requirePermission(actor, 'settings:manage')
	await prisma.$transaction(async (tx) => {
		await tx.officeSettings.upsert({
			where: { id: 1 },
			create: { id: 1, ...input },
			update: input,
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'settings.changed',
			actor,
			detail: {
				retentionMonths: input.retentionMonths,
				statisticsThreshold: input.statisticsThreshold,
			},
		})
	})
}

/** The retention period in months (the default until an admin sets one). */
export async function getRetentionMonths(): Promise<number> {
	const settings = await prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: { retentionMonths: true },
	})
	return settings?.retentionMonths ?? 24
}
