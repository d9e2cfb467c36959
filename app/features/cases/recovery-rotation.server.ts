// Rotating the office recovery key (`npm run keys:rotate-recovery`): the old
// key, pasted by the operator, opens each case's RECOVERY grant, which is
// sealed again to the new public key. The app keeps running meanwhile, so
// the public key is switched first: from then on new requests are wrapped
// to the new key, and the re-wrap only has to chase the grants the old key
// still opens. A grant the old key does not open is already the new key's.
// The switch and each batch of re-wraps are audited in their own transaction.
import { openSealed, sealTo, type KeyPair } from '~/platform/crypto/key-pairs.server'
import { prisma, toBytes } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { getRecoveryPublicKey } from './office-keys.server'

export class WrongRecoveryKeyError extends Error {
	constructor() {
		super('this is not the recovery key of this office')
	}
}

const BATCH = 200

/**
 * A request reads the recovery public key, then encrypts and stores the
 * case: one that read the old key just before the switch stores a grant
 * sealed to it a moment after. The re-wrap goes on until a pass has started
 * this long after the switch, which such a request has finished by (its
 * database connection alone times out after 5 seconds).
 */
export const IN_FLIGHT_MS = 30_000

export async function isOfficeRecoveryKey(key: KeyPair): Promise<boolean> {
	const current = await getRecoveryPublicKey()
	return current?.equals(key.publicKey) ?? false
}

/**
 * Makes `newPublicKey` the office's recovery key, provided `oldKey` still is
 * (two rotations at once must not both switch); audited with the switch.
 */
export async function switchRecoveryKey(oldKey: KeyPair, newPublicKey: Buffer): Promise<void> {
	await prisma.$transaction(async (tx) => {
		const { count } = await tx.officeKeys.updateMany({
			where: { id: 1, recoveryPublicKey: { equals: toBytes(oldKey.publicKey) } },
			data: { recoveryPublicKey: toBytes(newPublicKey) },
		})
		if (count !== 1) throw new WrongRecoveryKeyError()
		await recordAudit(tx, { action: 'recovery-key.rotated', detail: { switched: true } })
	})
}

/**
 * Re-wraps every RECOVERY grant that `oldKey` opens to `newPublicKey`, pass
 * after pass until one has started at `settledAt` or later; returns how
 * many it re-wrapped.
 */
export async function rewrapRecoveryGrants(
	oldKey: KeyPair,
	newPublicKey: Buffer,
	settledAt: number,
	detail: Prisma.InputJsonObject = {},
): Promise<number> {
	let rewrapped = 0
	for (;;) {
		const startedAt = Date.now()
		rewrapped += await rewrapPass(oldKey, newPublicKey, detail)
		if (startedAt >= settledAt) return rewrapped
		await new Promise((resolve) => setTimeout(resolve, settledAt - Date.now()))
	}
}

async function rewrapPass(
	oldKey: KeyPair,
	newPublicKey: Buffer,
	detail: Prisma.InputJsonObject,
): Promise<number> {
	let rewrapped = 0
	for (let after = ''; ;) {
		const grants = await prisma.caseKeyGrant.findMany({
			where: { holder: 'RECOVERY', id: { gt: after } },
			orderBy: { id: 'asc' },
			take: BATCH,
			select: { id: true, sealedKey: true },
		})
		if (grants.length === 0) return rewrapped
		rewrapped += await rewrapBatch(grants, oldKey, newPublicKey, detail)
		after = grants.at(-1)!.id
	}
}

/**
 * One transaction per batch, with an entry counting its re-wraps; a grant
 * deleted meanwhile (retention) is simply not updated. The keys are opened
 * and sealed before it begins.
 */
async function rewrapBatch(
	grants: { id: string; sealedKey: Uint8Array }[],
	oldKey: KeyPair,
	newPublicKey: Buffer,
	detail: Prisma.InputJsonObject,
): Promise<number> {
	const resealed = grants.flatMap(({ id, sealedKey }) => {
		const caseKey = openSealed(sealedKey, oldKey)
		if (!caseKey) return []
		const sealed = toBytes(sealTo(newPublicKey, caseKey))
		caseKey.fill(0)
		return [{ id, sealedKey: sealed }]
	})
	if (resealed.length === 0) return 0
	return prisma.$transaction(async (tx) => {
		let rewrapped = 0
		for (const { id, sealedKey } of resealed) {
			rewrapped += (await tx.caseKeyGrant.updateMany({ where: { id }, data: { sealedKey } })).count
		}
		await recordAudit(tx, { action: 'recovery-key.rotated', detail: { ...detail, rewrapped } })
		return rewrapped
	})
}

/** The whole rotation; the caller has shown the new key's sheet before. */
export async function rotateRecoveryKey(
	oldKey: KeyPair,
	newPublicKey: Buffer,
	inFlightMs = IN_FLIGHT_MS,
): Promise<{ rewrapped: number }> {
	await switchRecoveryKey(oldKey, newPublicKey)
	const rewrapped = await rewrapRecoveryGrants(oldKey, newPublicKey, Date.now() + inFlightMs)
	return { rewrapped }
}

/**
 * After a rotation that stopped half-way (the new key is the office's, some
 * grants are still the old key's): re-wraps what the old key, no longer the
 * office's, still opens to the current key. Returns 0 for a key that opens
 * no grant.
 */
export async function finishRecoveryKeyRotation(oldKey: KeyPair): Promise<{ rewrapped: number }> {
	const current = await getRecoveryPublicKey()
	if (!current) throw new WrongRecoveryKeyError()
	const rewrapped = await rewrapRecoveryGrants(oldKey, current, Date.now(), { finished: true })
	return { rewrapped }
}
