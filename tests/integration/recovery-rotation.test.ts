// Rotating the office recovery key (app/features/cases/recovery-rotation.server.ts):
// afterwards the new key opens every case and the old one none; staff and
// reporters keep their grants; requests that arrive during the rotation are
// covered; a wrong key changes nothing; a rotation that stopped half-way
// can be finished with the old key.
import { beforeAll, beforeEach, expect, test } from 'vitest'
import { decryptCaseText } from '~/platform/crypto/case-fields.server'
import { openSealed, sealTo, type KeyPair } from '~/platform/crypto/key-pairs.server'
import { generateRecoveryKey, parseRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma, toBytes } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { getRecoveryPublicKey, setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { assignCase } from '~/features/cases/assignment.server'
import {
	WrongRecoveryKeyError,
	finishRecoveryKeyRotation,
	isOfficeRecoveryKey,
	rewrapRecoveryGrants,
	rotateRecoveryKey,
	switchRecoveryKey,
} from '~/features/cases/recovery-rotation.server'
import { createRequest } from '~/features/intake/store-request.server'
import { createSignedInStaff } from '../support/staff'

let oldKey: KeyPair
/** Cases of earlier tests: the audit log names them, so they cannot be deleted; each test ignores them. */
let earlier: string[] = []

const request = (narrative: string) =>
	createRequest(
		IntakeSchema.parse({
			narrative,
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
			areas: ['work'],
		}),
		[],
	)

/** Every case's narrative as the key opens it from its RECOVERY grant; null where it does not. */
async function readWithRecoveryKey(keyPair: KeyPair) {
	const cases = await prisma.case.findMany({
		where: { id: { notIn: earlier } },
		orderBy: { reference: 'asc' },
		select: {
			id: true,
			narrative: true,
			grants: { where: { holder: 'RECOVERY' }, select: { sealedKey: true } },
		},
	})
	return cases.map((found) => {
		const caseKey = openSealed(found.grants[0]!.sealedKey, keyPair)
		return caseKey ? decryptCaseText(caseKey, found.id, 'narrative', found.narrative!) : null
	})
}

const otherGrants = () =>
	prisma.caseKeyGrant.findMany({
		where: { holder: { not: 'RECOVERY' } },
		orderBy: { id: 'asc' },
		select: { id: true, holder: true, staffUserId: true, sealedKey: true },
	})

let lead: Awaited<ReturnType<typeof createSignedInStaff>>
let counsellor: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	lead = await createSignedInStaff('LEAD', 'lead')
	counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
})

/** Each test: a fresh recovery key and three cases, one assigned to the counsellor. */
beforeEach(async () => {
	earlier = (await prisma.case.findMany({ select: { id: true } })).map((found) => found.id)
	const recovery = generateRecoveryKey()
	oldKey = parseRecoveryKey(recovery.sheetText)!
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	const { reference } = await request('Assigned case')
	await assignCase(lead.actor, reference, counsellor.user.id)
	await request('Second case')
	await request('Third case')
})

test('the new key opens every case and the old one none; other grants stay as they were', async () => {
	const narratives = await readWithRecoveryKey(oldKey)
	expect(narratives.filter(Boolean)).toHaveLength(3)
	const before = await otherGrants()
	const next = generateRecoveryKey()

	expect(await rotateRecoveryKey(oldKey, next.keyPair.publicKey, 0)).toEqual({ rewrapped: 3 })

	expect(await readWithRecoveryKey(parseRecoveryKey(next.sheetText)!)).toEqual(narratives)
	expect(await readWithRecoveryKey(oldKey)).toEqual([null, null, null])
	expect(await otherGrants()).toEqual(before)
	expect((await getRecoveryPublicKey())?.equals(next.keyPair.publicKey)).toBe(true)
	expect(await isOfficeRecoveryKey(oldKey)).toBe(false)
	const audit = await prisma.auditEvent.findFirst({
		where: { action: 'recovery-key.rotated' },
		orderBy: { id: 'desc' },
	})
	expect(audit?.detail).toEqual({ rewrapped: 3 })
})

test('a request that arrives after the switch is wrapped to the new key and readable with it', async () => {
	const next = generateRecoveryKey()
	await switchRecoveryKey(oldKey, next.keyPair.publicKey)
	await request('Arrived during the rotation')
	expect(await readWithRecoveryKey(next.keyPair)).toContain('Arrived during the rotation')

	expect(await rewrapRecoveryGrants(oldKey, next.keyPair.publicKey, Date.now())).toBe(3)
	expect((await readWithRecoveryKey(next.keyPair)).filter(Boolean)).toHaveLength(4)
	expect((await readWithRecoveryKey(oldKey)).filter(Boolean)).toHaveLength(0)
})

test('a request in flight at the switch, stored wrapped to the old key, is re-wrapped too', async () => {
	const next = generateRecoveryKey()
	await switchRecoveryKey(oldKey, next.keyPair.publicKey)
	const rewrapping = rewrapRecoveryGrants(oldKey, next.keyPair.publicKey, Date.now() + 1_000)
	// As a request that read the recovery key just before the switch stores it.
	const { reference } = await request('In flight')
	const stored = await prisma.case.findUniqueOrThrow({
		where: { reference },
		select: { id: true, grants: { where: { holder: 'RECOVERY' } } },
	})
	const caseKey = openSealed(stored.grants[0]!.sealedKey, next.keyPair)!
	await prisma.caseKeyGrant.update({
		where: { id: stored.grants[0]!.id },
		data: { sealedKey: toBytes(sealTo(oldKey.publicKey, caseKey)) },
	})

	expect(await rewrapping).toBe(4)
	expect(await readWithRecoveryKey(next.keyPair)).toContain('In flight')
	expect((await readWithRecoveryKey(oldKey)).filter(Boolean)).toHaveLength(0)
})

test('a wrong old key is refused and changes nothing', async () => {
	const before = await prisma.caseKeyGrant.findMany({ orderBy: { id: 'asc' } })
	const stranger = generateRecoveryKey().keyPair
	const next = generateRecoveryKey()

	await expect(rotateRecoveryKey(stranger, next.keyPair.publicKey, 0)).rejects.toThrow(
		WrongRecoveryKeyError,
	)
	expect(await isOfficeRecoveryKey(oldKey)).toBe(true)
	expect(await prisma.caseKeyGrant.findMany({ orderBy: { id: 'asc' } })).toEqual(before)
	expect(await finishRecoveryKeyRotation(stranger)).toEqual({ rewrapped: 0 })
	expect(await prisma.caseKeyGrant.findMany({ orderBy: { id: 'asc' } })).toEqual(before)
})

test('a rotation that stopped after the switch is finished with the old key', async () => {
	const next = generateRecoveryKey()
	await switchRecoveryKey(oldKey, next.keyPair.publicKey)

	expect(await finishRecoveryKeyRotation(oldKey)).toEqual({ rewrapped: 3 })
	expect((await readWithRecoveryKey(next.keyPair)).filter(Boolean)).toHaveLength(3)
	expect(await finishRecoveryKeyRotation(oldKey)).toEqual({ rewrapped: 0 })
})
