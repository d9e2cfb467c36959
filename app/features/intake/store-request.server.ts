// A new request from the public form becomes a case in one transaction: its
// sensitive fields encrypted with a fresh case key, the key wrapped to the
// office recovery key, every active lead whose keys were approved and the
// reporter's code-derived key, then forgotten; a lead still waiting for
// approval gets a pending grant instead (security-model.md, "New request").
import { randomBytes, randomUUID } from 'node:crypto'
import type { PreparedFile } from '~/features/attachments/prepare.server'
import { newSymmetricKey } from '~/platform/crypto/aead.server'
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import {
	followUpLookupHash,
	formatFollowUpCode,
	generateFollowUpCode,
	reporterKeyPair,
} from '~/platform/crypto/follow-up-code.server'
import { sealTo } from '~/platform/crypto/key-pairs.server'
import { prisma, toBytes } from '~/platform/db.server'
import { calendarDay } from '~/platform/calendar-day'
import type { Intake } from '~/features/intake/intake-schema'
import { getHashPepper } from '~/platform/hash-pepper.server'
import { encryptedAttachmentRows } from '../attachments/attachment-rows.server'
import { getRecoveryPublicKey } from '../cases/office-keys.server'
import { recipientsOfNewRequest } from '../key-access/key-requests.server'

export class OfficeNotSetUpError extends Error {
	constructor() {
		super(
			'the office is not set up: open the setup link the server printed, or run `npm run setup`',
		)
	}
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A pseudonymous reference such as 2026-K7F3Q: nothing about the person in
 * it. The year is that of the day it arrived, on the office's calendar.
 */
function newReference(now: Date): string {
	const random = [...randomBytes(5)]
		.map((byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length])
		.join('')
	return `${calendarDay(now).getUTCFullYear()}-${random}`
}

export type CreatedRequest = { reference: string; followUpCode: string }

export async function createRequest(
	intake: Intake,
	files: PreparedFile[],
): Promise<CreatedRequest> {
	const [recoveryPublicKey, { sealTo: leads, queueFor }] = await Promise.all([
		getRecoveryPublicKey(),
		recipientsOfNewRequest(),
	])
	// Without a recovery key nobody could ever open a request, and without an
	// approved lead nobody would read it: the form is closed until the office
	// has both (isOfficeSetUp in office-setup.server.ts).
	if (!recoveryPublicKey || leads.length === 0) throw new OfficeNotSetUpError()

	const caseId = randomUUID()
	const caseKey = newSymmetricKey()
	const code = generateFollowUpCode()
	const reporter = reporterKeyPair(code)
	const seal = (field: Parameters<typeof encryptCaseField>[2], value: string) =>
		toBytes(encryptCaseField(caseKey, caseId, field, value))
	const sealJson = (
		field: Parameters<typeof encryptCaseField>[2],
		value: Record<string, unknown>,
	) => {
		const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))
		return Object.keys(present).length ? seal(field, JSON.stringify(present)) : null
	}

	const now = new Date()
	// The day only: the inbox sorts and filters by it, the statistics count its quarter.
	const receivedOn = calendarDay(now)
	const withContact = intake.contactMode === 'contact'

	const data = {
		id: caseId,
		status: 'NEW' as const,
		channel: withContact ? ('WITH_CONTACT' as const) : ('ANONYMOUS' as const),
		receivedOn,
		// Nothing has answered it yet (decision 0019).
		waitingSince: receivedOn,
		// In the clear only what the inbox filters by and the statistics count
		// (docs/data-protection.md); the rest of the answers is sealed below.
		reportedRequesterType: intake.requesterType ?? null,
		reportedAreas: intake.areas,
		reportedAgeGroup: intake.ageGroup ?? null,
		reportedGender: intake.gender ?? null,
		reportedNationality: intake.nationalityGroup ?? null,
		reportedResidence: intake.residenceStatus ?? null,
		reportedForms: [],
		reportedMotives: [],
		reportedActors: [],
		reportedWishes: [],
		reportedAnswers: sealJson('reportedAnswers', {
			incidentMonth: intake.incidentMonth,
			incidentYear: intake.incidentYear,
			ongoing: intake.ongoing,
			forms: intake.forms,
			motives: intake.motives,
			actors: intake.actors,
			wishes: intake.wishes,
			interpreterNeeded: intake.interpreterNeeded,
		}),
		narrative: seal('narrative', intake.narrative),
		place: intake.place ? seal('place', intake.place) : null,
		otherAnswers: sealJson('otherAnswers', {
			areas: intake.areasOther,
			forms: intake.formsOther,
			motives: intake.motivesOther,
		}),
		contact: withContact
			? sealJson('contact', {
					name: intake.contactName,
					email: intake.contactEmail,
					phone: intake.contactPhone,
					times: intake.contactTimes,
					preferredLanguage: intake.preferredLanguage,
				})
			: null,
		interpreterLanguage: intake.interpreterLanguage
			? seal('interpreterLanguage', intake.interpreterLanguage)
			: null,
		followUpLookup: toBytes(followUpLookupHash(code, getHashPepper())),
	}

	const grants = [
		{
			holder: 'RECOVERY' as const,
			staffUserId: null,
			sealedKey: toBytes(sealTo(recoveryPublicKey, caseKey)),
		},
		{
			holder: 'REPORTER' as const,
			staffUserId: null,
			sealedKey: toBytes(sealTo(reporter.publicKey, caseKey)),
		},
		...leads.map((lead) => ({
			holder: 'STAFF' as const,
			staffUserId: lead.id,
			sealedKey: toBytes(sealTo(lead.publicKey, caseKey)),
		})),
	]
	const attachments = encryptedAttachmentRows(caseKey, caseId, files, { firstPosition: 1 })

	// A reference collision (one in millions) is retried with a new one.
	for (let attempt = 0; ; attempt++) {
		const reference = newReference(now)
		try {
			// One nested create: Prisma runs it as a single transaction.
			await prisma.case.create({
				data: {
					...data,
					reference,
					grants: { create: grants },
					pendingGrants: { create: queueFor.map((staffUserId) => ({ staffUserId })) },
					attachments: { create: attachments.map(({ caseId: _caseId, ...row }) => row) },
				},
				select: { id: true },
			})
			caseKey.fill(0)
			return { reference, followUpCode: formatFollowUpCode(code) }
		} catch (error) {
			const collided = (error as { code?: string }).code === 'P2002' && attempt < 3
			if (!collided) {
				caseKey.fill(0)
				throw error
			}
		}
	}
}
