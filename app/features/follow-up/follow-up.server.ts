// What a reporter sees and does on the follow-up page. Every function takes
// the acting reporter (one case and its key) and touches nothing else.
import { randomUUID } from 'node:crypto'
import type { PreparedFile } from '~/features/attachments/prepare.server'
import { decryptCaseText, encryptCaseField } from '~/platform/crypto/case-fields.server'
import { prisma, toBytes } from '~/platform/db.server'
import { calendarDay } from '~/platform/calendar-day'
import { encryptedAttachmentRows } from '../attachments/attachment-rows.server'
import { lockNextPositions } from '../cases/case-positions.server'
import type { Reporter } from './reporter-session.server'

export type FollowUpStatus = 'received' | 'inProgress' | 'closed'

export type FollowUpView = Awaited<ReturnType<typeof getFollowUpView>>

export async function getFollowUpView(reporter: Reporter) {
	const found = await prisma.case.findUniqueOrThrow({
		where: { id: reporter.caseId },
		select: {
			status: true,
			receivedOn: true,
			messages: {
				orderBy: { position: 'asc' },
				select: { id: true, author: true, body: true, sentOn: true },
			},
			_count: { select: { attachments: true } },
		},
	})
	const status: FollowUpStatus =
		found.status === 'NEW' ? 'received' : found.status === 'IN_PROGRESS' ? 'inProgress' : 'closed'
	return {
		status,
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
	})
}
