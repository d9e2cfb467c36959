// Staff sign-in limits under pressure: parallel wrong passwords never get
// past the account's limit (each attempt counts before it is tried), and a
// wrong current password on the account page counts and is audited like any
// other guess.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import { logIn } from '~/features/staff-auth/login.server'
import { changePassword } from '~/features/staff-auth/own-account.server'
import { RATE_LIMITS } from '~/features/rate-limit/rate-limit.server'
import { prisma } from '~/platform/db.server'
import { signInAs } from '../support/staff'

const PASSWORD = 'a long and proper password'

let counsellorId: string

beforeAll(async () => {
	counsellorId = (
		await createStaffUser({
			email: 'account-page@example.ch',
			displayName: 'Account page',
			role: 'COUNSELLOR',
			password: PASSWORD,
		})
	).id
	await createStaffUser({
		email: 'parallel@example.ch',
		displayName: 'Parallel',
		role: 'COUNSELLOR',
		password: PASSWORD,
	})
})

describe('sign-in limits', () => {
	test('forty wrong passwords at once: no more than the limit are tried', async () => {
		const results = await Promise.all(
			Array.from({ length: 40 }, () =>
				logIn({ email: 'parallel@example.ch', password: 'wrong', clientKey: randomBytes(32) }),
			),
		)
		const tried = results.filter((result) => result.kind === 'invalid')
		expect(tried.length).toBeLessThanOrEqual(RATE_LIMITS.loginAccount.limit)
		expect(results.filter((result) => result.kind === 'throttled').length).toBeGreaterThanOrEqual(
			40 - RATE_LIMITS.loginAccount.limit,
		)
		expect(
			results.every((result) => result.kind === 'invalid' || result.kind === 'throttled'),
		).toBe(true)
	})

	test('a wrong current password on the account page counts and is audited', async () => {
		const { actor } = await signInAs(counsellorId, PASSWORD)
		const clientKey = randomBytes(32)
		expect(
			await changePassword(actor, 'not my password', 'a brand new long password', clientKey),
		).toBe(false)
		const entries = await prisma.auditEvent.findMany({
			where: { action: 'password.change-failed', targetUserId: actor.id },
			select: { id: true },
		})
		expect(entries).toHaveLength(1)
		const counted = await prisma.rateLimitCounter.findMany({
			where: { bucket: RATE_LIMITS.loginClient.bucket, key: clientKey },
			select: { count: true },
		})
		expect(counted.map((row) => row.count)).toEqual([1])
	})
})
