// What a reporter sees and does on the follow-up page. Every function takes
// the acting reporter (one case and its key) and touches nothing else.
import { randomUUID } from 'node:crypto'
import type { PreparedFile } from '~/features/attachments/prepare.server'
import { decryptCaseText, encryptCaseField } from '~/platform/crypto/case-fields.server'
import { prisma, toBytes } from '~/platform/db.server'
import { calendarDay } from '~/platform/calendar-day'
import { encryptedAttachmentRows } from '../attachments/attachment-rows.server'
import { lockNextPositions } from '../cases/case-positions.server'
import { noticeReporterMessage } from '../notifications/staff-notices.server'
import { replyNoticeOf, type ContactDetails } from '../notifications/reporter-notices.server'
import { isMailOn } from '../notifications/mail-config.server'
import type { Reporter } from './reporter-session.server'

export type FollowUpStatus = 'received' | 'inProgress' | 'closed'

/** A notice by mail of the office's answers: only for a reporter who left an address, while mail is on. */
export type ReplyNoticeChoice = 'unavailable' | 'on' | 'off'

function contactOf(reporter: Reporter, sealed: Uint8Array | null): ContactDetails | null {
	if (!sealed) return null
	const text = decryptCaseText(reporter.caseKey, reporter.caseId, 'contact', sealed)
	return JSON.parse(text) as ContactDetails
}

export type FollowUpView = Awaited<ReturnType<typeof getFollowUpView>>

export async function getFollowUpView(reporter: Reporter) {
	const found = await prisma.case.findUniqueOrThrow({
		where: { id: reporter.caseId },
		select: {
			status: true,
			receivedOn: true,
			contact: true,
			messages: {
				orderBy: { position: 'asc' },
				select: { id: true, author: true, body: true, sentOn: true },
			},
			_count: { select: { attachments: true } },
		},
	})
	const status: FollowUpStatus =
		found.status === 'NEW' ? 'received' : found.status === 'IN_PROGRESS' ? 'inProgress' : 'closed'
	const contact = contactOf(reporter, found.contact)
	const replyNotice: ReplyNoticeChoice =
		!contact?.email || !isMailOn() ? 'unavailable' : replyNoticeOf(contact) ? 'on' : 'off'
	return {
		status,
		replyNotice,
		receivedOn: found.receivedOn.toISOString().slice(0, 10),
		attachmentCount: found._count.attachments,
		messages: found.messages.map((message) => ({
			id: message.id,
			fromReporter: message.author === 'REPORTER',
			sentOn: message.sentOn.toISOString().slice(0, 10),
			text: decryptCaseText(
				reporter.caseKey,
				reporter.caseId,
				`message:${message.id}`,
				message.body,
			),
		})),
	}
}

/** A message (a reply, or information added later) with optional files. */
export async function addReporterMessage(reporter: Reporter, text: string, files: PreparedFile[]) {
	const { caseId, caseKey } = reporter
	const messageId = randomUUID()
	const body = toBytes(encryptCaseField(caseKey, caseId, `message:${messageId}`, text))
	const sentOn = calendarDay(new Date())
	await prisma.$transaction(async (tx) => {
		const next = await lockNextPositions(tx, caseId)
		await tx.message.create({
			data: {
				id: messageId,
				caseId,
				author: 'REPORTER',
				body,
				sentOn,
				position: next.message,
			},
			select: { id: true },
		})
		// The reporter now waits for an answer, unless they waited already (decision 0019).
		await tx.case.updateMany({
			where: { id: caseId, waitingSince: null },
			data: { waitingSince: sentOn },
		})
		if (files.length) {
			await tx.attachment.createMany({
				data: encryptedAttachmentRows(caseKey, caseId, files, {
					messageId,
					firstPosition: next.attachment,
				}),
			})
		}
		await noticeReporterMessage(tx, caseId)
	})
}

/**
 * The reporter turns the notice of answers on (in the language of the page)
 * or off. It lives in the encrypted contact, which only a reporter who left
 * an e-mail address has; returns false for anyone else.
 */
export async function setReplyNotice(
	reporter: Reporter,
	on: boolean,
	language: string,
): Promise<boolean> {
	const { caseId, caseKey } = reporter
	return prisma.$transaction(async (tx) => {
		// Locked: two tabs saving at once each write the whole contact, one after the other.
		await tx.$executeRaw`SELECT 1 FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`
		const found = await tx.case.findUniqueOrThrow({
			where: { id: caseId },
			select: { contact: true },
		})
		const contact = contactOf(reporter, found.contact)
		if (!contact?.email) return false
		const changed = { ...contact, replyNotice: on ? language : undefined }
		await tx.case.update({
			where: { id: caseId },
			data: {
				contact: toBytes(encryptCaseField(caseKey, caseId, 'contact', JSON.stringify(changed))),
			},
			select: { id: true },
		})
		return true
	})
}
