// Completing pending grants (security-model.md, "New lead, or a lead
// without a grant"): a lead's session that can open a case wraps its key to
// each staff member still waiting for it. Run when a lead signs in, in
// batches, so that a new lead of a large office does not slow a login. The
// keys are sealed before each batch's transaction, which stores the grants,
// removes what was pending and writes the batch's audit entry.
import { openSealed, publicKeyOf } from '~/platform/crypto/key-pairs.server'
import { prisma } from '~/platform/db.server'
import { errorSummary, getLogger } from '~/platform/logger.server'
import { recordAudit, type AuditEntry } from '../audit/audit.server'
import { grantCaseKey, sealGrant, type StaffGrant } from './case-access.server'
import { can, HOLDS_EVERY_CASE_KEY } from '~/platform/permissions'
import type { StaffActor } from '../staff-auth/staff-session.server'

const BATCH = 200

type Pending = { caseId: string; staffUserId: string; staffUser: { publicKey: Uint8Array } }

/** Seals each case key that `open` yields to its waiting staff member; the rest stay pending. */
function sealPending<T extends Pending>(pending: T[], open: (pending: T) => Buffer | null) {
	const grants: StaffGrant[] = []
	for (const each of pending) {
		const caseKey = open(each)
		if (!caseKey) continue
		grants.push(sealGrant({ ...each, publicKey: each.staffUser.publicKey, caseKey }))
		caseKey.fill(0)
	}
	return grants
}

/**
 * The grants are made, what was pending goes and the entry is written,
 * together. A grant another session completed meanwhile is wrapped again,
 * which changes nothing.
 */
async function completeGrants(grants: StaffGrant[], entry: AuditEntry) {
	await prisma.$transaction(async (tx) => {
		for (const grant of grants) {
			await grantCaseKey(tx, grant)
			await tx.pendingGrant.deleteMany({
				where: { caseId: grant.caseId, staffUserId: grant.staffUserId },
			})
		}
		await recordAudit(tx, entry)
	})
}

/** One batch; returns how many it completed (BATCH means there may be more). */
async function completeBatch(actor: StaffActor): Promise<number> {
	const pending = await prisma.pendingGrant.findMany({
		where: {
			staffUserId: { not: actor.id },
			staffUser: { active: true },
			case: { grants: { some: { holder: 'STAFF', staffUserId: actor.id } } },
		},
		take: BATCH,
		select: { caseId: true, staffUserId: true, staffUser: { select: { publicKey: true } } },
	})
	if (pending.length === 0) return 0
	const ownGrants = await prisma.caseKeyGrant.findMany({
		where: {
			holder: 'STAFF',
			staffUserId: actor.id,
			caseId: { in: [...new Set(pending.map((grant) => grant.caseId))] },
		},
		select: { caseId: true, sealedKey: true },
	})
	const keyPair = { publicKey: publicKeyOf(actor.privateKey), privateKey: actor.privateKey }
	const sealed = new Map(ownGrants.map((grant) => [grant.caseId, grant.sealedKey]))
	const grants = sealPending(pending, (each) => {
		const own = sealed.get(each.caseId)
		return own ? openSealed(own, keyPair) : null
	})
	if (grants.length > 0) {
		await completeGrants(grants, {
			action: 'case.grants-completed',
			actor,
			detail: { count: grants.length },
		})
	}
	return grants.length
}

/** Completes the first batch now and the rest in the background. */
export async function completePendingGrants(actor: StaffActor): Promise<number> {
	if (!can(actor.role, HOLDS_EVERY_CASE_KEY)) return 0
	const first = await completeBatch(actor)
	if (first === BATCH) {
		const privateKey = Buffer.from(actor.privateKey)
		void (async () => {
			for (let done = BATCH; done === BATCH;) done = await completeBatch({ ...actor, privateKey })
			privateKey.fill(0)
		})().catch((error: unknown) =>
			getLogger().error({ error: errorSummary(error) }, 'completing pending grants failed'),
		)
	}
	return first
}

/**
 * The recovery ceremony (`npm run recovery`): when no lead can open a case
 * any more, the office's offline recovery key opens its RECOVERY grant and
 * completes every pending grant. The key is used for this run only.
 */
export async function completePendingGrantsWithRecoveryKey(recovery: {
	publicKey: Buffer
	privateKey: Buffer
}): Promise<{ completed: number; unopenable: number }> {
	const pending = await prisma.pendingGrant.findMany({
		where: { staffUser: { active: true } },
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
		completed += grants.length
		unopenable += batch.length - grants.length
		const last = start + BATCH >= pending.length
		await completeGrants(grants, {
			action: 'case.grants-completed',
			detail: last
				? { count: grants.length, unopenable, by: 'recovery-key' }
				: { count: grants.length, by: 'recovery-key' },
		})
	}
	return { completed, unopenable }
}
