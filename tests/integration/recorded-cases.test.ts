// Cases from every channel (issue 12): a counsellor records a case that came
// by phone. It is stored as a web request is, ciphertext under a fresh case
// key sealed to the recovery key, every approved lead and the person's code,
// and to the counsellor, who is assigned it; audited with it, counted under
// its channel, and opened by the code on the follow-up page. Only counsellors
// and leads may record.
import { beforeAll, describe, expect, test } from 'vitest'
import { decryptCaseText } from '~/platform/crypto/case-fields.server'
import { openSealed, publicKeyOf } from '~/platform/crypto/key-pairs.server'
import { generateRecoveryKey, parseRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { ForbiddenError } from '~/platform/permissions'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { openCase } from '~/features/cases/case-page.server'
import { recordCase } from '~/features/cases/recorded-case.server'
import { RecordedCaseSchema } from '~/features/cases/recorded-case-schema'
import { getFollowUpView } from '~/features/follow-up/follow-up.server'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { action } from '~/routes/staff.cases.new'
import { dumpDatabaseText, tracesOf } from '../support/database-dump'
import { createSignedInStaff } from '../support/staff'

type Staff = Awaited<ReturnType<typeof createSignedInStaff>>

let recoverySheet: string
let counsellor: Staff
let lead: Staff
let secondLead: Staff
let waitingLead: Staff
let admin: Staff
let statistics: Staff

beforeAll(async () => {
	const recovery = generateRecoveryKey()
	recoverySheet = recovery.sheetText
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	counsellor = await createSignedInStaff('COUNSELLOR', 'recording-counsellor')
	lead = await createSignedInStaff('LEAD', 'recording-lead')
	secondLead = await createSignedInStaff('LEAD', 'recording-second-lead')
	// A lead whose keys wait for approval is queued, not sealed to.
	waitingLead = await createSignedInStaff('LEAD', 'recording-waiting-lead')
	await prisma.staffUser.update({
		where: { id: waitingLead.user.id },
		data: { caseKeysApprovedAt: null },
		select: { id: true },
	})
	await prisma.keyAccessRequest.create({
		data: { staffUserId: waitingLead.user.id, role: 'LEAD', reason: 'UPGRADE' },
		select: { id: true },
	})
	admin = await createSignedInStaff('ADMIN', 'recording-admin')
	statistics = await createSignedInStaff('STATISTICS', 'recording-statistics')
})

const today = () => new Date().toISOString().slice(0, 10)

const recorded = (overrides: Record<string, unknown>) =>
	RecordedCaseSchema.parse({
		channel: 'PHONE',
		receivedOn: today(),
		narrative: 'x',
		consent: 'yes',
		...overrides,
	})

async function storedCase(reference: string) {
	return prisma.case.findUniqueOrThrow({
		where: { reference },
		select: {
			id: true,
			channel: true,
			status: true,
			receivedOn: true,
			assignedToId: true,
			narrative: true,
			contact: true,
			followUpLookup: true,
			grants: { select: { holder: true, staffUserId: true, sealedKey: true } },
			pendingGrants: { select: { staffUserId: true } },
			statusChanges: { select: { fromStatus: true, toStatus: true, staffUserId: true } },
		},
	})
}

describe('a phone case a counsellor records', () => {
	test('is ciphertext sealed to the recovery key, each approved lead, the counsellor and the code', async () => {
		const phrases = {
			narrative: 'Mirabellenkuchen am Bahnschalter',
			name: 'Philomena Tschudi-Graf',
			phone: '071 555 12 34',
		}
		const receipt = await recordCase(
			counsellor.actor,
			recorded({
				narrative: phrases.narrative,
				areas: ['public_space'],
				contactName: phrases.name,
				contactPhone: phrases.phone,
				preferredLanguage: 'tr',
				followUpCode: 'yes',
			}),
			[],
		)
		expect(receipt.followUpCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)

		const dump = await dumpDatabaseText(process.env.DATABASE_URL!)
		for (const phrase of [...Object.values(phrases), receipt.followUpCode!.replaceAll('-', '')]) {
			for (const trace of tracesOf(phrase)) expect(dump).not.toContain(trace)
		}

		const stored = await storedCase(receipt.reference)
		expect(stored.channel).toBe('PHONE')
		expect(stored.receivedOn.toISOString().slice(0, 10)).toBe(today())
		// Assigned to the counsellor, and begun, as an assignment begins a case.
		expect(stored.assignedToId).toBe(counsellor.user.id)
		expect(stored.status).toBe('IN_PROGRESS')
		expect(stored.statusChanges).toEqual([
			{ fromStatus: 'NEW', toStatus: 'IN_PROGRESS', staffUserId: counsellor.user.id },
		])
		const holders = stored.grants
			.map((grant) => `${grant.holder}:${grant.staffUserId ?? ''}`)
			.sort()
		expect(holders).toEqual(
			[
				'RECOVERY:',
				'REPORTER:',
				`STAFF:${counsellor.user.id}`,
				`STAFF:${lead.user.id}`,
				`STAFF:${secondLead.user.id}`,
			].sort(),
		)
		expect(stored.pendingGrants).toEqual([{ staffUserId: waitingLead.user.id }])

		// Each holder opens the same case key, and with it the narrative.
		const keyPairs = [
			parseRecoveryKey(recoverySheet)!,
			...[counsellor, lead, secondLead].map(({ actor }) => ({
				privateKey: actor.privateKey,
				publicKey: publicKeyOf(actor.privateKey),
			})),
		]
		for (const keyPair of keyPairs) {
			const caseKey = stored.grants.map((g) => openSealed(g.sealedKey, keyPair)).find(Boolean)
			expect(caseKey).toBeTruthy()
			expect(decryptCaseText(caseKey!, stored.id, 'narrative', stored.narrative!)).toBe(
				phrases.narrative,
			)
		}

		// The counsellor's case page shows it, with the contact details given.
		const view = await openCase(counsellor.actor, receipt.reference)
		expect(view).toMatchObject({
			channel: 'PHONE',
			narrative: phrases.narrative,
			contact: { name: phrases.name, phone: phrases.phone, preferredLanguage: 'tr' },
			reported: { areas: ['public_space'] },
		})

		// The code opens the follow-up page, exactly as a web request's does.
		const token = await openReporterSession(receipt.followUpCode!)
		const reporter = await getReporter(token!)
		expect(reporter?.caseId).toBe(stored.id)
		expect(await getFollowUpView(reporter!)).toMatchObject({
			status: 'inProgress',
			receivedOn: today(),
		})
	})

	test('is audited with its channel in the same transaction, and counted under PHONE', async () => {
		const year = new Date().getFullYear()
		const phoneCount = async () =>
			(
				await prisma.caseTally.findMany({
					where: { year, dimension: 'channel', key: 'PHONE' },
					select: { count: true },
				})
			).reduce((sum, row) => sum + row.count, 0)
		const before = await phoneCount()
		const receipt = await recordCase(counsellor.actor, recorded({ followUpCode: 'yes' }), [])
		expect(await phoneCount()).toBe(before + 1)
		const stored = await storedCase(receipt.reference)
		const entries = await prisma.auditEvent.findMany({
			where: { caseId: stored.id },
			select: { action: true, actorId: true, caseReference: true, detail: true },
		})
		expect(entries).toEqual([
			{
				action: 'case.recorded',
				actorId: counsellor.user.id,
				caseReference: receipt.reference,
				detail: { channel: 'PHONE', followUpCode: true },
			},
		])
	})

	test('without a code it has no reporter grant and no look-up value', async () => {
		const receipt = await recordCase(
			counsellor.actor,
			recorded({ channel: 'LETTER', receivedOn: '2026-01-15' }),
			[],
		)
		expect(receipt.followUpCode).toBeNull()
		const stored = await storedCase(receipt.reference)
		expect(stored.channel).toBe('LETTER')
		expect(stored.receivedOn.toISOString().slice(0, 10)).toBe('2026-01-15')
		expect(stored.followUpLookup).toBeNull()
		expect(stored.contact).toBeNull()
		expect(stored.grants.some((grant) => grant.holder === 'REPORTER')).toBe(false)
		const audited = await prisma.auditEvent.findFirstOrThrow({
			where: { caseId: stored.id },
			select: { detail: true },
		})
		expect(audited.detail).toEqual({ channel: 'LETTER', followUpCode: false })
	})

	test('a lead who records a case holds its key once', async () => {
		const receipt = await recordCase(lead.actor, recorded({ channel: 'REFERRAL' }), [])
		const stored = await storedCase(receipt.reference)
		expect(stored.assignedToId).toBe(lead.user.id)
		expect(stored.grants.filter((grant) => grant.staffUserId === lead.user.id)).toHaveLength(1)
	})
})

describe('the recording form', () => {
	const post = (cookie: string, fields: Record<string, string | string[]>) => {
		const body = new FormData()
		for (const [name, value] of Object.entries(fields)) {
			for (const each of Array.isArray(value) ? value : [value]) body.append(name, each)
		}
		return action({
			request: new Request('http://127.0.0.1/staff/cases/new', {
				method: 'POST',
				headers: { Cookie: cookie },
				body,
			}),
			params: {},
			context: { clientKey: Buffer.alloc(32), cspNonce: 'n' },
		}) as Promise<{ data: unknown; init: { status?: number } | null }>
	}

	test('stores a multipart post and answers with the reference and a slip in the preferred language', async () => {
		const answer = await post(counsellor.cookie, {
			channel: 'IN_PERSON',
			receivedOn: today(),
			narrative: 'Persönlich am Schalter erzählt',
			preferredLanguage: 'ar',
			followUpCode: 'yes',
			consent: 'yes',
		})
		const result = answer.data as {
			ok: boolean
			reference: string
			slip: { language: string; dir: string; code: string; address: string } | null
		}
		expect(result.ok).toBe(true)
		expect(result.slip).toMatchObject({
			language: 'ar',
			dir: 'rtl',
			address: 'http://127.0.0.1/follow-up',
		})
		expect(await openReporterSession(result.slip!.code)).not.toBeNull()
		expect((await storedCase(result.reference)).channel).toBe('IN_PERSON')
	})

	test('refuses what the schema refuses, keeping what was typed, and stores nothing', async () => {
		const before = await prisma.case.count()
		const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
		const answer = await post(counsellor.cookie, {
			channel: 'WEB_ANONYMOUS',
			receivedOn: tomorrow,
			narrative: 'Was getippt wurde',
			contactEmail: 'not-an-address',
		})
		expect(answer.init?.status).toBe(400)
		const result = answer.data as { values: Record<string, string>; errors: Record<string, string> }
		expect(result.values.narrative).toBe('Was getippt wurde')
		expect(result.errors).toEqual({
			channel: 'recordCase.errors.channel',
			receivedOn: 'errors.date',
			contactEmail: 'errors.invalidEmail',
			consent: 'recordCase.errors.consent',
		})
		expect(await prisma.case.count()).toBe(before)
	})
})

describe('who may record', () => {
	test('the admin and the statistics account are refused, and nothing is stored', async () => {
		const before = await prisma.case.count()
		for (const { actor } of [admin, statistics]) {
			await expect(recordCase(actor, recorded({}), [])).rejects.toThrow(ForbiddenError)
		}
		expect(await prisma.case.count()).toBe(before)
	})
})
