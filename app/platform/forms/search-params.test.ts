import { describe, expect, test } from 'vitest'
import { InboxFilterSchema } from '~/features/cases/casework-schemas'
import { changedSearch, filterDate, pageNumber } from './search-params'

describe('the query string of a filter', () => {
	test('a day the calendar has is a filter', () => {
		expect(filterDate.parse('2026-02-28')).toEqual(new Date('2026-02-28T00:00:00Z'))
		expect(filterDate.parse('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'))
	})

	test('an impossible day is no filter, never an invalid date', () => {
		for (const value of ['2026-13-45', '2026-02-30', '2025-02-29', '0000-01-01', '2026-1-1', 'x']) {
			expect(filterDate.parse(value), value).toBeUndefined()
		}
	})

	test('a page that is no page number is the first', () => {
		for (const value of ['-1', '0', '1.5', '1e400', 'x']) expect(pageNumber.parse(value)).toBe(1)
	})

	test("the inbox's filter from a hand-edited address falls back to its defaults", () => {
		expect(
			InboxFilterSchema.parse({ view: 'all', from: '2026-13-45', to: '2026-02-30', page: '-1' }),
		).toEqual({ view: 'all', page: 1 })
	})
})

test('a link that sorts or pages keeps the filters and drops what it changes', () => {
	expect(changedSearch('?view=mine&status=NEW&page=3', { sort: 'due', page: null })).toBe(
		'?view=mine&status=NEW&sort=due',
	)
	expect(changedSearch('', { page: null })).toBe('?')
})
