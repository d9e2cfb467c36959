// Which cases a staff member may touch, and the key that opens one. Every
// case function goes through `caseScope` (the permission check, as a query
// filter) and `openCaseKey` (the cryptographic check: no grant, no key).
import { openSealed, publicKeyOf, sealTo } from '~/platform/crypto/key-pairs.server'
import { prisma, toBytes } from '~/platform/db.server'
import { can, ForbiddenError } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** The cases this actor may see at all, as a Prisma filter; throws for roles without casework. */
export function caseScope(actor: StaffActor): Prisma.CaseWhereInput {
	if (can(actor.role, 'case:work-all')) return {}
	if (can(actor.role, 'case:work-assigned')) return { assignedToId: actor.id }
	throw new ForbiddenError()
}

/** The case key through this actor's own grant, or null (no grant yet, or none at all). */
export async function openCaseKey(actor: StaffActor, caseId: string): Promise<Buffer | null> {
	const grant = await prisma.caseKeyGrant.findFirst({
		where: { caseId, holder: 'STAFF', staffUserId: actor.id },
		select: { sealedKey: true },
	})
	if (!grant) return null
	return openSealed(grant.sealedKey, {
		publicKey: publicKeyOf(actor.privateKey),
		privateKey: actor.privateKey,
	})
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
export async function findCaseInScope(actor: StaffActor, reference: string) {
	const where = caseInScopeWhere(actor, reference)
	if (!where) return null
	return prisma.case.findFirst({
		where,
		select: { id: true, reference: true, status: true, assignedToId: true },
	})
}

/**
 * Wraps a case key to a staff member's public key: a new grant, or the old
 * grant wrapped afresh (after a new key pair). A query, so that callers can
 * run it in their own transaction.
 */
export function grantCaseKey(
	db: Pick<Prisma.TransactionClient, 'caseKeyGrant'>,
	grant: { caseId: string; staffUserId: string; publicKey: Uint8Array; caseKey: Buffer },
) {
	const { caseId, staffUserId } = grant
	const sealedKey = toBytes(sealTo(grant.publicKey, grant.caseKey))
	return db.caseKeyGrant.upsert({
		where: { caseId_holder_staffUserId: { caseId, holder: 'STAFF', staffUserId } },
		create: { caseId, holder: 'STAFF', staffUserId, sealedKey },
		update: { sealedKey },
		select: { id: true },
	})
}
