// A form token stores one request (decision 0020): the same form posted again,
// one after the other or at the same moment, stores nothing more; a token
// older than its spent mark is kept is refused with the answers kept; the
// marks go once no token can match them.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { FORM_TOKEN_DAYS, issueFormToken } from '~/features/intake/form-timing.server'
import { deleteOldSpentFormTokens } from '~/features/intake/spent-form-token.server'
import { submitIntake } from '~/features/intake/submit-intake.server'
import { FORM_TOKEN_FIELD } from '~/features/intake/intake-schema'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { createSignedInStaff } from '../support/staff'

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	await createSignedInStaff('LEAD', 'form-token-lead')
})

const MINUTE = 60_000

function post(narrative: string, formToken: string) {
	return new Request('http://127.0.0.1/request', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			narrative,
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
			[FORM_TOKEN_FIELD]: formToken,
		}).toString(),
	})
}

// Each post from a client of its own: the rate limit is not what is tested.
const send = (narrative: string, token: string) =>
	submitIntake(post(narrative, token), randomBytes(32))

const casesNow = () => prisma.case.count()
const spentMarks = () => prisma.spentFormToken.count()

describe('one form, one request', () => {
	test('the second post of the same form stores nothing and says it was sent', async () => {
		const token = issueFormToken(Date.now() - MINUTE)
		const before = await casesNow()
		const first = await send('Erste Sendung', token)
		expect(first.kind).toBe('stored')
		const second = await send('Erste Sendung', token)
		expect(second.kind).toBe('alreadySent')
		expect(await casesNow()).toBe(before + 1)
	})

	test('of posts of one form at the same moment exactly one is stored', async () => {
		const token = issueFormToken(Date.now() - MINUTE)
		const before = await casesNow()
		const outcomes = await Promise.all(Array.from({ length: 4 }, () => send('Doppelklick', token)))
		const kinds = outcomes.map((outcome) => outcome.kind).sort()
		expect(kinds).toEqual(['alreadySent', 'alreadySent', 'alreadySent', 'stored'])
		expect(await casesNow()).toBe(before + 1)
	})

	test('two forms rendered in the same millisecond are two requests', async () => {
		const at = Date.now() - MINUTE
		const [one, other] = [issueFormToken(at), issueFormToken(at)]
		expect(one).not.toBe(other)
		expect((await send('Zwilling eins', one)).kind).toBe('stored')
		expect((await send('Zwilling zwei', other)).kind).toBe('stored')
	})

	test('a form older than its days is refused, keeping what was typed', async () => {
		const token = issueFormToken(Date.now() - FORM_TOKEN_DAYS * 86_400_000 - MINUTE)
		const before = await casesNow()
		const outcome = await send('Lange offen gelassen', token)
		expect(outcome).toMatchObject({
			kind: 'invalid',
			errors: { form: 'code:formExpired' },
			values: { narrative: 'Lange offen gelassen', contactMode: 'anonymous' },
		})
		expect(await casesNow()).toBe(before)
	})

	test('the token itself is stored nowhere, and its mark goes after its days', async () => {
		const token = issueFormToken(Date.now() - MINUTE)
		expect((await send('Spur des Formulars', token)).kind).toBe('stored')
		const marks = await prisma.spentFormToken.findMany({ select: { tokenHash: true } })
		for (const { tokenHash } of marks) expect(Buffer.from(tokenHash).includes(token)).toBe(false)

		const count = await spentMarks()
		expect(await deleteOldSpentFormTokens()).toBe(0)
		const later = new Date(Date.now() + (FORM_TOKEN_DAYS + 3) * 86_400_000)
		expect(await deleteOldSpentFormTokens(later)).toBe(count)
		expect(await spentMarks()).toBe(0)
	})
})
