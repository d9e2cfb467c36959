// What staff write into a case: internal notes, and messages that appear on
// the reporter's follow-up page. Both are encrypted with the case key,
// opened through the actor's own grant before the transaction; in it, the
// scope is checked again under the case's row lock (an assignment that took
// the case away meanwhile wins), and the text and its audit entry are stored.
// A reporter who asked for it is told by mail that an answer is there.
import { randomUUID } from 'node:crypto'
import { decryptCaseText, encryptCaseField } from '~/platform/crypto/case-fields.server'
import { prisma, toBytes } from '~/platform/db.server'
import { calendarDay } from '~/platform/calendar-day'
import { recordAudit } from '../audit/audit.server'
import {
	noticeReporterOfAnswer,
	replyNoticeOf,
	type ContactDetails,
	type ReplyNotice,
} from '../notifications/reporter-notices.server'
import { lockCaseInScope, requireCaseInScope, requireCaseKey } from './case-access.server'
import { lockNextPositions } from './case-positions.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** The case and the text sealed under its key, before any transaction. */
async function sealForCase(
	actor: StaffActor,
	reference: string,
	kind: 'note' | 'message',
	text: string,
) {
	const found = await requireCaseInScope(prisma, actor, reference)
	const caseKey = await requireCaseKey(prisma, actor, found.id)
	const id = randomUUID()
	const body = toBytes(encryptCaseField(caseKey, found.id, `${kind}:${id}`, text))
	const replyNotice = kind === 'message' ? await replyNoticeWanted(found.id, caseKey) : null
	caseKey.fill(0)
	return { found, id, body, replyNotice }
}

/** Whether the reporter asked to hear of answers by mail, read with the case key the actor holds. */
async function replyNoticeWanted(caseId: string, caseKey: Buffer): Promise<ReplyNotice | null> {
	const { contact } = await prisma.case.findUniqueOrThrow({
		where: { id: caseId },
		select: { contact: true },
	})
	if (!contact) return null
	return replyNoticeOf(
		JSON.parse(decryptCaseText(caseKey, caseId, 'contact', contact)) as ContactDetails,
	)
}

export async function addNote(actor: StaffActor, reference: string, text: string) {
	const { found, id, body } = await sealForCase(actor, reference, 'note', text)
	await prisma.$transaction(async (tx) => {
		await lockCaseInScope(tx, actor, reference)
		await tx.note.create({
			data: { id, caseId: found.id, staffUserId: actor.id, body },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'case.note-added',
			actor,
			caseId: found.id,
			caseReference: found.reference,
		})
	})
}

/** A message to the reporter: encrypted with the case key, shown on their follow-up page. */
export async function sendMessageToReporter(actor: StaffActor, reference: string, text: string) {
	const { found, id, body, replyNotice } = await sealForCase(actor, reference, 'message', text)
	await prisma.$transaction(async (tx) => {
		await lockCaseInScope(tx, actor, reference)
		const next = await lockNextPositions(tx, found.id)
		await tx.message.create({
			data: {
				id,
				caseId: found.id,
				author: 'STAFF',
				staffUserId: actor.id,
				body,
				// The day, as for the reporter's messages; the time is in the audit entry.
				sentOn: calendarDay(new Date()),
				position: next.message,
			},
			select: { id: true },
		})
		// Answered: the reporter waits for nothing now (decision 0019).
		await tx.case.update({
			where: { id: found.id },
			data: { waitingSince: null },
			select: { id: true },
		})
		// Writing to the reporter means the case is being worked on.
		await tx.case.updateMany({
			where: { id: found.id, status: 'NEW' },
			data: { status: 'IN_PROGRESS' },
		})
		await recordAudit(tx, {
			action: 'case.message-sent',
			actor,
			caseId: found.id,
			caseReference: found.reference,
		})
		if (replyNotice) await noticeReporterOfAnswer(tx, replyNotice)
	})
}
