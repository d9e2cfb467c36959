import { describe, expect, test } from 'vitest'
import { fileErrorKey } from '~/features/attachments/prepare.server'
import { fieldErrorsOf } from '~/features/intake/intake-schema'
import de from '~/locales/de/staff.json'
import en from '~/locales/en/staff.json'
import { RecordedCaseSchema } from './recorded-case-schema'

const minimal = {
	channel: 'PHONE',
	receivedOn: '2026-01-15',
	narrative: 'Am Telefon erzählt.',
	consent: 'yes',
}

/** A staff text by its key, or undefined. */
function staffText(messages: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) => (node as Record<string, unknown> | undefined)?.[part],
			messages,
		)
}

describe('RecordedCaseSchema', () => {
	test('the channel, the day, the narrative and consent are needed; a code only when ticked', () => {
		const parsed = RecordedCaseSchema.parse(minimal)
		expect(parsed).toMatchObject({ channel: 'PHONE', followUpCode: false })
		expect(parsed.receivedOn.toISOString()).toBe('2026-01-15T00:00:00.000Z')
		expect(RecordedCaseSchema.parse({ ...minimal, followUpCode: 'yes' }).followUpCode).toBe(true)
		const empty = RecordedCaseSchema.safeParse({})
		expect(fieldErrorsOf(empty.error!)).toEqual({
			channel: 'recordCase.errors.channel',
			receivedOn: 'errors.date',
			narrative: 'errors.narrativeRequired',
			consent: 'recordCase.errors.consent',
		})
	})

	test('the web form is no channel staff record, and the day is never in the future', () => {
		const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
		const result = RecordedCaseSchema.safeParse({
			...minimal,
			channel: 'WEB_ANONYMOUS',
			receivedOn: tomorrow,
		})
		expect(fieldErrorsOf(result.error!)).toEqual({
			channel: 'recordCase.errors.channel',
			receivedOn: 'errors.date',
		})
	})

	test('contact details are kept without a choice of anonymity; "other" texts only with "other"', () => {
		const parsed = RecordedCaseSchema.parse({
			...minimal,
			contactName: 'Frau A.',
			contactPhone: '071 000 00 00',
			areas: ['work'],
			areasOther: 'dropped',
		})
		expect(parsed).toMatchObject({ contactName: 'Frau A.', contactPhone: '071 000 00 00' })
		expect(parsed.areasOther).toBeUndefined()
	})

	test('every message the form can show is a staff text, in German and English', () => {
		const bad = RecordedCaseSchema.safeParse({
			channel: 'x',
			receivedOn: 'x',
			narrative: 'x'.repeat(20_001),
			place: 'x'.repeat(201),
			areas: ['work', 'prefer_not_to_say'],
			forms: ['mars'],
			contactEmail: 'x',
			contactPhone: 'x',
			followUpCode: 'x',
		})
		const keys = [
			...bad.error!.issues.map((issue) => issue.message),
			'errors.narrativeRequired',
			'recordCase.errors.consent',
			...(['tooMany', 'tooLarge', 'type'] as const).map((kind) =>
				fileErrorKey({ kind, name: 'f' }),
			),
		]
		for (const key of new Set(keys)) {
			expect(typeof staffText(de, key), `de: ${key}`).toBe('string')
			expect(typeof staffText(en, key), `en: ${key}`).toBe('string')
		}
	})
})
