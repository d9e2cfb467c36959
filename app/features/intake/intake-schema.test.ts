import { describe, expect, test } from 'vitest'
import { fieldErrorsOf, IntakeSchema, readIntakeValues } from './intake-schema'

const minimal = { narrative: 'Etwas ist passiert.', contactMode: 'anonymous', consent: 'yes' }

describe('IntakeSchema', () => {
	test('only the narrative, the contact choice and consent are needed', () => {
		expect(IntakeSchema.safeParse(minimal).success).toBe(true)
	})

	test('no consent, no narrative: one message each', () => {
		const result = IntakeSchema.safeParse({ contactMode: 'anonymous', narrative: '   ' })
		expect(result.success).toBe(false)
		expect(fieldErrorsOf(result.error!)).toEqual({
			narrative: 'errors.narrativeRequired',
			consent: 'errors.consentRequired',
		})
	})

	test('"prefer not to say" stands alone; unknown choices are refused', () => {
		const alone = IntakeSchema.safeParse({ ...minimal, areas: ['work', 'prefer_not_to_say'] })
		expect(fieldErrorsOf(alone.error!)).toEqual({ areas: 'errors.noAnswerAlone' })
		const unknown = IntakeSchema.safeParse({
			...minimal,
			forms: ['insult', 'mars'],
			gender: 'robot',
		})
		expect(fieldErrorsOf(unknown.error!)).toEqual({
			forms: 'errors.invalidChoice',
			gender: 'errors.invalidChoice',
		})
	})

	test('with contact, an e-mail address or a phone number is needed', () => {
		const none = IntakeSchema.safeParse({ ...minimal, contactMode: 'contact' })
		expect(fieldErrorsOf(none.error!)).toEqual({ contactEmail: 'errors.contactNeeded' })
		expect(
			IntakeSchema.safeParse({ ...minimal, contactMode: 'contact', contactPhone: '071 123 45 67' })
				.success,
		).toBe(true)
	})

	test('contact data of an anonymous request and "other" texts without "other" are dropped', () => {
		const parsed = IntakeSchema.parse({
			...minimal,
			contactName: 'Name',
			contactEmail: 'a@example.ch',
			areas: ['work'],
			areasOther: 'stray text',
		})
		expect(parsed.contactName).toBeUndefined()
		expect(parsed.contactEmail).toBeUndefined()
		expect(parsed.areasOther).toBeUndefined()
	})

	test('a narrative over 20,000 characters is too long', () => {
		const result = IntakeSchema.safeParse({ ...minimal, narrative: 'x'.repeat(20_001) })
		expect(fieldErrorsOf(result.error!)).toEqual({ narrative: 'errors.tooLong' })
	})

	test('form data: checkbox groups become lists, empty answers disappear', () => {
		const form = new FormData()
		form.append('areas', 'work')
		form.append('areas', 'housing')
		form.append('place', '')
		form.append('narrative', 'text')
		expect(readIntakeValues(form)).toMatchObject({ areas: ['work', 'housing'], narrative: 'text' })
		expect(readIntakeValues(form)).not.toHaveProperty('place')
	})
})
