// A change of language on the request form posts what was typed (intent
// "language"): it comes back unchecked, nothing is stored, and it counts
// under its own limit, not as one of the submissions.
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import { LANGUAGE_INTENT } from '~/features/intake/intake-schema'
import { submitIntake } from '~/features/intake/submit-intake.server'
import { countOf, RATE_LIMITS } from '~/features/rate-limit/rate-limit.server'

function languagePost(narrative: string) {
	const form = new FormData()
	form.set('narrative', narrative)
	form.set('contactMode', 'contact')
	form.set('contactEmail', 'not yet an address')
	form.set('formStarted', 'token-as-rendered')
	form.set('intent', LANGUAGE_INTENT)
	return new Request('http://127.0.0.1/request?lang=ar', { method: 'POST', body: form })
}

describe('a change of language on the request form', () => {
	test('returns what was typed, unchecked, stores nothing, and is no submission', async () => {
		const client = randomBytes(32)
		const before = await prisma.case.count()
		// More than the 20 submissions an hour: switching languages blocks no one.
		for (let i = 0; i < RATE_LIMITS.submission.limit + 5; i++) {
			const outcome = await submitIntake(languagePost('Schon geschrieben'), client)
			expect(outcome).toEqual({
				kind: 'languageSwitched',
				values: expect.objectContaining({
					narrative: 'Schon geschrieben',
					contactEmail: 'not yet an address',
				}),
				formToken: 'token-as-rendered',
			})
			if (outcome.kind === 'languageSwitched') expect(outcome.values).not.toHaveProperty('intent')
		}
		expect(await prisma.case.count()).toBe(before)
		expect(await countOf(RATE_LIMITS.submission, client)).toBe(0)
		expect(await countOf(RATE_LIMITS.languageSwitch, client)).toBe(RATE_LIMITS.submission.limit + 5)
	})

	test('is limited on its own, so that it is no way around the flood limit', async () => {
		const client = randomBytes(32)
		for (let i = 0; i < RATE_LIMITS.languageSwitch.limit; i++)
			expect((await submitIntake(languagePost('x'), client)).kind).toBe('languageSwitched')
		expect((await submitIntake(languagePost('x'), client)).kind).toBe('rateLimited')
	})
})
