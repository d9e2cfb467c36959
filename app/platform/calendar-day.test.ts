import { expect, test } from 'vitest'
import { calendarDay, daysBetween } from './calendar-day'

test("the day is St. Gallen's, not the server's: late evening in UTC is already tomorrow there", () => {
	// Winter (UTC+1) and summer (UTC+2).
	expect(calendarDay(new Date('2026-12-02T22:59:59Z')).toISOString()).toBe(
		'2026-12-02T00:00:00.000Z',
	)
	expect(calendarDay(new Date('2026-12-02T23:00:00Z')).toISOString()).toBe(
		'2026-12-03T00:00:00.000Z',
	)
	expect(calendarDay(new Date('2026-06-30T21:59:59Z')).toISOString()).toBe(
		'2026-06-30T00:00:00.000Z',
	)
	expect(calendarDay(new Date('2026-06-30T22:00:00Z')).toISOString()).toBe(
		'2026-07-01T00:00:00.000Z',
	)
	expect(calendarDay(new Date('2026-12-31T23:30:00Z')).toISOString()).toBe(
		'2027-01-01T00:00:00.000Z',
	)
})

test('days between two calendar days, across a change of the clocks', () => {
	expect(daysBetween(new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T00:00:00Z'))).toBe(2)
	expect(daysBetween(new Date('2026-12-02T00:00:00Z'), new Date('2026-12-02T00:00:00Z'))).toBe(0)
})
