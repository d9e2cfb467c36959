// The admin's side of staff accounts: invitations (a one-time link that
// expires), roles, deactivation, resetting a second factor or a forgotten
// password. The admin never touches case content: a role change or a reset
// changes who *should* hold case keys, and leads' sessions wrap them
// (pending grants), since only they can.
import { hashToken, newRandomToken } from '~/platform/crypto/token-hash.server'
import { generateKeyPair } from '~/platform/crypto/key-pairs.server'
import { hashPassword } from '~/platform/crypto/password-hash.server'
import { wrapWithPassword } from '~/platform/crypto/password-wrap.server'
import { prisma, toBytes } from '~/platform/db.server'
import {
	can,
	ForbiddenError,
	HOLDS_EVERY_CASE_KEY,
	requirePermission,
	type StaffRoleName,
} from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import { endAllSessionsOf, type StaffActor } from '../staff-auth/staff-session.server'
import { createStaffUser } from './staff-user.server'
import { clearTwoFactor } from '../staff-auth/two-factor.server'

export const INVITATION_DAYS = 7

export async function listStaff(actor: StaffActor) {
	requirePermission(actor, 'staff:manage')
	const [staff, invitations] = await Promise.all([
		prisma.staffUser.findMany({
			orderBy: [{ active: 'desc' }, { displayName: 'asc' }],
			select: {
				id: true,
				email: true,
				displayName: true,
				role: true,
				active: true,
				totpEnabledAt: true,
				createdAt: true,
			},
		}),
		prisma.invitation.findMany({
			where: { usedAt: null, expiresAt: { gt: new Date() } },
			orderBy: { createdAt: 'desc' },
			select: { id: true, email: true, displayName: true, role: true, expiresAt: true },
		}),
	])
	return {
		staff: staff.map((member) => ({ ...member, twoFactor: member.totpEnabledAt !== null })),
		invitations: invitations.map((invitation) => ({
			...invitation,
			expiresOn: invitation.expiresAt.toISOString().slice(0, 10),
		})),
	}
}

/** Returns the link's token, shown once to the admin (and e-mailed when SMTP is configured). */
async function createLink(
	actor: StaffActor,
	input: { email: string; displayName: string; role: StaffRoleName },
) {
	const token = newRandomToken()
	await prisma.invitation.create({
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

/** The account an admin action names does not exist (a stale page, a forged post). */
export class StaffNotFoundError extends Error {
	constructor() {
		super('no such staff account')
	}
}

async function requireStaffMember(userId: string) {
	const user = await prisma.staffUser.findUnique({
		where: { id: userId },
		select: { email: true, displayName: true, role: true },
	})
	if (!user) throw new StaffNotFoundError()
	return user
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
 * An invitation link, audited. The caller has decided that the actor may
 * invite: an admin (inviteStaff), or the lead who set the office up inviting
 * its first admin (office-setup.server.ts).
 */
export async function createInvitation(
	actor: StaffActor,
	input: { email: string; displayName: string; role: StaffRoleName },
) {
	const taken = await prisma.staffUser.findUnique({
		where: { email: input.email.trim().toLowerCase() },
		select: { id: true },
	})
	if (taken) throw new EmailTakenError()
	const token = await createLink(actor, input)
	await recordAudit({ action: 'staff.invited', actor, detail: { role: input.role } })
	return token
}

/** A forgotten password: a link that gives the account a new password and a new key pair. */
export async function createPasswordResetLink(actor: StaffActor, userId: string) {
	requirePermission(actor, 'staff:manage')
	const user = await requireStaffMember(userId)
	const token = await createLink(actor, user)
	await recordAudit({ action: 'password.reset', actor, targetUserId: userId })
	return token
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

/**
 * Activates an invitation: a new account, or, for a reset link, the same
 * account with a new password, a new key pair and a new second factor. Its
 * old grants cannot be opened any more; they become pending grants.
 */
export async function acceptInvitation(token: string, password: string) {
	const invitation = await findOpenInvitation(token)
	if (!invitation) return null
	const { count } = await prisma.invitation.updateMany({
		where: { id: invitation.id, usedAt: null },
		data: { usedAt: new Date() },
	})
	if (count !== 1) return null
	if (!invitation.resetOf) {
		const user = await createStaffUser({ ...invitation, password })
		await recordAudit({ action: 'staff.activated', targetUserId: user.id, actor: user })
		return user
	}
	const userId = invitation.resetOf
	const keyPair = generateKeyPair()
	const [{ wrapped, salt }, passwordHash] = await Promise.all([
		wrapWithPassword(keyPair.privateKey, password),
		hashPassword(password),
	])
	keyPair.privateKey.fill(0)
	await prisma.$transaction(async (tx) => {
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
	})
	await clearTwoFactor(userId)
	await recordAudit({ action: 'staff.activated', targetUserId: userId, detail: { reset: true } })
	return { id: userId, email: invitation.email, role: invitation.role }
}

export async function changeRole(actor: StaffActor, userId: string, role: StaffRoleName) {
	requirePermission(actor, 'staff:manage')
	if (userId === actor.id) throw new ForbiddenError()
	const user = await requireStaffMember(userId)
	if (user.role === role) return
	await prisma.$transaction(async (tx) => {
		await tx.staffUser.update({ where: { id: userId }, data: { role }, select: { id: true } })
		if (can(role, HOLDS_EVERY_CASE_KEY)) {
			await tx.$executeRaw`
				INSERT INTO "PendingGrant" ("caseId", "staffUserId")
				SELECT "id", ${userId} FROM "Case" WHERE "personalDataDeletedAt" IS NULL
				ON CONFLICT DO NOTHING`
		} else {
			// Only a lead reads every case: keep the keys of the cases assigned to this person.
			await tx.caseKeyGrant.deleteMany({
				where: {
					holder: 'STAFF',
					staffUserId: userId,
					case: { OR: [{ assignedToId: null }, { assignedToId: { not: userId } }] },
				},
			})
			await tx.pendingGrant.deleteMany({
				where: {
					staffUserId: userId,
					case: { OR: [{ assignedToId: null }, { assignedToId: { not: userId } }] },
				},
			})
		}
	})
	await endAllSessionsOf(userId)
	await recordAudit({
		action: 'staff.role-changed',
		actor,
		targetUserId: userId,
		detail: { from: user.role, to: role },
	})
}

export async function setStaffActive(actor: StaffActor, userId: string, active: boolean) {
	requirePermission(actor, 'staff:manage')
	if (userId === actor.id) throw new ForbiddenError()
	await requireStaffMember(userId)
	await prisma.staffUser.update({ where: { id: userId }, data: { active }, select: { id: true } })
	if (!active) await endAllSessionsOf(userId)
	await recordAudit({
		action: active ? 'staff.reactivated' : 'staff.deactivated',
		actor,
		targetUserId: userId,
	})
}

export async function resetTwoFactor(actor: StaffActor, userId: string) {
	requirePermission(actor, 'staff:manage')
	await requireStaffMember(userId)
	await clearTwoFactor(userId)
	await recordAudit({ action: 'two-factor.reset', actor, targetUserId: userId })
}
