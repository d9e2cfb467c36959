import { prisma, toBytes } from '~/platform/db.server'

/** The office recovery key every case key is also wrapped to; null until setup. */
export async function getRecoveryPublicKey(): Promise<Buffer | null> {
	const keys = await prisma.officeKeys.findUnique({
		where: { id: 1 },
		select: { recoveryPublicKey: true },
	})
	return keys ? Buffer.from(keys.recoveryPublicKey) : null
}

export async function setRecoveryPublicKey(publicKey: Buffer): Promise<void> {
	await prisma.officeKeys.upsert({
		where: { id: 1 },
		create: { id: 1, recoveryPublicKey: toBytes(publicKey) },
		update: { recoveryPublicKey: toBytes(publicKey) },
	})
}
