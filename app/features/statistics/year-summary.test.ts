import { describe, expect, test } from 'vitest'
import type { PublishedTable, TableId } from './report'
import { changeInPercent, yearSummary } from './year-summary'

const table = (
	id: TableId,
	kind: PublishedTable['kind'],
	totals: Partial<PublishedTable['totals']>,
): PublishedTable => ({
	id,
	kind,
	rows: [],
	totals: { quarters: [0, 0, 0, 0], total: 0, ...totals },
})

describe('the year at a glance', () => {
	test('takes each figure from its published total, hidden ones hidden', () => {
		const summary = yearSummary(
			{
				tables: [
					table('requesterType', 'cases', { total: 48 }),
					table('areas', 'mentions', { total: 90 }),
					table('forms', 'mentions', { total: 61 }),
					table('services', 'services', { total: 20, hoursTotal: 31.5 }),
				],
				activities: [table('activityKinds', 'activities', { total: 7, participantsTotal: 210 })],
			},
			{
				tables: [
					table('requesterType', 'cases', { total: 40 }),
					table('forms', 'mentions', { total: 'suppressed' }),
					table('services', 'services', { total: 'suppressed', hoursTotal: 'suppressed' }),
				],
				// A year without activities has none to count.
				activities: [],
			},
		)
		expect(summary).toEqual({
			cases: { current: 48, previous: 40 },
			mentions: { current: 61, previous: 'suppressed' },
			counsellingHours: { current: 31.5, previous: 'suppressed' },
			activities: { current: 7, previous: 0 },
			participants: { current: 210, previous: 0 },
		})
	})

	test('gives a change only between two published figures, the earlier above zero', () => {
		expect(changeInPercent({ current: 56, previous: 50 })).toBe(12)
		expect(changeInPercent({ current: 45, previous: 50 })).toBe(-10)
		expect(changeInPercent({ current: 50, previous: 50 })).toBe(0)
		expect(changeInPercent({ current: 2, previous: 3 })).toBe(-33)
		expect(changeInPercent({ current: 7, previous: 0 })).toBeNull()
		// Against a hidden figure, a change would tell how large it is.
		expect(changeInPercent({ current: 48, previous: 'suppressed' })).toBeNull()
		expect(changeInPercent({ current: 'suppressed', previous: 40 })).toBeNull()
	})
})
