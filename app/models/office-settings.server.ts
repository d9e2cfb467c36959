import { prisma } from '~/db.server'

/** The office's public details for the public pages; anyone may read them. */
export async function getPublicOfficeDetails() {
	return prisma.officeSettings.findUnique({
		where: { id: 1 },
		select: { officeName: true, contactEmail: true, contactPhone: true, address: true },
	})
}
