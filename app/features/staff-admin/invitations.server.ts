// One-time links that expire: an invitation makes a new account, a password
// reset link gives an existing account a new password, a new key pair and a
// new second factor (its old grants cannot be opened any more and become
// pending grants). The link's token is shown once to the admin; only its
// hash is stored. Each step and its audit entry are one transaction.
import { hashToken, newRandomToken } from '~/platform/crypto/token-hash.server'
import { generateKeyPair } from '~/platform/crypto/key-pairs.server'
import { hashPassword } from '~/platform/crypto/password-hash.server'
import { wrapWithPassword } from '~/platform/crypto/password-wrap.server'
import { prisma, toBytes } from '~/platform/db.server'
import { requirePermission, type StaffRoleName } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { clearTwoFactor } from '../staff-auth/two-factor.server'
import { requireStaffMember } from './staff-accounts.server'
import { insertStaffUser, prepareStaffUser } from './staff-user.server'

export const INVITATION_DAYS = 7

/** Stores a link for the caller's transaction; returns its token (e-mailed when SMTP is configured). */
async function createLink(
	tx: Pick<Prisma.TransactionClient, 'invitation'>,
	actor: StaffActor,
	input: { email: string; displayName: string; role: StaffRoleName },
) {
	const token = newRandomToken()
	await tx.invitation.create({
		data: {
			tokenHash: toBytes(hashToken(token)),
			email: input.email.trim().toLowerCase(),
			displayName: input.displayName,
			role: input.role,
			invitedById: actor.id,
			expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
		},
		select: { id: true },
	})
	return token
}

export class EmailTakenError extends Error {
	constructor() {
		super('an account with this e-mail exists')
	}
}

export async function inviteStaff(
	actor: StaffActor,
	input: { email: string; displayName: string; role: StaffRoleName },
) {
	requirePermission(actor, 'staff:manage')
	return createInvitation(actor, input)
}

/**
 * An invitation link and its audit entry, one transaction. The caller has
 * decided that the actor may invite: an admin (inviteStaff), or the lead who
 * set the office up inviting its first admin (office-setup.server.ts).
 */
export async function createInvitation(
	actor: StaffActor,
	input: { email: string; displayName: string; role: StaffRoleName },
) {
	return prisma.$transaction(async (tx) => {
		const taken = await tx.staffUser.findUnique({
			where: { email: input.email.trim().toLowerCase() },
			select: { id: true },
		})
		if (taken) throw new EmailTakenError()
		const token = await createLink(tx, actor, input)
		await recordAudit(tx, { action: 'staff.invited', actor, detail: { role: input.role } })
		return token
	})
}

/** A forgotten password: a link that gives the account a new password and a new key pair. */
export async function createPasswordResetLink(actor: StaffActor, userId: string) {
	requirePermission(actor, 'staff:manage')
	return prisma.$transaction(async (tx) => {
		const user = await requireStaffMember(tx, userId)
		const token = await createLink(tx, actor, user)
		await recordAudit(tx, { action: 'password.reset', actor, targetUserId: userId })
		return token
	})
}

/** What an invitation or reset link is for, or null when it is unknown, used or expired. */
export async function findOpenInvitation(token: string) {
	const invitation = await prisma.invitation.findUnique({
		where: { tokenHash: toBytes(hashToken(token)) },
		select: { id: true, email: true, displayName: true, role: true, usedAt: true, expiresAt: true },
	})
	if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date()) return null
	const existing = await prisma.staffUser.findUnique({
		where: { email: invitation.email },
		select: { id: true },
	})
	return { ...invitation, resetOf: existing?.id ?? null }
}

/** Marks the link used, once: a second use at the same moment finds it used. */
async function claim(tx: Pick<Prisma.TransactionClient, 'invitation'>, invitationId: string) {
	const { count } = await tx.invitation.updateMany({
		where: { id: invitationId, usedAt: null },
		data: { usedAt: new Date() },
	})
	return count === 1
}

/**
 * Activates an invitation: a new account, or, for a reset link, the same
 * account with a new password, a new key pair and a new second factor. The
 * key pair and the Argon2 hashes are made first, outside the transaction.
 */
export async function acceptInvitation(token: string, password: string) {
	const invitation = await findOpenInvitation(token)
	if (!invitation) return null
	if (!invitation.resetOf) {
		const account = await prepareStaffUser({ ...invitation, password })
		return prisma.$transaction(async (tx) => {
			if (!(await claim(tx, invitation.id))) return null
			const user = await insertStaffUser(tx, account)
			await recordAudit(tx, { action: 'staff.activated', targetUserId: user.id, actor: user })
			return user
		})
	}
	const userId = invitation.resetOf
	const keyPair = generateKeyPair()
	const [{ wrapped, salt }, passwordHash] = await Promise.all([
		wrapWithPassword(keyPair.privateKey, password),
		hashPassword(password),
	])
	keyPair.privateKey.fill(0)
	return prisma.$transaction(async (tx) => {
		if (!(await claim(tx, invitation.id))) return null
		await tx.$executeRaw`
			INSERT INTO "PendingGrant" ("caseId", "staffUserId")
			SELECT "caseId", ${userId} FROM "CaseKeyGrant" WHERE "holder" = 'STAFF' AND "staffUserId" = ${userId}
			ON CONFLICT DO NOTHING`
		await tx.caseKeyGrant.deleteMany({ where: { holder: 'STAFF', staffUserId: userId } })
		await tx.staffUser.update({
			where: { id: userId },
			data: {
				passwordHash,
				publicKey: toBytes(keyPair.publicKey),
				wrappedPrivateKey: toBytes(wrapped),
				keySalt: toBytes(salt),
			},
			select: { id: true },
		})
		await clearTwoFactor(tx, userId)
		await recordAudit(tx, {
			action: 'staff.activated',
			targetUserId: userId,
			detail: { reset: true },
		})
		return { id: userId, email: invitation.email, role: invitation.role }
	})
}
