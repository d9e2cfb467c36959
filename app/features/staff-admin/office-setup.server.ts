// Setting a new office up in the browser (docs/decisions/0011). While the
// office is not set up, every server start prints a one-time link
// (issueSetupLink). Through it a person saves the office's public details,
// receives the recovery sheet and creates the first lead, who then enrols a
// second factor on the usual page and invites the first admin. `npm run
// setup` does the same on the terminal. Of the link only its SHA-256 is
// stored, of the recovery key only its public half.
import { generateRecoveryKey, sheetNumberOf } from '~/platform/crypto/recovery-key.server'
import { hashToken, newRandomToken } from '~/platform/crypto/token-hash.server'
import { prisma, toBytes } from '~/platform/db.server'
import { can, ForbiddenError, HOLDS_EVERY_CASE_KEY, rolesWith } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { createInvitation } from './invitations.server'
import { APPROVED_KEY_HOLDER } from '../key-access/key-requests.server'
import { insertStaffUser, prepareStaffUser } from './staff-user.server'

export const SETUP_LINK_HOURS = 24

/** Someone who holds every case's key, approved: without one, nobody could open a request. */
const ACTIVE_LEAD = APPROVED_KEY_HOLDER

/** The two things a new request needs: a recovery key to wrap it to and a lead to read it. */
async function setUpParts() {
	const [keys, leads] = await Promise.all([
		prisma.officeKeys.count({ where: { id: 1 } }),
		prisma.staffUser.count({ where: ACTIVE_LEAD }),
	])
	return { recoveryKey: keys > 0, lead: leads > 0 }
}

/** Set up as `npm run setup` decides: a recovery key and an active lead. */
export async function isOfficeSetUp(): Promise<boolean> {
	const parts = await setUpParts()
	return parts.recoveryKey && parts.lead
}

/**
 * The path of a new setup link (`/setup/<token>`), which replaces any earlier
 * one, or null when the office is set up. The server calls it at every start.
 */
export async function issueSetupLink(now = new Date()): Promise<string | null> {
	if (await isOfficeSetUp()) return null
	const token = newRandomToken()
	const link = {
		tokenHash: toBytes(hashToken(token)),
		createdAt: now,
		expiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000),
		detailsSavedAt: null,
		pendingRecoveryKey: null,
		leadId: null,
		usedAt: null,
	}
	await prisma.$transaction(async (tx) => {
		await tx.officeSetup.upsert({
			where: { id: 1 },
			create: { id: 1, ...link },
			update: link,
			select: { id: true },
		})
		await recordAudit(tx, { action: 'setup.link-issued' })
	})
	return `/setup/${token}`
}

/** The link's row while it can be used: the latest link, not expired, not spent. */
const openLink = (token: string, now: Date) =>
	({
		id: 1,
		tokenHash: toBytes(hashToken(token)),
		usedAt: null,
		expiresAt: { gt: now },
	}) satisfies Prisma.OfficeSetupWhereInput

export type SetupStep = 'details' | 'recovery' | 'lead'

/** The step a setup link is at and the details saved so far; null when the link is of no use. */
export async function findSetupStep(token: string, now = new Date()) {
	const link = await prisma.officeSetup.findFirst({
		where: openLink(token, now),
		select: { detailsSavedAt: true },
	})
	if (!link) return null
	const [parts, details] = await Promise.all([
		setUpParts(),
		prisma.officeSettings.findUnique({
			where: { id: 1 },
			select: { officeName: true, contactEmail: true, contactPhone: true, address: true },
		}),
	])
	// Set up some other way meanwhile (`npm run setup`): nothing is left to do.
	if (parts.recoveryKey && parts.lead) return null
	const step: SetupStep = !link.detailsSavedAt
		? 'details'
		: !parts.recoveryKey
			? 'recovery'
			: 'lead'
	return { step, details }
}

export type OfficeDetails = {
	officeName: string
	contactEmail: string | null
	contactPhone: string | null
	address: string | null
}

/** Step 1: the public details (the retention period and threshold keep their defaults). */
export async function saveSetupDetails(
	token: string,
	details: OfficeDetails,
	now = new Date(),
): Promise<boolean> {
	if ((await findSetupStep(token, now))?.step !== 'details') return false
	return prisma.$transaction(async (tx) => {
		const { count } = await tx.officeSetup.updateMany({
			where: openLink(token, now),
			data: { detailsSavedAt: now },
		})
		if (count !== 1) return false
		await tx.officeSettings.upsert({
			where: { id: 1 },
			create: { id: 1, ...details },
			update: details,
			select: { id: true },
		})
		await recordAudit(tx, { action: 'setup.details-saved' })
		return true
	})
}

/**
 * Step 2: a new recovery key pair. Its private half leaves only as the
 * sheet's text, for the page that shows it once; its public half waits on
 * the link until the person confirms they keep the sheet, and replaces any
 * sheet made before (which is void from then on).
 */
export async function createRecoverySheet(token: string, now = new Date()) {
	const setup = await findSetupStep(token, now)
	if (setup?.step !== 'recovery') return null
	const { keyPair, sheetText } = generateRecoveryKey()
	keyPair.privateKey.fill(0)
	const sheetNumber = sheetNumberOf(keyPair.publicKey)
	const stored = await prisma.$transaction(async (tx) => {
		const { count } = await tx.officeSetup.updateMany({
			where: openLink(token, now),
			data: { pendingRecoveryKey: toBytes(keyPair.publicKey) },
		})
		if (count !== 1) return false
		await recordAudit(tx, { action: 'setup.recovery-sheet-shown', detail: { sheet: sheetNumber } })
		return true
	})
	if (!stored) return null
	return {
		sheetText,
		sheetNumber,
		officeName: setup.details?.officeName ?? null,
		createdOn: now.toISOString().slice(0, 10),
	}
}

/**
 * Step 2 confirmed: the sheet's public key becomes the office's recovery key
 * (once: the key's row is unique). 'void' when the sheet is not the one
 * pending (a newer one was made, the link changed, or it was confirmed
 * already); 'set-up' when a lead existed already, so the office is set up.
 */
export async function confirmRecoverySheet(
	token: string,
	sheetNumber: string,
	now = new Date(),
): Promise<'next' | 'set-up' | 'void'> {
	const link = await prisma.officeSetup.findFirst({
		where: openLink(token, now),
		select: { pendingRecoveryKey: true },
	})
	const pending = link?.pendingRecoveryKey
	if (!pending || sheetNumberOf(pending) !== sheetNumber) return 'void'
	try {
		return await prisma.$transaction(async (tx) => {
			const { count } = await tx.officeSetup.updateMany({
				where: { ...openLink(token, now), pendingRecoveryKey: { equals: pending } },
				data: { pendingRecoveryKey: null },
			})
			if (count !== 1) return 'void'
			await tx.officeKeys.create({
				data: { id: 1, recoveryPublicKey: pending },
				select: { id: true },
			})
			await recordAudit(tx, {
				action: 'setup.recovery-key-confirmed',
				detail: { sheet: sheetNumber },
			})
			if ((await tx.staffUser.count({ where: ACTIVE_LEAD })) === 0) return 'next'
			await tx.officeSetup.update({ where: { id: 1 }, data: { usedAt: now }, select: { id: true } })
			return 'set-up'
		})
	} catch (error) {
		// The office got a recovery key some other way meanwhile.
		if (isUniqueViolation(error)) return 'void'
		throw error
	}
}

class SetupLinkSpentError extends Error {
	constructor() {
		super('the setup link was spent meanwhile')
	}
}

/**
 * Step 3: the first lead. The account and the spending of the link are one
 * transaction: of two people sending this step at once, the second waits
 * for the first's row lock, finds the link spent, and its account is rolled
 * back. Null when the link is of no use (any more).
 */
export async function createFirstLead(
	token: string,
	input: { email: string; displayName: string; password: string },
	now = new Date(),
): Promise<{ id: string; email: string } | 'email-taken' | null> {
	if ((await findSetupStep(token, now))?.step !== 'lead') return null
	const taken = await prisma.staffUser.findUnique({
		where: { email: input.email.trim().toLowerCase() },
		select: { id: true },
	})
	if (taken) return 'email-taken'
	const account = await prepareStaffUser({ ...input, role: 'LEAD' })
	try {
		const lead = await prisma.$transaction(async (tx) => {
			// Whoever holds the setup link made the recovery key just before:
			// the first lead's keys need nobody else's approval.
			const user = await insertStaffUser(tx, account, 'approved')
			const { count } = await tx.officeSetup.updateMany({
				where: openLink(token, now),
				data: { usedAt: now, leadId: user.id },
			})
			if (count !== 1) throw new SetupLinkSpentError()
			await recordAudit(tx, { action: 'setup.lead-created', actor: user, targetUserId: user.id })
			return user
		})
		return { id: lead.id, email: lead.email }
	} catch (error) {
		// The same e-mail sent twice at once meets the unique index instead.
		if (error instanceof SetupLinkSpentError || isUniqueViolation(error)) return null
		throw error
	}
}

/**
 * Step 4, for the lead this link created: while the office has no active
 * admin, an invitation for one, with the open one if there is (null: not
 * this person's step, or done).
 */
export async function findFirstAdminStep(actor: StaffActor, now = new Date()) {
	if (!can(actor.role, HOLDS_EVERY_CASE_KEY)) return null
	const [link, admins] = await Promise.all([
		prisma.officeSetup.findUnique({ where: { id: 1 }, select: { leadId: true } }),
		prisma.staffUser.count({ where: { role: { in: rolesWith('staff:manage') }, active: true } }),
	])
	if (link?.leadId !== actor.id || admins > 0) return null
	const open = await prisma.invitation.findFirst({
		where: {
			invitedById: actor.id,
			role: 'ADMIN',
			usedAt: null,
			revokedAt: null,
			expiresAt: { gt: now },
		},
		orderBy: { createdAt: 'desc' },
		select: { email: true, displayName: true, expiresAt: true },
	})
	return {
		openInvitation: open
			? {
					email: open.email,
					displayName: open.displayName,
					expiresOn: open.expiresAt.toISOString().slice(0, 10),
				}
			: null,
	}
}

/** The first admin's invitation link (its token), replacing one made before that was lost. */
export async function inviteFirstAdmin(
	actor: StaffActor,
	input: { email: string; displayName: string },
	now = new Date(),
): Promise<string> {
	if (!(await findFirstAdminStep(actor, now))) throw new ForbiddenError()
	const token = await createInvitation(actor, { ...input, role: 'ADMIN' })
	await prisma.invitation.updateMany({
		where: {
			invitedById: actor.id,
			role: 'ADMIN',
			usedAt: null,
			revokedAt: null,
			NOT: { tokenHash: toBytes(hashToken(token)) },
		},
		data: { revokedAt: now },
	})
	return token
}

function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: string } | null)?.code === 'P2002'
}
