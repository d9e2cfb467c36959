// Deleting a case's personal data (retention, an early deletion on request,
// a reporter's withdrawal): the narrative, contact, free-text answers,
// messages, notes, attachments, reporter sessions and every key grant go;
// the classification, dates, status and services (the anonymised statistical
// record) stay. Deleting ciphertext needs no key (security-model.md).
import { prisma } from '~/platform/db.server'

export type DeletionReason = 'retention' | 'on_request' | 'withdrawn'

export async function erasePersonalData(caseId: string, reason: DeletionReason, now = new Date()) {
	await prisma.$transaction([
		prisma.message.deleteMany({ where: { caseId } }),
		prisma.note.deleteMany({ where: { caseId } }),
		prisma.attachment.deleteMany({ where: { caseId } }),
		prisma.reporterSession.deleteMany({ where: { caseId } }),
		prisma.caseKeyGrant.deleteMany({ where: { caseId } }),
		prisma.pendingGrant.deleteMany({ where: { caseId } }),
		prisma.case.update({
			where: { id: caseId },
			data: {
				narrative: null,
				place: null,
				otherAnswers: null,
				contact: null,
				interpreterLanguage: null,
				followUpLookup: null,
				personalDataDeletedAt: now,
				personalDataDeletion: reason,
			},
			select: { id: true },
		}),
	])
}
