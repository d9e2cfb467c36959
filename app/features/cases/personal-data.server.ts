// Deleting a case's personal data early (on request, or a reporter's
// withdrawal): the narrative, contact, every answer the statistics do not
// count, the follow-up date's reason and the deadline mark, messages, notes,
// attachments, reporter sessions, how far each staff member read, the follow-up
// look-up value and every key grant go; the classification, the answers the
// statistics count, dates, status and services stay, since the case still
// counts and may still be worked on, until retention deletes the
// row (retention.server.ts). Deleting ciphertext needs no key
// (security-model.md).
import { prisma } from '~/platform/db.server'
import { requirePermission } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { requireCaseInScope } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export type DeletionReason = 'on_request' | 'withdrawn'

/** The deletion, as queries for the caller's transaction, which also holds its audit entry. */
export async function erasePersonalData(
	tx: Prisma.TransactionClient,
	caseId: string,
	reason: DeletionReason,
	now = new Date(),
) {
	// Attachments first: those that came with a message would go with it anyway.
	await tx.attachment.deleteMany({ where: { caseId } })
	await tx.message.deleteMany({ where: { caseId } })
	await tx.note.deleteMany({ where: { caseId } })
	await tx.reporterSession.deleteMany({ where: { caseId } })
	await tx.caseKeyGrant.deleteMany({ where: { caseId } })
	await tx.pendingGrant.deleteMany({ where: { caseId } })
	// How far staff read messages that are gone.
	await tx.caseRead.deleteMany({ where: { caseId } })
	await tx.case.update({
		where: { id: caseId },
		data: {
			narrative: null,
			place: null,
			otherAnswers: null,
			contact: null,
			interpreterLanguage: null,
			reportedAnswers: null,
			// Their clear columns, on a request stored before they were encrypted.
			reportedIncidentMonth: null,
			reportedIncidentYear: null,
			reportedOngoing: null,
			reportedForms: [],
			reportedMotives: [],
			reportedActors: [],
			reportedWishes: [],
			interpreterNeeded: null,
			followUpLookup: null,
			dueReason: null,
			complaintOffence: null,
			// Nobody can answer a reporter whose code no longer opens anything.
			waitingSince: null,
			personalDataDeletedAt: now,
			personalDataDeletion: reason,
		},
		select: { id: true },
	})
}

/** The lead deletes a case's personal data before the retention period ends (on request). */
export async function deletePersonalDataEarly(actor: StaffActor, reference: string) {
	requirePermission(actor, 'case:work-all')
	await prisma.$transaction(async (tx) => {
		const found = await requireCaseInScope(tx, actor, reference)
		await erasePersonalData(tx, found.id, 'on_request')
		await recordAudit(tx, {
			action: 'case.personal-data-deleted',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			detail: { reason: 'on_request' },
		})
	})
}
