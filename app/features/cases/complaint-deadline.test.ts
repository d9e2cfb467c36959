import { expect, test } from 'vitest'
import { complaintDeadline } from './complaint-deadline'

test('three months from the first of the incident month, across the turn of a year', () => {
	expect(complaintDeadline(3, 2026)).toEqual({ from: '2026-03-01', until: '2026-06-01' })
	expect(complaintDeadline(11, 2026)).toEqual({ from: '2026-11-01', until: '2027-02-01' })
})

test('without the month or the year there is no date to count from', () => {
	expect(complaintDeadline(null, 2026)).toBeNull()
	expect(complaintDeadline(3, null)).toBeNull()
})
