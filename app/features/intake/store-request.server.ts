// A new case, from the public form or recorded by staff, is stored in one
// transaction: its sensitive fields encrypted with a fresh case key, the key
// wrapped to the office recovery key, every active lead whose keys were
// approved, the reporter's code-derived key if the person gets a code, and
// the staff member who recorded it; then forgotten. A lead still waiting for
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
import type { Intake, IntakeAnswers } from '~/features/intake/intake-schema'
import type { CaseChannelName, ResponseWishName } from '~/platform/taxonomy'
import type { Prisma } from '~/generated/prisma/client'
import { getHashPepper } from '~/platform/hash-pepper.server'
import { encryptedAttachmentRows } from '../attachments/attachment-rows.server'
import { DEFAULT_LANGUAGE } from '~/platform/i18n/languages'
import { getRecoveryPublicKey } from '../cases/office-keys.server'
import { recipientsOfNewRequest } from '../key-access/key-requests.server'
import { noticeNewRequest } from '../notifications/staff-notices.server'
import { spendFormToken } from './spent-form-token.server'

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

export type RequestOptions = {
	/** The language of the form's page: a reporter's notice of an answer will be in it. */
	language?: string
	/** Tell the staff (notifications); the demo's invented past requests are no news. */
	notifyStaff?: boolean
	/**
	 * The form's token, spent with the case: a second post of the same form
	 * stores nothing and throws FormAlreadySentError (decision 0020).
	 */
	formToken?: string
}

/** A request from the public form: always with a follow-up code, received today. */
export async function createRequest(
	intake: Intake,
	files: PreparedFile[],
	{ language = DEFAULT_LANGUAGE, notifyStaff = true, formToken }: RequestOptions = {},
): Promise<CreatedRequest> {
	const code = generateFollowUpCode()
	const { reference } = await storeCase(
		{
			answers: intake,
			files,
			channel: intake.contactMode === 'contact' ? 'WEB_WITH_CONTACT' : 'WEB_ANONYMOUS',
			responseWish: intake.responseWish,
			// The day only: the inbox sorts and filters by it, the statistics count its quarter.
			receivedOn: calendarDay(new Date()),
			followUpCode: code,
			replyNoticeLanguage: intake.replyNotice ? language : undefined,
		},
		// The case, its form's spent mark and the staff's notices commit
		// together, or none does.
		notifyStaff || formToken
			? async (tx) => {
					if (formToken) await spendFormToken(tx, formToken)
					if (notifyStaff) await noticeNewRequest(tx)
				}
			: undefined,
	)
	return { reference, followUpCode: formatFollowUpCode(code) }
}

export type NewCase = {
	/** Contact details only if the person gave them (the schemas drop them otherwise). */
	answers: IntakeAnswers
	files: PreparedFile[]
	channel: CaseChannelName
	/** Only to report, or an answer; unknown for a recorded case nobody asked. */
	responseWish?: ResponseWishName
	/** A calendar day (UTC midnight), no time of day. */
	receivedOn: Date
	/** The person's code, unformatted, or null when they get none: then only staff open the case. */
	followUpCode: string | null
	/**
	 * The staff member who recorded it: the case is sealed to them and
	 * assigned to them, its work begun (as an assignment begins it).
	 */
	recordedBy?: { id: string; publicKey: Uint8Array }
	/**
	 * The person asked to hear of an answer by mail, in this language
	 * (reporter-notices.server.ts); kept in the encrypted contact.
	 */
	replyNoticeLanguage?: string
}

export type StoredCase = { id: string; reference: string }

/**
 * Stores a new case in one transaction with what `inTransaction` writes
 * there (a recorded case's audit entry). The case key is wiped before this
 * returns, stored or not.
 */
export async function storeCase(
	newCase: NewCase,
	inTransaction?: (tx: Prisma.TransactionClient, stored: StoredCase) => Promise<void>,
): Promise<StoredCase> {
	const { answers, followUpCode: code, recordedBy } = newCase
	const [recoveryPublicKey, { sealTo: leads, queueFor }] = await Promise.all([
		getRecoveryPublicKey(),
		recipientsOfNewRequest(),
	])
	// Without a recovery key nobody could ever open a case, and without an
	// approved lead nobody would read a request from the form: the form is
	// closed until the office has both (isOfficeSetUp in
	// office-setup.server.ts). A recorded case has its reader in the recorder.
	if (!recoveryPublicKey || (leads.length === 0 && !recordedBy)) throw new OfficeNotSetUpError()

	const caseId = randomUUID()
	const caseKey = newSymmetricKey()
	const seal = (field: Parameters<typeof encryptCaseField>[2], value: string) =>
		toBytes(encryptCaseField(caseKey, caseId, field, value))
	const sealJson = (
		field: Parameters<typeof encryptCaseField>[2],
		value: Record<string, unknown>,
	) => {
		const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))
		return Object.keys(present).length ? seal(field, JSON.stringify(present)) : null
	}

	const data = {
		id: caseId,
		// A recorded case is its recorder's from the start, as an assignment makes it.
		status: recordedBy ? ('IN_PROGRESS' as const) : ('NEW' as const),
		channel: newCase.channel,
		// In the clear: the statistics count it (docs/data-protection.md).
		responseWish: newCase.responseWish ?? null,
		receivedOn: newCase.receivedOn,
		assignedToId: recordedBy?.id ?? null,
		// A web request waits for an answer from the day it came; whoever recorded
		// a case has just spoken with the person (decision 0019).
		waitingSince: recordedBy ? null : newCase.receivedOn,
		// In the clear only what the inbox filters by and the statistics count
		// (docs/data-protection.md); the rest of the answers is sealed below.
		reportedRequesterType: answers.requesterType ?? null,
		reportedAreas: answers.areas,
		reportedAgeGroup: answers.ageGroup ?? null,
		reportedGender: answers.gender ?? null,
		reportedNationality: answers.nationalityGroup ?? null,
		reportedResidence: answers.residenceStatus ?? null,
		reportedForms: [],
		reportedMotives: [],
		reportedActors: [],
		reportedWishes: [],
		reportedAnswers: sealJson('reportedAnswers', {
			incidentMonth: answers.incidentMonth,
			incidentYear: answers.incidentYear,
			ongoing: answers.ongoing,
			forms: answers.forms,
			motives: answers.motives,
			actors: answers.actors,
			wishes: answers.wishes,
			interpreterNeeded: answers.interpreterNeeded,
		}),
		narrative: seal('narrative', answers.narrative),
		place: answers.place ? seal('place', answers.place) : null,
		otherAnswers: sealJson('otherAnswers', {
			areas: answers.areasOther,
			forms: answers.formsOther,
			motives: answers.motivesOther,
		}),
		contact: sealJson('contact', {
			name: answers.contactName,
			email: answers.contactEmail,
			phone: answers.contactPhone,
			times: answers.contactTimes,
			preferredLanguage: answers.preferredLanguage,
			replyNotice: newCase.replyNoticeLanguage,
		}),
		interpreterLanguage: answers.interpreterLanguage
			? seal('interpreterLanguage', answers.interpreterLanguage)
			: null,
		followUpLookup: code ? toBytes(followUpLookupHash(code, getHashPepper())) : null,
	}

	// The recorder holds the key as its assignee; an approved lead only once.
	const staff = recordedBy
		? [...leads.filter((lead) => lead.id !== recordedBy.id), recordedBy]
		: leads
	const grants = [
		{
			holder: 'RECOVERY' as const,
			staffUserId: null,
			sealedKey: toBytes(sealTo(recoveryPublicKey, caseKey)),
		},
		...(code
			? [
					{
						holder: 'REPORTER' as const,
						staffUserId: null,
						sealedKey: toBytes(sealTo(reporterKeyPair(code).publicKey, caseKey)),
					},
				]
			: []),
		...staff.map((member) => ({
			holder: 'STAFF' as const,
			staffUserId: member.id,
			sealedKey: toBytes(sealTo(member.publicKey, caseKey)),
		})),
	]
	const pending = queueFor.filter((staffUserId) => staffUserId !== recordedBy?.id)
	const attachments = encryptedAttachmentRows(caseKey, caseId, newCase.files, { firstPosition: 1 })
	caseKey.fill(0)

	const write = (db: Prisma.TransactionClient, reference: string) =>
		db.case.create({
			data: {
				...data,
				reference,
				grants: { create: grants },
				pendingGrants: { create: pending.map((staffUserId) => ({ staffUserId })) },
				attachments: { create: attachments.map(({ caseId: _caseId, ...row }) => row) },
				statusChanges: recordedBy
					? { create: { fromStatus: 'NEW', toStatus: 'IN_PROGRESS', staffUserId: recordedBy.id } }
					: undefined,
			},
			select: { id: true, reference: true },
		})

	// A reference collision (one in millions) is retried with a new one.
	for (let attempt = 0; ; attempt++) {
		const reference = newReference(new Date())
		try {
			// Without more to write, one nested create, which Prisma runs as a
			// single transaction (the form's throughput, decision 0007).
			if (!inTransaction) return await write(prisma, reference)
			return await prisma.$transaction(async (tx) => {
				const stored = await write(tx, reference)
				await inTransaction(tx, stored)
				return stored
			})
		} catch (error) {
			const collided = (error as { code?: string }).code === 'P2002' && attempt < 3
			if (!collided) throw error
		}
	}
}
