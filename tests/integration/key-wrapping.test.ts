// A staff key is wrapped at a cost stored with it (decision 0016): keys
// wrapped at the old 19 MiB and 2 passes still open, and are wrapped again
// at the current cost at the next sign-in or password change; opening the
// key is the password check, with no separate verifier; and a sign-in for
// an address without an account costs the same Argon2 work as one with.
import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'
import { beforeAll, describe, expect, test } from 'vitest'
import { encrypt } from '~/platform/crypto/aead.server'
import { KEY_COST } from '~/platform/crypto/password-wrap.server'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma, toBytes } from '~/platform/db.server'
import { openCase } from '~/features/cases/case-page.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest } from '~/features/intake/store-request.server'
import { openPrivateKey, WRAPPED_KEY_SELECT } from '~/features/staff-admin/staff-user.server'
import { logIn } from '~/features/staff-auth/login.server'
import { changePassword } from '~/features/staff-auth/own-account.server'
import { readStaffSession } from '~/features/staff-auth/staff-session.server'
import { createSignedInStaff, PASSWORD, signInAs } from '../support/staff'

const OLD_COST = { memoryKiB: 19_456, passes: 2, parallelism: 1 }
const NEW_PASSWORD = 'Kaffeetasse Regenschirm Pinguin'

/** The columns of a key wrapped the way the app did before decision 0016. */
async function wrappedAtOldCost(privateKey: Buffer, password: string) {
	const salt = randomBytes(16)
	const key = await argon2.hash(password, {
		type: argon2.argon2id,
		memoryCost: OLD_COST.memoryKiB,
		timeCost: OLD_COST.passes,
		parallelism: OLD_COST.parallelism,
		salt,
		hashLength: 32,
		raw: true,
	})
	return {
		wrappedPrivateKey: toBytes(encrypt(key, 'staff-private-key', privateKey)),
		keySalt: toBytes(salt),
		keyMemoryKiB: OLD_COST.memoryKiB,
		keyPasses: OLD_COST.passes,
		keyParallelism: OLD_COST.parallelism,
	}
}

const wrapOf = (id: string) =>
	prisma.staffUser.findUniqueOrThrow({ where: { id }, select: WRAPPED_KEY_SELECT })
const costOfRow = (row: Awaited<ReturnType<typeof wrapOf>>) => ({
	memoryKiB: row.keyMemoryKiB,
	passes: row.keyPasses,
	parallelism: row.keyParallelism,
})

/** A lead holding the key of a case, its key wrapped at the old cost, as a migrated account is. */
async function leadAtOldCost(name: string) {
	const lead = await createSignedInStaff('LEAD', name)
	const { reference } = await createRequest(
		IntakeSchema.parse({
			narrative: `The case of ${name}`,
			areas: ['work'],
			forms: ['insult'],
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[],
	)
	await prisma.staffUser.update({
		where: { id: lead.user.id },
		data: await wrappedAtOldCost(lead.actor.privateKey, PASSWORD),
		select: { id: true },
	})
	return { ...lead, reference }
}

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
})

describe('a key wrapped at the old cost', () => {
	test('signs in, and afterwards is wrapped at the current cost, still opens and still opens its cases', async () => {
		const lead = await leadAtOldCost('old-cost-lead')
		const before = await wrapOf(lead.user.id)
		expect(costOfRow(before)).toEqual(OLD_COST)

		const login = await logIn({
			email: lead.user.email,
			password: PASSWORD,
			clientKey: randomBytes(32),
		})
		expect(login.kind).toBe('half-open')
		if (login.kind !== 'half-open') return
		expect((await readStaffSession(login.token))?.privateKey.equals(lead.actor.privateKey)).toBe(
			true,
		)

		const after = await wrapOf(lead.user.id)
		expect(costOfRow(after)).toEqual(KEY_COST)
		expect(KEY_COST.memoryKiB).toBeGreaterThanOrEqual(65_536)
		expect(Buffer.from(after.keySalt).equals(Buffer.from(before.keySalt))).toBe(false)
		expect((await openPrivateKey(after, PASSWORD))?.equals(lead.actor.privateKey)).toBe(true)
		const { actor } = await signInAs(lead.user.id, PASSWORD)
		expect((await openCase(actor, lead.reference))?.narrative).toBe('The case of old-cost-lead')
	})

	test('stays as it is after a wrong password', async () => {
		const lead = await leadAtOldCost('wrong-password-lead')
		const before = await wrapOf(lead.user.id)
		const login = await logIn({
			email: lead.user.email,
			password: 'not the password at all',
			clientKey: randomBytes(32),
		})
		expect(login.kind).toBe('invalid')
		expect(await wrapOf(lead.user.id)).toEqual(before)
	})

	test('is wrapped at the current cost by a password change, with the same key', async () => {
		const lead = await leadAtOldCost('password-change-lead')
		expect(await changePassword(lead.actor, PASSWORD, NEW_PASSWORD, randomBytes(32))).toBe(true)
		const after = await wrapOf(lead.user.id)
		expect(costOfRow(after)).toEqual(KEY_COST)
		expect(await openPrivateKey(after, PASSWORD)).toBeNull()
		expect((await openPrivateKey(after, NEW_PASSWORD))?.equals(lead.actor.privateKey)).toBe(true)
		const { actor } = await signInAs(lead.user.id, NEW_PASSWORD)
		expect((await openCase(actor, lead.reference))?.narrative).toBe(
			'The case of password-change-lead',
		)
	})
})

describe('the password check', () => {
	test('is the key opening: no verifier is stored beside it', async () => {
		const columns = await prisma.$queryRaw<Array<{ column_name: string }>>`
			SELECT column_name FROM information_schema.columns WHERE table_name = 'StaffUser'`
		expect(columns.map((column) => column.column_name)).not.toContain('passwordHash')
	})

	test('the database refuses a key wrapped below the floor of 64 MiB and 3 passes', async () => {
		const { user } = await createSignedInStaff('COUNSELLOR', 'floor')
		for (const cost of [
			{ keyMemoryKiB: 32_768, keyPasses: 3 },
			{ keyMemoryKiB: 65_536, keyPasses: 2 },
			{ keyMemoryKiB: 19_456, keyPasses: 3 },
		]) {
			await expect(
				prisma.staffUser.update({ where: { id: user.id }, data: cost, select: { id: true } }),
			).rejects.toThrow(/StaffUser_key_cost_check/)
		}
	})

	test('costs an unknown address and a deactivated account the Argon2 work of a known one', async () => {
		const { user } = await createSignedInStaff('COUNSELLOR', 'timing')
		const gone = await createSignedInStaff('COUNSELLOR', 'deactivated')
		await prisma.staffUser.update({
			where: { id: gone.user.id },
			data: { active: false },
			select: { id: true },
		})
		// Processor time, not the clock: Argon2 runs on this process's threads,
		// and other test files on the same cores slow the clock, not the work.
		const cpuMs = async (email: string, password: string) => {
			const start = process.cpuUsage()
			const login = await logIn({ email, password, clientKey: randomBytes(32) })
			const used = process.cpuUsage(start)
			expect(login.kind).toBe('invalid')
			return (used.user + used.system) / 1000
		}
		const median = async (email: string, password: string) => {
			const times = [
				await cpuMs(email, password),
				await cpuMs(email, password),
				await cpuMs(email, password),
			]
			return times.sort((a, b) => a - b)[1]!
		}
		const known = await median(user.email, 'a wrong password, typed')
		const unknown = await median('nobody@example.ch', 'a wrong password, typed')
		const deactivated = await median(gone.user.email, PASSWORD)
		// One Argon2id run at 64 MiB and 3 passes is well over 100 ms of processor time.
		expect(known).toBeGreaterThan(100)
		expect(unknown).toBeGreaterThan(known * 0.7)
		expect(deactivated).toBeGreaterThan(known * 0.7)
	})
})
