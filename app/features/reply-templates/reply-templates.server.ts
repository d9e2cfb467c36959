// The leads' reply templates: a few text blocks per language that a
// counsellor inserts into a message and edits before sending. They are office
// settings without personal data, stored in the clear (schema.prisma); every
// change is audited like the office's other settings.
import { prisma } from '~/platform/db.server'
import { requirePermission, WORK_CASES } from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import type { z } from 'zod'
import type { ReplyTemplateSchema } from './reply-template-schemas'

type ReplyTemplateInput = z.output<typeof ReplyTemplateSchema>

const SELECT = { id: true, language: true, purpose: true, title: true, body: true } as const

export type ReplyTemplate = Awaited<ReturnType<typeof listReplyTemplates>>[number]

/** Every template, by language and purpose: the leads' page and the message form list them. */
export async function listReplyTemplates(actor: StaffActor) {
	requirePermission(actor, WORK_CASES)
	return prisma.replyTemplate.findMany({
		orderBy: [{ language: 'asc' }, { purpose: 'asc' }, { title: 'asc' }],
		select: SELECT,
	})
}

/** One template, for the message form's insert without JavaScript; null when gone. */
export async function getReplyTemplate(actor: StaffActor, id: string) {
	requirePermission(actor, WORK_CASES)
	return prisma.replyTemplate.findUnique({ where: { id }, select: SELECT })
}

export async function createReplyTemplate(actor: StaffActor, input: ReplyTemplateInput) {
	requirePermission(actor, 'templates:manage')
	await prisma.$transaction(async (tx) => {
		const created = await tx.replyTemplate.create({ data: input, select: { id: true } })
		await recordAudit(tx, {
			action: 'reply-template.saved',
			actor,
			detail: { templateId: created.id, language: input.language, purpose: input.purpose },
		})
	})
}

export async function changeReplyTemplate(
	actor: StaffActor,
	id: string,
	input: ReplyTemplateInput,
) {
	requirePermission(actor, 'templates:manage')
	await prisma.$transaction(async (tx) => {
		const { count } = await tx.replyTemplate.updateMany({ where: { id }, data: input })
		if (count === 0) throw new ReplyTemplateNotFoundError()
		await recordAudit(tx, {
			action: 'reply-template.saved',
			actor,
			detail: { templateId: id, language: input.language, purpose: input.purpose },
		})
	})
}

export async function deleteReplyTemplate(actor: StaffActor, id: string) {
	requirePermission(actor, 'templates:manage')
	await prisma.$transaction(async (tx) => {
		const { count } = await tx.replyTemplate.deleteMany({ where: { id } })
		if (count === 0) throw new ReplyTemplateNotFoundError()
		await recordAudit(tx, { action: 'reply-template.deleted', actor, detail: { templateId: id } })
	})
}

export class ReplyTemplateNotFoundError extends Error {
	constructor() {
		super('reply template not found')
	}
}
