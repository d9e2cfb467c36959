// Completing pending grants (security-model.md, "New lead, or a lead
// without a grant"): a lead's session that can open a case wraps its key to
// each staff member still waiting for it. Run when a lead signs in, in
// batches, so that a new lead of a large office does not slow a login.
import { openSealed, publicKeyOf } from '~/platform/crypto/key-pairs.server'
import { prisma } from '~/platform/db.server'
import { errorSummary, getLogger } from '~/platform/logger.server'
import { recordAudit } from '../audit/audit.server'
import { grantCaseKey } from './case-access.server'
import { can, HOLDS_EVERY_CASE_KEY } from '~/platform/permissions'
import type { StaffActor } from '../staff-auth/staff-session.server'

const BATCH = 200

type Pending = { caseId: string; staffUserId: string; staffUser: { publicKey: Uint8Array } }

/** The grant is made and the pending entry goes, together. */
async function completeGrant(pending: Pending, caseKey: Buffer) {
	const { caseId, staffUserId } = pending
	await prisma.$transaction([
		grantCaseKey(prisma, { caseId, staffUserId, publicKey: pending.staffUser.publicKey, caseKey }),
		prisma.pendingGrant.delete({ where: { caseId_staffUserId: { caseId, staffUserId } } }),
	])
}

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
	let completed = 0
	for (const grant of pending) {
		const own = sealed.get(grant.caseId)
		const caseKey = own ? openSealed(own, keyPair) : null
		if (!caseKey) continue
		await completeGrant(grant, caseKey)
		caseKey.fill(0)
		completed++
	}
	return completed
}

/** Completes the first batch now and the rest in the background. */
export async function completePendingGrants(actor: StaffActor): Promise<number> {
	if (!can(actor.role, HOLDS_EVERY_CASE_KEY)) return 0
	const first = await completeBatch(actor)
	if (first > 0) {
		await recordAudit({ action: 'case.grants-completed', actor, detail: { count: first } })
	}
	if (first === BATCH) {
		const privateKey = Buffer.from(actor.privateKey)
		void (async () => {
			let total = 0
			for (let done = BATCH; done === BATCH; total += done) {
				done = await completeBatch({ ...actor, privateKey })
			}
			privateKey.fill(0)
			await recordAudit({ action: 'case.grants-completed', actor, detail: { count: total } })
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
	for (const grant of pending) {
		const sealed = grant.case.grants[0]?.sealedKey
		const caseKey = sealed ? openSealed(sealed, recovery) : null
		if (!caseKey) {
			unopenable++
			continue
		}
		await completeGrant(grant, caseKey)
		caseKey.fill(0)
		completed++
	}
	await recordAudit({
		action: 'case.grants-completed',
		detail: { count: completed, unopenable, by: 'recovery-key' },
	})
	return { completed, unopenable }
}
