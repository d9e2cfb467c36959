import { describe, expect, test } from 'vitest'
import { isLastFourOf, PractiseCodeSchema, SaveCodeSchema } from './code-practice'

const CODE = 'ABCD-EFGH-JKMN-PQRS-TV01'

describe('the practice of the last four characters', () => {
	test('the last four, however they are typed', () => {
		for (const typed of ['TV01', 'tv01', ' t v 0 1 ', 'TV-01', 'tvo1', 'TVOI', 'tvol'])
			expect(isLastFourOf(CODE, typed), typed).toBe(true)
	})

	test('anything else is not right', () => {
		for (const typed of ['', 'TV0', 'TV012', 'PQRS', 'ABCD', '01TV', 'VT01'])
			expect(isLastFourOf(CODE, typed), typed).toBe(false)
	})
})

describe('the code the page posts back', () => {
	test('only the shape of a shown code passes', () => {
		expect(SaveCodeSchema.safeParse({ code: CODE }).success).toBe(true)
		for (const code of [
			'',
			'ABCD-EFGH-JKMN-PQRS',
			'abcd-efgh-jkmn-pqrs-tv01',
			'ABCD-EFGH-JKMN-PQRS-TVU1',
			`${CODE}\n`,
		])
			expect(SaveCodeSchema.safeParse({ code }).success, code).toBe(false)
	})

	test('what was typed is bounded', () => {
		expect(PractiseCodeSchema.safeParse({ code: CODE, lastFour: 'x'.repeat(41) }).success).toBe(
			false,
		)
		expect(PractiseCodeSchema.parse({ code: CODE })).toEqual({ code: CODE, lastFour: '' })
	})
})
