// Who may receive case keys (security-model.md, "Approving an account's
// keys"). The admin decides who *should* hold keys (an invitation, a reset
// link, a role change), but no account receives any until someone who
// holds them approves: a lead whose own keys were approved, on
// /staff/key-requests, or the recovery ceremony. Until then the account
// waits with a KeyAccessRequest and pending grants, and new requests are
// queued for it instead of sealed to it. Each step and its audit entry are
// one transaction.
import { publicKeyOf } from '~/platform/crypto/key-pairs.server'
import { prisma } from '~/platform/db.server'
import {
	can,
	ForbiddenError,
	HOLDS_EVERY_CASE_KEY,
	requirePermission,
	rolesWith,
	type StaffRoleName,
} from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { getRecoveryPublicKey } from '../cases/office-keys.server'
import {
	completePendingGrantsOf,
	completePendingGrantsWithRecoveryKey,
} from '../cases/pending-grants.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

type Tx = Prisma.TransactionClient

/** An account that holds every case's key and was approved to: new requests are sealed to it. */
export const APPROVED_KEY_HOLDER = {
	role: { in: rolesWith(HOLDS_EVERY_CASE_KEY) },
	active: true,
	caseKeysApprovedAt: { not: null },
} satisfies Prisma.StaffUserWhereInput

/** An account that should hold every case's key and waits for a decision: new requests are queued for it. */
const AWAITING_KEY_HOLDER = {
	role: { in: rolesWith(HOLDS_EVERY_CASE_KEY) },
	active: true,
	keyRequests: { some: { decidedAt: null } },
} satisfies Prisma.StaffUserWhereInput

/** Whom a new request's key is sealed to, and for whom it is queued as a pending grant. */
export async function recipientsOfNewRequest() {
	const [sealTo, queueFor] = await Promise.all([
		prisma.staffUser.findMany({
			where: APPROVED_KEY_HOLDER,
			select: { id: true, publicKey: true },
		}),
		prisma.staffUser.findMany({ where: AWAITING_KEY_HOLDER, select: { id: true } }),
	])
	return { sealTo, queueFor: queueFor.map((account) => account.id) }
}

/**
 * Locks an account's row until the caller's transaction ends. Whatever
 * changes its keys (a reset, a role change, a decision, completing its
 * grants) takes it first, so that they take turns.
 */
export async function lockAccountKeys(tx: Pick<Tx, '$executeRaw'>, staffUserId: string) {
	await tx.$executeRaw`SELECT 1 FROM "StaffUser" WHERE "id" = ${staffUserId} FOR UPDATE`
}

/** A pending grant of every case that still has personal data: what a new key holder waits for. */
export async function queueEveryCaseFor(tx: Pick<Tx, '$executeRaw'>, staffUserId: string) {
	await tx.$executeRaw`
		INSERT INTO "PendingGrant" ("caseId", "staffUserId")
		SELECT "id", ${staffUserId} FROM "Case" WHERE "personalDataDeletedAt" IS NULL
		ON CONFLICT DO NOTHING`
}

export type KeyChange = {
	staffUserId: string
	/** The account's role after the change. */
	role: StaffRoleName
	reason: 'INVITATION' | 'PASSWORD_RESET' | 'ROLE_CHANGE'
	/** The admin who invited, made the reset link or changed the role. */
	requestedBy: { id: string; email: string }
}

/**
 * After an invitation to a key-holding role, a reset (a new key pair) or a
 * role change, in that change's transaction, with the account locked: any
 * approval lapses and any open request is withdrawn. An account that
 * should hold every case's key gets a pending grant of every case, and an
 * account that waits for keys (that or earlier pending grants) a new
 * request. Returns the request's id, or null when nothing waits.
 */
export async function resetKeyApproval(tx: Tx, change: KeyChange): Promise<string | null> {
	const { staffUserId, role, reason, requestedBy } = change
	const now = new Date()
	await tx.keyAccessRequest.updateMany({
		where: { staffUserId, decidedAt: null },
		data: { outcome: 'WITHDRAWN', decidedAt: now, decidedById: requestedBy.id },
	})
	await tx.staffUser.update({
		where: { id: staffUserId },
		data: { caseKeysApprovedAt: null },
		select: { id: true },
	})
	const holdsAll = can(role, HOLDS_EVERY_CASE_KEY)
	if (holdsAll) await queueEveryCaseFor(tx, staffUserId)
	if (!holdsAll && (await tx.pendingGrant.count({ where: { staffUserId } })) === 0) return null
	const request = await tx.keyAccessRequest.create({
		data: { staffUserId, role, reason, requestedById: requestedBy.id, requestedAt: now },
		select: { id: true },
	})
	await recordAudit(tx, {
		action: 'staff.keys-requested',
		actor: requestedBy,
		targetUserId: staffUserId,
		detail: { request: request.id, role, reason },
	})
	return request.id
}

async function isApprovedKeyHolder(db: Pick<Tx, 'staffUser'>, staffUserId: string) {
	return (await db.staffUser.count({ where: { id: staffUserId, ...APPROVED_KEY_HOLDER } })) > 0
}

/** How many requests wait for a decision (the staff navigation's count). */
export async function countOpenKeyRequests(actor: StaffActor): Promise<number> {
	requirePermission(actor, HOLDS_EVERY_CASE_KEY)
	return prisma.keyAccessRequest.count({
		where: { decidedAt: null, staffUser: { active: true } },
	})
}

const person = { select: { displayName: true, email: true } } as const

/**
 * The page /staff/key-requests: the open requests (for whom, which role,
 * why, asked by whom, when) and the approved accounts still waiting for
 * keys that this lead's own grants can pass on.
 */
export async function listKeyRequests(actor: StaffActor) {
	requirePermission(actor, HOLDS_EVERY_CASE_KEY)
	const openable = {
		case: { grants: { some: { holder: 'STAFF' as const, staffUserId: actor.id } } },
	}
	const [mayDecide, open, waiting] = await Promise.all([
		isApprovedKeyHolder(prisma, actor.id),
		prisma.keyAccessRequest.findMany({
			where: { decidedAt: null, staffUser: { active: true } },
			orderBy: { requestedAt: 'asc' },
			select: {
				id: true,
				role: true,
				reason: true,
				requestedAt: true,
				staffUserId: true,
				staffUser: { select: { ...person.select, _count: { select: { pendingGrants: true } } } },
				requestedBy: person,
			},
		}),
		prisma.staffUser.findMany({
			where: {
				id: { not: actor.id },
				active: true,
				caseKeysApprovedAt: { not: null },
				pendingGrants: { some: openable },
			},
			orderBy: { displayName: 'asc' },
			select: {
				id: true,
				...person.select,
				role: true,
				caseKeysApprovedAt: true,
				_count: { select: { pendingGrants: { where: openable } } },
			},
		}),
	])
	return {
		mayDecide,
		open: open.map((request) => ({
			id: request.id,
			displayName: request.staffUser.displayName,
			email: request.staffUser.email,
			role: request.role,
			reason: request.reason,
			requestedBy: request.requestedBy,
			requestedAt: request.requestedAt.toISOString().slice(0, 16).replace('T', ' '),
			pendingGrants: request.staffUser._count.pendingGrants,
			ownAccount: request.staffUserId === actor.id,
		})),
		waiting: waiting.map((account) => ({
			id: account.id,
			displayName: account.displayName,
			email: account.email,
			role: account.role,
			approvedOn: account.caseKeysApprovedAt!.toISOString().slice(0, 10),
			pendingGrants: account._count.pendingGrants,
		})),
	}
}

/** The request was decided, withdrawn or is not there (a stale page, a forged post). */
export class KeyRequestGoneError extends Error {
	constructor() {
		super('no such open key request')
	}
}

/**
 * Records a lead's decision, once: the actor must hold every case's key
 * with an approval of their own and decide for someone else. The request
 * row's conditional update makes a second decision (or a withdrawal by a
 * reset at the same moment, which locks the account first) find it gone.
 */
async function decide(
	actor: StaffActor,
	requestId: string,
	outcome: 'APPROVED' | 'REFUSED',
	apply: (tx: Tx, staffUserId: string) => Promise<Prisma.InputJsonObject>,
) {
	requirePermission(actor, HOLDS_EVERY_CASE_KEY)
	return prisma.$transaction(async (tx) => {
		if (!(await isApprovedKeyHolder(tx, actor.id))) throw new ForbiddenError()
		const request = await tx.keyAccessRequest.findFirst({
			where: { id: requestId, decidedAt: null, staffUser: { active: true } },
			select: { staffUserId: true, role: true, reason: true },
		})
		if (!request || request.staffUserId === actor.id) throw new KeyRequestGoneError()
		await lockAccountKeys(tx, request.staffUserId)
		const { count } = await tx.keyAccessRequest.updateMany({
			where: { id: requestId, decidedAt: null },
			data: { outcome, decidedAt: new Date(), decidedById: actor.id },
		})
		if (count !== 1) throw new KeyRequestGoneError()
		const detail = await apply(tx, request.staffUserId)
		await recordAudit(tx, {
			action: outcome === 'APPROVED' ? 'staff.keys-approved' : 'staff.keys-refused',
			actor,
			targetUserId: request.staffUserId,
			detail: { request: requestId, role: request.role, reason: request.reason, ...detail },
		})
		return request.staffUserId
	})
}

/**
 * Approves a request: the account may receive keys from now on, new
 * requests are sealed to it if its role holds every case's key, and its
 * pending grants are completed with this lead's session, as far as the
 * lead's own grants reach (the first batch now, the rest in the
 * background). Returns how many cases the first batch completed.
 */
export async function approveKeyRequest(actor: StaffActor, requestId: string): Promise<number> {
	const staffUserId = await decide(actor, requestId, 'APPROVED', async (tx, staffUserId) => {
		await tx.staffUser.update({
			where: { id: staffUserId },
			data: { caseKeysApprovedAt: new Date() },
			select: { id: true },
		})
		return {}
	})
	return completePendingGrantsOf(actor, staffUserId)
}

/** Refuses a request: the account's pending grants are deleted, and it stays without keys. */
export async function refuseKeyRequest(actor: StaffActor, requestId: string): Promise<void> {
	await decide(actor, requestId, 'REFUSED', async (tx, staffUserId) => {
		const { count } = await tx.pendingGrant.deleteMany({ where: { staffUserId } })
		return { pendingRemoved: count }
	})
}

/**
 * An approved account still waits for some keys (the approving lead did
 * not hold them all, a request arrived during the approval, the server
 * stopped half-way): another approved lead passes on what their own grants
 * open. Returns how many cases the first batch completed.
 */
export async function passOnKeys(actor: StaffActor, staffUserId: string): Promise<number> {
	requirePermission(actor, HOLDS_EVERY_CASE_KEY)
	if (!(await isApprovedKeyHolder(prisma, actor.id))) throw new ForbiddenError()
	if (staffUserId === actor.id) throw new ForbiddenError()
	return completePendingGrantsOf(actor, staffUserId)
}

/** The recovery key given is not this office's. */
export class NotTheRecoveryKeyError extends Error {
	constructor() {
		super('this is not the recovery key of this office')
	}
}

/**
 * The recovery ceremony (`npm run recovery`), the way out when no approved
 * lead is left: the two people holding the office's recovery sheet approve
 * the open requests (of the accounts named by e-mail, or all) and the
 * recovery key completes the pending grants of every approved account
 * (or of those named). Each approval is audited with `by: recovery-key`.
 */
export async function runRecoveryCeremony(
	recovery: { publicKey: Buffer; privateKey: Buffer },
	emails?: string[],
) {
	const officeKey = await getRecoveryPublicKey()
	if (!officeKey || !publicKeyOf(recovery.privateKey).equals(Buffer.from(officeKey))) {
		throw new NotTheRecoveryKeyError()
	}
	const named = emails
		? await prisma.staffUser.findMany({
				where: { email: { in: emails.map((email) => email.trim().toLowerCase()) } },
				select: { id: true, email: true },
			})
		: null
	const requests = await prisma.keyAccessRequest.findMany({
		where: {
			decidedAt: null,
			staffUser: { active: true },
			staffUserId: named ? { in: named.map((account) => account.id) } : undefined,
		},
		orderBy: { requestedAt: 'asc' },
		select: {
			id: true,
			staffUserId: true,
			role: true,
			reason: true,
			staffUser: { select: { email: true } },
			requestedBy: { select: { email: true } },
		},
	})
	const approved: Array<{ email: string; role: StaffRoleName; reason: string; by: string | null }> =
		[]
	for (const request of requests) {
		const done = await prisma.$transaction(async (tx) => {
			await lockAccountKeys(tx, request.staffUserId)
			const { count } = await tx.keyAccessRequest.updateMany({
				where: { id: request.id, decidedAt: null },
				data: { outcome: 'APPROVED', decidedAt: new Date() },
			})
			if (count !== 1) return false
			await tx.staffUser.update({
				where: { id: request.staffUserId },
				data: { caseKeysApprovedAt: new Date() },
				select: { id: true },
			})
			await recordAudit(tx, {
				action: 'staff.keys-approved',
				targetUserId: request.staffUserId,
				detail: {
					request: request.id,
					role: request.role,
					reason: request.reason,
					by: 'recovery-key',
				},
			})
			return true
		})
		if (done) {
			approved.push({
				email: request.staffUser.email,
				role: request.role,
				reason: request.reason,
				by: request.requestedBy?.email ?? null,
			})
		}
	}
	const grants = await completePendingGrantsWithRecoveryKey(
		recovery,
		named?.map((account) => account.id),
	)
	const unknown = named
		? emails!.filter(
				(email) => !named.some((account) => account.email === email.trim().toLowerCase()),
			)
		: []
	return { approved, unknown, ...grants }
}
