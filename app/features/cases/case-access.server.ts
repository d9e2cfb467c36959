// Which cases a staff member may touch, and the key that opens one. Every
// case function goes through `caseScope` (the permission check, as a query
// filter) and `openCaseKey` (the cryptographic check: no grant, no key).
// The queries take the client they run on, so that a caller's transaction
// holds the read, the change and the audit entry together.
import { openSealed, publicKeyOf, sealTo } from '~/platform/crypto/key-pairs.server'
import { toBytes } from '~/platform/db.server'
import { can, ForbiddenError } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import type { StaffActor } from '../staff-auth/staff-session.server'

type Db = Prisma.TransactionClient

/** Out of scope and missing look the same: the route answers 404. */
export class CaseNotFoundError extends Error {
	constructor() {
		super('no such case in scope')
	}
}

/** The key is needed to write content; a missing grant is a state the page explains. */
export class CaseKeyUnavailableError extends Error {
	constructor() {
		super('no grant for this case')
	}
}

/** The cases this actor may see at all, as a Prisma filter; throws for roles without casework. */
export function caseScope(actor: StaffActor): Prisma.CaseWhereInput {
	if (can(actor.role, 'case:work-all')) return {}
	if (can(actor.role, 'case:work-assigned')) return { assignedToId: actor.id }
	throw new ForbiddenError()
}

/** The case key from a grant sealed to this actor, or null. */
export function openOwnGrant(actor: StaffActor, sealedKey: Uint8Array | null | undefined) {
	if (!sealedKey) return null
	return openSealed(sealedKey, {
		publicKey: publicKeyOf(actor.privateKey),
		privateKey: actor.privateKey,
	})
}

/** The case key sealed to this actor, still sealed, or null. */
export async function findOwnGrant(
	db: Pick<Db, 'caseKeyGrant'>,
	actor: StaffActor,
	caseId: string,
): Promise<Uint8Array | null> {
	const grant = await db.caseKeyGrant.findFirst({
		where: { caseId, holder: 'STAFF', staffUserId: actor.id },
		select: { sealedKey: true },
	})
	return grant?.sealedKey ?? null
}

/** The case key through this actor's own grant, or null (no grant yet, or none at all). */
export async function openCaseKey(
	db: Pick<Db, 'caseKeyGrant'>,
	actor: StaffActor,
	caseId: string,
): Promise<Buffer | null> {
	return openOwnGrant(actor, await findOwnGrant(db, actor, caseId))
}

/** Like openCaseKey, for writing content: throws CaseKeyUnavailableError without a grant. */
export async function requireCaseKey(
	db: Pick<Db, 'caseKeyGrant'>,
	actor: StaffActor,
	caseId: string,
): Promise<Buffer> {
	const key = await openCaseKey(db, actor, caseId)
	if (!key) throw new CaseKeyUnavailableError()
	return key
}

/**
 * A reference as it may be stored and logged: upper case, letters, digits
 * and hyphens only. Anything else (a NUL byte in a crafted URL, say) finds
 * no case rather than reaching the database.
 */
export function normalizedReference(reference: string): string {
	return reference
		.toUpperCase()
		.replace(/[^A-Z0-9-]/g, '')
		.slice(0, 20)
}

/** The filter for one case by reference within the actor's scope, or null for a reference that cannot exist. */
export function caseInScopeWhere(
	actor: StaffActor,
	reference: string,
): Prisma.CaseWhereInput | null {
	const normalized = normalizedReference(reference)
	if (normalized !== reference.toUpperCase()) return null
	return { AND: [caseScope(actor), { reference: normalized }] }
}

/** A case in scope by its reference, or null: out of scope and missing look the same. */
export async function findCaseInScope(db: Pick<Db, 'case'>, actor: StaffActor, reference: string) {
	const where = caseInScopeWhere(actor, reference)
	if (!where) return null
	return db.case.findFirst({
		where,
		select: { id: true, reference: true, status: true, assignedToId: true },
	})
}

/** Like findCaseInScope, for changing it: throws CaseNotFoundError. */
export async function requireCaseInScope(
	db: Pick<Db, 'case'>,
	actor: StaffActor,
	reference: string,
) {
	const found = await findCaseInScope(db, actor, reference)
	if (!found) throw new CaseNotFoundError()
	return found
}

/**
 * Like requireCaseInScope, with the case's row locked until the caller's
 * transaction ends: a concurrent change of the same case waits, so that
 * what this one read (the status a change starts from, who the case was
 * assigned to) is still true when it writes.
 */
export async function lockCaseInScope(tx: Db, actor: StaffActor, reference: string) {
	if (caseInScopeWhere(actor, reference) === null) throw new CaseNotFoundError()
	await tx.$executeRaw`SELECT 1 FROM "Case" WHERE "reference" = ${normalizedReference(reference)} FOR UPDATE`
	return requireCaseInScope(tx, actor, reference)
}

export type StaffGrant = { caseId: string; staffUserId: string; sealedKey: Uint8Array<ArrayBuffer> }

/** The case key sealed to a staff member's public key, ready for grantCaseKey (no database). */
export function sealGrant(grant: {
	caseId: string
	staffUserId: string
	publicKey: Uint8Array
	caseKey: Buffer
}): StaffGrant {
	return {
		caseId: grant.caseId,
		staffUserId: grant.staffUserId,
		sealedKey: toBytes(sealTo(grant.publicKey, grant.caseKey)),
	}
}

/**
 * Stores a sealed grant: a new one, or the old one wrapped afresh (after a
 * new key pair). A query, so that callers run it in their own transaction.
 */
export function grantCaseKey(db: Pick<Db, 'caseKeyGrant'>, grant: StaffGrant) {
	const { caseId, staffUserId, sealedKey } = grant
	return db.caseKeyGrant.upsert({
		where: { caseId_holder_staffUserId: { caseId, holder: 'STAFF', staffUserId } },
		create: { caseId, holder: 'STAFF', staffUserId, sealedKey },
		update: { sealedKey },
		select: { id: true },
	})
}
