// Completing pending grants (security-model.md, "Approving an account's
// keys"): a session that can open a case wraps its key to a staff member
// still waiting for it. Only to an account whose keys someone who holds
// them approved (StaffUser.caseKeysApprovedAt): a lead approving it, or
// passing on what is left, with the lead's own session; or the recovery
// ceremony. Never by itself at a sign-in. In batches, so that a new lead of
// a large office does not hold up the page: the keys are sealed before each
// batch's transaction, which stores the grants, removes what was pending
// and writes the batch's audit entry.
import { openSealed, publicKeyOf } from '~/platform/crypto/key-pairs.server'
import { prisma } from '~/platform/db.server'
import { errorSummary, getLogger } from '~/platform/logger.server'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit, type AuditEntry } from '../audit/audit.server'
import { grantCaseKey, sealGrant, type StaffGrant } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

const BATCH = 200

type Pending = { caseId: string; staffUserId: string; staffUser: { publicKey: Uint8Array } }
type SealedGrant = StaffGrant & { publicKey: Uint8Array }

/** Seals each case key that `open` yields to its waiting staff member; the rest stay pending. */
function sealPending<T extends Pending>(pending: T[], open: (pending: T) => Buffer | null) {
	const grants: SealedGrant[] = []
	for (const each of pending) {
		const caseKey = open(each)
		if (!caseKey) continue
		const { publicKey } = each.staffUser
		grants.push({ ...sealGrant({ ...each, publicKey, caseKey }), publicKey })
		caseKey.fill(0)
	}
	return grants
}

/**
 * The accounts of these grants that are still approved, active and have the
 * key the grants were sealed to, their rows locked until the transaction
 * ends. A password reset (a new key pair) or a role change locks the same
 * row first, so it either comes before (and these grants are dropped) or
 * after (and sees them, like any grant the account held).
 */
async function lockWaitingAccounts(tx: Prisma.TransactionClient, grants: SealedGrant[]) {
	const ids = [...new Set(grants.map((grant) => grant.staffUserId))]
	const rows = await tx.$queryRaw<Array<{ id: string; publicKey: Uint8Array }>>`
		SELECT "id", "publicKey" FROM "StaffUser"
		WHERE "id" = ANY(${ids}) AND "active" AND "caseKeysApprovedAt" IS NOT NULL
		ORDER BY "id" FOR UPDATE`
	return new Map(rows.map((row) => [row.id, Buffer.from(row.publicKey)]))
}

/**
 * The grants are made, what was pending goes and the entry is written,
 * together; returns how many were stored. A grant another session
 * completed meanwhile is wrapped again, which changes nothing.
 */
async function completeGrants(
	grants: SealedGrant[],
	entry: (count: number) => AuditEntry,
): Promise<number> {
	return prisma.$transaction(async (tx) => {
		const accounts = await lockWaitingAccounts(tx, grants)
		const valid = grants.filter((grant) =>
			accounts.get(grant.staffUserId)?.equals(Buffer.from(grant.publicKey)),
		)
		for (const { publicKey: _publicKey, ...grant } of valid) {
			await grantCaseKey(tx, grant)
			await tx.pendingGrant.deleteMany({
				where: { caseId: grant.caseId, staffUserId: grant.staffUserId },
			})
		}
		await recordAudit(tx, entry(valid.length))
		return valid.length
	})
}

/** An approved, active account's pending grants: what a caller may complete. */
const approvedPending = {
	staffUser: { active: true, caseKeysApprovedAt: { not: null } },
} satisfies Prisma.PendingGrantWhereInput

/** One batch for one account; returns how many it looked at (BATCH means there may be more). */
async function completeBatchOf(actor: StaffActor, staffUserId: string): Promise<number> {
	const pending = await prisma.pendingGrant.findMany({
		where: {
			...approvedPending,
			staffUserId,
			case: { grants: { some: { holder: 'STAFF', staffUserId: actor.id } } },
		},
		orderBy: { caseId: 'asc' },
		take: BATCH,
		select: { caseId: true, staffUserId: true, staffUser: { select: { publicKey: true } } },
	})
	if (pending.length === 0) return 0
	const ownGrants = await prisma.caseKeyGrant.findMany({
		where: {
			holder: 'STAFF',
			staffUserId: actor.id,
			caseId: { in: pending.map((grant) => grant.caseId) },
		},
		select: { caseId: true, sealedKey: true },
	})
	const keyPair = { publicKey: publicKeyOf(actor.privateKey), privateKey: actor.privateKey }
	const sealed = new Map(ownGrants.map((grant) => [grant.caseId, grant.sealedKey]))
	const grants = sealPending(pending, (each) => {
		const own = sealed.get(each.caseId)
		return own ? openSealed(own, keyPair) : null
	})
	if (grants.length === 0) return 0
	const stored = await completeGrants(grants, (count) => ({
		action: 'case.grants-completed',
		actor,
		targetUserId: staffUserId,
		detail: { count },
	}))
	// Nothing stored: the account was reset or its approval taken back meanwhile.
	return stored === 0 ? 0 : pending.length
}

/**
 * Completes the pending grants of one approved account that this actor's
 * own grants can open: the first batch now, the rest in the background.
 * Returns how many cases the first batch looked at. The caller decided that
 * the actor may (key-requests.server.ts).
 */
export async function completePendingGrantsOf(
	actor: StaffActor,
	staffUserId: string,
): Promise<number> {
	const first = await completeBatchOf(actor, staffUserId)
	if (first === BATCH) {
		const privateKey = Buffer.from(actor.privateKey)
		void (async () => {
			for (let done = BATCH; done === BATCH;) {
				done = await completeBatchOf({ ...actor, privateKey }, staffUserId)
			}
		})()
			.catch((error: unknown) =>
				getLogger().error({ error: errorSummary(error) }, 'completing pending grants failed'),
			)
			.finally(() => privateKey.fill(0))
	}
	return first
}

/**
 * The recovery ceremony's part (`npm run recovery`, key-requests.server.ts
 * approves first): the office's offline recovery key opens each case's
 * RECOVERY grant and completes the pending grants of every approved, active
 * account (or of those named). The key is used for this run only.
 */
export async function completePendingGrantsWithRecoveryKey(
	recovery: { publicKey: Buffer; privateKey: Buffer },
	staffUserIds?: string[],
): Promise<{ completed: number; unopenable: number }> {
	const pending = await prisma.pendingGrant.findMany({
		where: { ...approvedPending, staffUserId: staffUserIds ? { in: staffUserIds } : undefined },
		select: {
			caseId: true,
			staffUserId: true,
			staffUser: { select: { publicKey: true } },
			case: { select: { grants: { where: { holder: 'RECOVERY' }, select: { sealedKey: true } } } },
		},
	})
	let completed = 0
	let unopenable = 0
	// A batch per transaction, each with its entry; the last entry also
	// counts the grants the key could not open. A run with nothing to do is
	// recorded too: the ceremony happened.
	for (let start = 0; start === 0 || start < pending.length; start += BATCH) {
		const batch = pending.slice(start, start + BATCH)
		const grants = sealPending(batch, (each) => {
			const sealed = each.case.grants[0]?.sealedKey
			return sealed ? openSealed(sealed, recovery) : null
		})
		unopenable += batch.length - grants.length
		const last = start + BATCH >= pending.length
		completed += await completeGrants(grants, (count) => ({
			action: 'case.grants-completed',
			detail: last ? { count, unopenable, by: 'recovery-key' } : { count, by: 'recovery-key' },
		}))
	}
	return { completed, unopenable }
}
