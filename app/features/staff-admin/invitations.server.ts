// One-time links that expire, each bound to its purpose (kind): an
// invitation creates a new account with the e-mail, name and role it
// names, and is refused once an account has that address; a password reset
// link gives the one account it names a new password, a new key pair and a
// new second factor (its old grants cannot be opened any more and become
// pending grants, and its keys wait for a lead's approval again). At most
// one link per address is open: a new one revokes the older, and the admin
// can revoke one. The link's token is shown once to the admin; only its
// hash is stored. Each step and its audit entry are one transaction.
import { hashToken, newRandomToken } from '~/platform/crypto/token-hash.server'
import { generateKeyPair } from '~/platform/crypto/key-pairs.server'
import { wrapWithPassword } from '~/platform/crypto/password-wrap.server'
import { prisma, toBytes } from '~/platform/db.server'
import { requirePermission, type StaffRoleName } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { lockAccountKeys, resetKeyApproval } from '../key-access/key-requests.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { clearTwoFactor } from '../staff-auth/two-factor.server'
import { requireStaffMember } from './staff-accounts.server'
import { insertStaffUser, prepareStaffUser, wrappedKeyColumns } from './staff-user.server'

export const INVITATION_DAYS = 7

type Tx = Prisma.TransactionClient

type Purpose = { email: string; displayName: string; role: StaffRoleName } & (
	{ kind: 'NEW_ACCOUNT' } | { kind: 'PASSWORD_RESET'; staffUserId: string }
)

const normalized = (email: string) => email.trim().toLowerCase()

/**
 * Revokes the open links the filter finds (of one address, or one link)
 * and audits each that could still have been used; returns how many.
 */
async function revokeOpenLinks(
	tx: Tx,
	actor: StaffActor,
	where: { email: string } | { id: string },
	replaced: boolean,
): Promise<number> {
	const now = new Date()
	const open = await tx.invitation.findMany({
		where: { ...where, usedAt: null, revokedAt: null },
		select: { id: true, kind: true, staffUserId: true, expiresAt: true },
	})
	if (open.length === 0) return 0
	await tx.invitation.updateMany({
		where: { id: { in: open.map((link) => link.id) }, usedAt: null, revokedAt: null },
		data: { revokedAt: now },
	})
	for (const link of open.filter((each) => each.expiresAt > now)) {
		await recordAudit(tx, {
			action: 'staff.invitation-revoked',
			actor,
			targetUserId: link.staffUserId,
			detail: { invitation: link.id, kind: link.kind, replaced },
		})
	}
	return open.length
}

/**
 * Stores a link for the caller's transaction, revoking any open one of the
 * same address first (so that only the newest link works, and a second
 * link can never act on what the first one made); returns its token.
 */
async function createLink(tx: Tx, actor: StaffActor, purpose: Purpose) {
	const email = normalized(purpose.email)
	// Two links for one address at once take turns, so that one open link stays.
	await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${email}`}))`
	await revokeOpenLinks(tx, actor, { email }, true)
	const token = newRandomToken()
	await tx.invitation.create({
		data: {
			tokenHash: toBytes(hashToken(token)),
			kind: purpose.kind,
			email,
			displayName: purpose.displayName,
			role: purpose.role,
			staffUserId: purpose.kind === 'PASSWORD_RESET' ? purpose.staffUserId : null,
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
			where: { email: normalized(input.email) },
			select: { id: true },
		})
		if (taken) throw new EmailTakenError()
		const token = await createLink(tx, actor, { ...input, kind: 'NEW_ACCOUNT' })
		await recordAudit(tx, { action: 'staff.invited', actor, detail: { role: input.role } })
		return token
	})
}

/** A forgotten password: a link that gives this one account a new password and a new key pair. */
export async function createPasswordResetLink(actor: StaffActor, userId: string) {
	requirePermission(actor, 'staff:manage')
	return prisma.$transaction(async (tx) => {
		const user = await requireStaffMember(tx, userId)
		const token = await createLink(tx, actor, {
			...user,
			kind: 'PASSWORD_RESET',
			staffUserId: userId,
		})
		await recordAudit(tx, { action: 'password.reset', actor, targetUserId: userId })
		return token
	})
}

/** The link is used, revoked or expired already (a stale page, a forged post). */
export class InvitationGoneError extends Error {
	constructor() {
		super('no such open invitation')
	}
}

/** The admin withdraws a link before anyone used it. */
export async function revokeInvitation(actor: StaffActor, invitationId: string): Promise<void> {
	requirePermission(actor, 'staff:manage')
	await prisma.$transaction(async (tx) => {
		const found = await tx.invitation.findFirst({
			where: { id: invitationId, expiresAt: { gt: new Date() } },
			select: { id: true },
		})
		if (!found || (await revokeOpenLinks(tx, actor, { id: invitationId }, false)) === 0) {
			throw new InvitationGoneError()
		}
	})
}

/** An open link, found by its token: not used, revoked or expired. */
const openLink = (where: Prisma.InvitationWhereInput) =>
	({
		...where,
		usedAt: null,
		revokedAt: null,
		expiresAt: { gt: new Date() },
	}) satisfies Prisma.InvitationWhereInput

/**
 * What a link is for, or null when it is of no use: unknown, used, revoked
 * or expired; an invitation whose address has an account by now; a reset
 * link whose account is not the one it was made for.
 */
export async function findOpenInvitation(token: string) {
	const invitation = await prisma.invitation.findFirst({
		where: openLink({ tokenHash: toBytes(hashToken(token)) }),
		select: {
			id: true,
			kind: true,
			email: true,
			displayName: true,
			role: true,
			staffUserId: true,
			invitedBy: { select: { id: true, email: true } },
		},
	})
	if (!invitation) return null
	const account = await prisma.staffUser.findUnique({
		where: { email: invitation.email },
		select: { id: true },
	})
	const fits = invitation.kind === 'NEW_ACCOUNT' ? !account : account?.id === invitation.staffUserId
	return fits ? invitation : null
}

type OpenInvitation = NonNullable<Awaited<ReturnType<typeof findOpenInvitation>>>

/** Marks the link used, once: a second use at the same moment finds it used. */
async function claim(tx: Pick<Tx, 'invitation'>, invitationId: string) {
	const { count } = await tx.invitation.updateMany({
		where: openLink({ id: invitationId }),
		data: { usedAt: new Date() },
	})
	return count === 1
}

/**
 * Activates a link for its purpose: a new account, or, for a reset link,
 * the account it names with a new password, a new key pair and a new second
 * factor. The key pair and its Argon2 wrap are made first, outside the
 * transaction. Null when the link is of no use (findOpenInvitation).
 */
export async function acceptInvitation(token: string, password: string) {
	const invitation = await findOpenInvitation(token)
	if (!invitation) return null
	return invitation.kind === 'NEW_ACCOUNT'
		? createInvitedAccount(invitation, password)
		: resetAccount(invitation, invitation.staffUserId!, password)
}

async function createInvitedAccount(invitation: OpenInvitation, password: string) {
	const account = await prepareStaffUser({ ...invitation, password })
	try {
		return await prisma.$transaction(async (tx) => {
			if (!(await claim(tx, invitation.id))) return null
			const user = await insertStaffUser(tx, account, { requestedBy: invitation.invitedBy })
			await recordAudit(tx, { action: 'staff.activated', targetUserId: user.id, actor: user })
			return user
		})
	} catch (error) {
		// The address got an account meanwhile (the unique e-mail): the link is of no use.
		if ((error as { code?: string } | null)?.code === 'P2002') return null
		throw error
	}
}

async function resetAccount(invitation: OpenInvitation, userId: string, password: string) {
	const keyPair = generateKeyPair()
	const wrapped = await wrapWithPassword(keyPair.privateKey, password)
	keyPair.privateKey.fill(0)
	return prisma.$transaction(async (tx) => {
		if (!(await claim(tx, invitation.id))) return null
		await lockAccountKeys(tx, userId)
		const user = await tx.staffUser.findUniqueOrThrow({
			where: { id: userId },
			select: { role: true },
		})
		await tx.$executeRaw`
			INSERT INTO "PendingGrant" ("caseId", "staffUserId")
			SELECT "caseId", ${userId} FROM "CaseKeyGrant" WHERE "holder" = 'STAFF' AND "staffUserId" = ${userId}
			ON CONFLICT DO NOTHING`
		await tx.caseKeyGrant.deleteMany({ where: { holder: 'STAFF', staffUserId: userId } })
		await tx.staffUser.update({
			where: { id: userId },
			data: { publicKey: toBytes(keyPair.publicKey), ...wrappedKeyColumns(wrapped) },
			select: { id: true },
		})
		await clearTwoFactor(tx, userId)
		// Whoever opened the link holds the new key: a lead decides whether it gets the cases back.
		await resetKeyApproval(tx, {
			staffUserId: userId,
			role: user.role,
			reason: 'PASSWORD_RESET',
			requestedBy: invitation.invitedBy,
		})
		await recordAudit(tx, {
			action: 'staff.activated',
			targetUserId: userId,
			detail: { reset: true },
		})
		return { id: userId, email: invitation.email, role: user.role }
	})
}

/**
 * Links that can no longer be used (used, revoked or expired) are deleted
 * by the housekeeping: nothing reads them, and the audit log keeps who
 * invited or reset whom (docs/data-protection.md).
 */
export async function deleteSpentInvitations(now = new Date()): Promise<number> {
	const { count } = await prisma.invitation.deleteMany({
		where: {
			OR: [{ usedAt: { not: null } }, { revokedAt: { not: null } }, { expiresAt: { lt: now } }],
		},
	})
	return count
}
