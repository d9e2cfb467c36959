// The wrong-code limit of the follow-up page under pressure: parallel wrong
// codes never get past it (each try counts before it is tried), and a valid
// code does not wipe a run of wrong guesses at other codes.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { handleFollowUpPost } from '~/features/follow-up/follow-up-actions.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest } from '~/features/intake/store-request.server'
import { RATE_LIMITS } from '~/features/rate-limit/rate-limit.server'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'

let rightCode: string

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	await createStaffUser({
		email: 'limits-lead@example.ch',
		displayName: 'Lead',
		role: 'LEAD',
		password: 'a long lead password',
	})
	const intake = IntakeSchema.parse({
		narrative: 'x',
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	})
	rightCode = (await createRequest(intake, [])).followUpCode
})

const post = (code: string) =>
	new Request('http://localhost/follow-up', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ intent: 'open', code }),
	})

/** The status of one try: 302 (opened), 400 (wrong code) or 429 (refused before trying). */
async function tryCode(code: string, clientKey: Buffer): Promise<number> {
	try {
		const answer = await handleFollowUpPost(post(code), clientKey)
		return 'init' in answer ? (answer.init?.status ?? 200) : answer.status
	} catch (thrown) {
		if (thrown instanceof Response) return thrown.status
		throw thrown
	}
}

const WRONG = 'ABCD-EFGH-JKMN-PQRS-TVWX'
const limit = RATE_LIMITS.codeLookup.limit

describe('the wrong-code limit', () => {
	test('forty wrong codes at once: exactly the limit are tried, the rest refused', async () => {
		const client = randomBytes(32)
		const statuses = await Promise.all(Array.from({ length: 40 }, () => tryCode(WRONG, client)))
		expect(statuses.filter((status) => status === 400)).toHaveLength(limit)
		expect(statuses.filter((status) => status === 429)).toHaveLength(40 - limit)
	})

	test('a valid code between wrong ones does not give the guesser new tries', async () => {
		const client = randomBytes(32)
		for (let i = 0; i < limit - 1; i++) expect(await tryCode(WRONG, client)).toBe(400)
		expect(await tryCode(rightCode, client)).toBe(302)
		expect(await tryCode(WRONG, client)).toBe(400)
		expect(await tryCode(WRONG, client)).toBe(429)
		// And the person with the code is refused with everyone else from there on.
		expect(await tryCode(rightCode, client)).toBe(429)
	})
})
