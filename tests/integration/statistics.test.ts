// The statistics against the database: the tallies the triggers keep equal a
// direct count after every kind of change, and, over random sets of cases
// (fast-check), the published report counts every case once per case table,
// at least once per mentioned category, and never shows a small number.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import type { RawTable } from '~/features/statistics/report'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	CASE_CHANNELS,
	DISCRIMINATION_FORMS,
	MOTIVES,
	REQUESTER_TYPES,
	RESPONSE_WISHES,
	type ResponseWishName,
} from '~/platform/taxonomy'
import { rawTablesOf } from '~/features/statistics/raw-tables.server'
import { buildReport } from '~/features/statistics/statistics.server'
import { countDirectly } from '../support/statistics-direct-count'

const rawTables = async (year: number) => (await rawTablesOf([year])).get(year)!

const YEAR = 2025

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

const withoutServices = (tables: RawTable[]) =>
	tables.filter((table) => table.id !== 'services').sort((a, b) => a.id.localeCompare(b.id))

type SyntheticCase = {
	month: number
	status: 'NEW' | 'IN_PROGRESS' | 'CLOSED' | 'NOT_DISCRIMINATION'
	requesterType: string | null
	ageGroup: string | null
	responseWish: ResponseWishName | null
	areas: string[]
	forms: string[]
	motives: string[]
	actors: string[]
}

const someOf = (values: readonly string[]) =>
	fc.uniqueArray(fc.constantFrom(...values), { maxLength: 3 })

const caseArbitrary: fc.Arbitrary<SyntheticCase> = fc.record({
	month: fc.integer({ min: 1, max: 12 }),
	status: fc.constantFrom('NEW', 'IN_PROGRESS', 'CLOSED', 'NOT_DISCRIMINATION'),
	requesterType: fc.option(fc.constantFrom(...REQUESTER_TYPES), { nil: null }),
	ageGroup: fc.option(fc.constantFrom(...AGE_GROUPS), { nil: null }),
	responseWish: fc.option(fc.constantFrom(...RESPONSE_WISHES), { nil: null }),
	areas: someOf(AREAS_OF_LIFE),
	forms: someOf(DISCRIMINATION_FORMS),
	motives: someOf(MOTIVES),
	actors: someOf(ACTORS),
})

let sequence = 0
async function insertCases(cases: SyntheticCase[], year = YEAR) {
	for (const each of cases) {
		sequence++
		await prisma.case.create({
			data: {
				reference: `T-${sequence}`,
				status: each.status,
				channel: CASE_CHANNELS[sequence % CASE_CHANNELS.length]!,
				receivedOn: new Date(Date.UTC(year, each.month - 1, 10)),
				requesterType: each.requesterType,
				reportedAgeGroup: each.ageGroup,
				responseWish: each.responseWish,
				areas: each.areas,
				forms: each.forms,
				motives: each.motives,
				actors: each.actors,
				narrative: Buffer.from('x'),
				followUpLookup: Buffer.from('x'),
			},
			select: { id: true },
		})
	}
}

/** A service of `minutes` for each case received in `year`. */
async function addServices(year: number, minutes: number) {
	await prisma.$executeRaw`
		INSERT INTO "CounsellingService" (id, "caseId", type, "providedOn", minutes)
		SELECT gen_random_uuid()::text, id, 'information', "receivedOn", ${minutes}
		FROM "Case" WHERE extract(year FROM "receivedOn") = ${year}`
}

/** DELETE, not TRUNCATE: the audit log's reference to "Case" would take the log along, which it refuses. */
async function clearCases() {
	await prisma.$executeRaw`DELETE FROM "Case"`
	await prisma.$executeRaw`DELETE FROM "CaseTally"`
}

describe('statistics', () => {
	test('the tallies equal a direct count after inserts, updates and deletes', async () => {
		await clearCases()
		const cases = fc.sample(caseArbitrary, { numRuns: 60, seed: 7 })
		await insertCases(cases)
		expect(withoutServices(await rawTables(YEAR))).toEqual(
			withoutServices(await countDirectly(YEAR)),
		)
		// Reclassify, close, move to another quarter and year, mark, delete.
		const some = await prisma.case.findMany({ select: { id: true }, take: 20 })
		await prisma.case.update({
			where: { id: some[0]!.id },
			data: { areas: ['police', 'justice'], requesterType: 'institution' },
		})
		await prisma.case.update({
			where: { id: some[1]!.id },
			data: { status: 'CLOSED', outcome: 'resolved' },
		})
		await prisma.case.update({
			where: { id: some[2]!.id },
			data: { receivedOn: new Date(Date.UTC(YEAR - 1, 11, 31)) },
		})
		await prisma.case.update({ where: { id: some[3]!.id }, data: { status: 'NOT_DISCRIMINATION' } })
		await prisma.case.updateMany({
			where: { id: { in: some.slice(4, 10).map((row) => row.id) } },
			data: { status: 'IN_PROGRESS' },
		})
		await prisma.case.deleteMany({ where: { id: { in: some.slice(10, 14).map((row) => row.id) } } })
		// An update of something not counted (retention clearing content) changes nothing.
		await prisma.case.updateMany({ data: { narrative: null } })
		for (const year of [YEAR - 1, YEAR]) {
			expect(withoutServices(await rawTables(year))).toEqual(
				withoutServices(await countDirectly(year)),
			)
		}
	})

	test('the wish for an answer is counted per case, older cases as not stated', async () => {
		await clearCases()
		const base = {
			month: 2,
			status: 'NEW' as const,
			requesterType: null,
			ageGroup: null,
			areas: [],
			forms: [],
			motives: [],
			actors: [],
		}
		const many = (count: number, responseWish: ResponseWishName | null) =>
			Array.from({ length: count }, () => ({ ...base, responseWish }))
		await insertCases([...many(6, 'REPORT_ONLY'), ...many(7, 'ANSWER'), ...many(5, null)])
		const table = (await rawTables(YEAR)).find((each) => each.id === 'responseWish')!
		expect(table.kind).toBe('cases')
		expect(table.rows).toEqual([
			{ key: 'REPORT_ONLY', quarters: [6, 0, 0, 0] },
			{ key: 'ANSWER', quarters: [7, 0, 0, 0] },
			{ key: 'not_stated', quarters: [5, 0, 0, 0] },
		])
		expect(withoutServices(await rawTables(YEAR))).toEqual(
			withoutServices(await countDirectly(YEAR)),
		)
		const published = (await buildReport(YEAR)).tables.find((each) => each.id === 'responseWish')!
		expect(published.rows.map((row) => [row.key, row.total])).toEqual([
			['REPORT_ONLY', 6],
			['ANSWER', 7],
			['not_stated', 5],
		])
	})

	test('the summary gives the year’s published totals beside the year before’s, as its report has them', async () => {
		await clearCases()
		await insertCases(fc.sample(caseArbitrary, { numRuns: 40, seed: 11 }))
		await insertCases(fc.sample(caseArbitrary, { numRuns: 9, seed: 12 }), YEAR - 1)
		await addServices(YEAR, 45)
		await addServices(YEAR - 1, 30)
		const report = await buildReport(YEAR)
		const before = await buildReport(YEAR - 1)
		const totals = (of: typeof report, id: string) =>
			of.tables.find((table) => table.id === id)!.totals
		expect(report.summary.cases).toEqual({
			current: totals(report, 'requesterType').total,
			previous: totals(before, 'requesterType').total,
		})
		expect(report.summary.mentions).toEqual({
			current: totals(report, 'forms').total,
			previous: totals(before, 'forms').total,
		})
		expect(report.summary.counsellingHours).toEqual({
			current: totals(report, 'services').hoursTotal,
			previous: totals(before, 'services').hoursTotal,
		})
		expect(report.summary.activities).toEqual({ current: 0, previous: 0 })
		// The trend shows the year before as the summary does.
		expect(report.trend.find((point) => point.year === YEAR - 1)?.cases).toBe(
			report.summary.cases.previous,
		)
		expect(typeof report.summary.cases.current).toBe('number')
		await prisma.$executeRaw`DELETE FROM "CounsellingService"`
	})

	test('over random case sets the published report is consistent and safe', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(caseArbitrary, { minLength: 0, maxLength: 40 }), async (cases) => {
				await clearCases()
				await insertCases(cases)
				const report = await buildReport(YEAR)
				const raw = await rawTables(YEAR)
				const counted = cases.filter((each) => each.status !== 'NOT_DISCRIMINATION').length
				for (const table of report.tables) {
					const lines = [...table.rows, table.totals]
					const published = lines.flatMap((line) => [...line.quarters, line.total])
					const truth = raw.find((each) => each.id === table.id)!
					const trueLines = [
						...truth.rows.map((row) => row.quarters),
						[0, 1, 2, 3].map((q) => sum(truth.rows.map((row) => row.quarters[q]!))),
					]
					const trueValues = trueLines.flatMap((quarters) => [...quarters, sum(quarters)])
					published.forEach((value, index) => {
						if (typeof value === 'number') {
							// Shown as it is, and never a small number.
							expect(value).toBe(trueValues[index])
							expect(value === 0 || value >= report.threshold).toBe(true)
						} else {
							// Small or complement alike.
							expect(value).toBe('suppressed')
						}
					})
					const total = table.totals.total
					if (
						table.kind === 'cases' &&
						table.id !== 'notDiscrimination' &&
						total !== 'suppressed'
					) {
						expect(total).toBe(counted)
					}
					if (table.kind === 'mentions' && total !== 'suppressed') {
						const mentioning = cases.filter(
							(each) =>
								each.status !== 'NOT_DISCRIMINATION' &&
								(each[table.id as 'areas'] as string[]).length > 0,
						).length
						expect(total).toBeGreaterThanOrEqual(mentioning)
					}
				}
			}),
			{ numRuns: 15, seed: 2026 },
		)
	})
})
