import { generateKeyPair } from '~/crypto/key-pairs.server'
import { wrapWithPassword } from '~/crypto/password-wrap.server'
import { prisma, toBytes } from '~/db.server'
import type { StaffRole } from '~/generated/prisma/enums'

/**
 * Creates an account with its key pair; the private key is kept only wrapped
 * by the password. (Invitations, login and two-factor arrive with the
 * back-office issue; until then setup and the demo seed use this.)
 */
export async function createStaffUser(input: {
	email: string
	displayName: string
	role: StaffRole
	password: string
}) {
	const keyPair = generateKeyPair()
	const { wrapped, salt } = await wrapWithPassword(keyPair.privateKey, input.password)
	return prisma.staffUser.create({
		data: {
			email: input.email.toLowerCase(),
			displayName: input.displayName,
			role: input.role,
			publicKey: toBytes(keyPair.publicKey),
			wrappedPrivateKey: toBytes(wrapped),
			keySalt: toBytes(salt),
		},
		select: { id: true, email: true, role: true },
	})
}

/** The leads every new request is wrapped to (security-model.md, "New request"). */
export async function listActiveLeadKeys() {
	return prisma.staffUser.findMany({
		where: { role: 'LEAD', active: true },
		select: { id: true, publicKey: true },
	})
}
