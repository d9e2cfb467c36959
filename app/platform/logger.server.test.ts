import { describe, expect, test } from 'vitest'
import { errorSummary } from './logger.server'

describe('errorSummary', () => {
	test("keeps only a Prisma error's name and code: its message quotes query arguments", () => {
		const error = Object.assign(
			new Error('Invalid `prisma.x.create()` invocation: { narrative: "my story" }'),
			{
				name: 'PrismaClientKnownRequestError',
				code: 'P2002',
			},
		)
		expect(errorSummary(error)).toEqual({ name: 'PrismaClientKnownRequestError', code: 'P2002' })
	})

	test('keeps the first line of other errors, shortened', () => {
		const error = new TypeError(`${'a'.repeat(300)}\nsecond line`)
		const summary = errorSummary(error)
		expect(summary.name).toBe('TypeError')
		expect(summary.message).toHaveLength(200)
	})

	test('non-errors are described by their type only', () => {
		expect(errorSummary('a thrown string with content')).toEqual({ name: 'string' })
	})
})
