import { describe, expect, test } from 'vitest'
import {
	fieldErrorsOf,
	IntakeSchema,
	isInMoreDetails,
	narrativeErrorValues,
	readIntakeValues,
} from './intake-schema'

const minimal = {
	narrative: 'Etwas ist passiert.',
	responseWish: 'REPORT_ONLY',
	contactMode: 'anonymous',
	consent: 'yes',
}

describe('IntakeSchema', () => {
	test('only the narrative, the wish for an answer, the contact choice and consent are needed', () => {
		expect(IntakeSchema.safeParse(minimal).success).toBe(true)
		const { responseWish: _left, ...withoutWish } = minimal
		expect(fieldErrorsOf(IntakeSchema.safeParse(withoutWish).error!)).toEqual({
			responseWish: 'errors.responseWishRequired',
		})
	})

	test('no consent, no narrative: one message each', () => {
		const result = IntakeSchema.safeParse({
			contactMode: 'anonymous',
			responseWish: 'ANSWER',
			narrative: '   ',
		})
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
		expect(parsed.contactDropped).toBe(true)
		expect(parsed.areasOther).toBeUndefined()
		expect(IntakeSchema.parse(minimal).contactDropped).toBe(false)
	})

	test('anonymous: contact fields are dropped unchecked, not refused', () => {
		const parsed = IntakeSchema.safeParse({
			...minimal,
			contactEmail: 'not an address',
			contactName: 'x'.repeat(500),
		})
		expect(parsed.success).toBe(true)
		expect(parsed.data?.contactDropped).toBe(true)
	})

	test('a narrative over 20,000 characters is too long, and the message says by how much', () => {
		const values = { ...minimal, narrative: 'x'.repeat(20_312) }
		const errors = fieldErrorsOf(IntakeSchema.safeParse(values).error!)
		expect(errors).toEqual({ narrative: 'errors.narrativeTooLong' })
		expect(narrativeErrorValues(errors, values)).toEqual({
			narrative: { over: '312', limit: '20000' },
		})
	})

	test('errors open "more details" only for the questions folded there', () => {
		expect(
			['narrative', 'responseWish', 'contactMode', 'contactEmail', 'consent', 'form'].some(
				isInMoreDetails,
			),
		).toBe(false)
		expect(['place', 'areas', 'attachments', 'interpreterNeeded'].every(isInMoreDetails)).toBe(true)
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
