// Reply templates (issue 12, item 5): a lead keeps text blocks per language,
// every change audited; counsellors read them for their messages but cannot
// change them; the message form's insert keeps what was typed.
import { expect, test } from 'vitest'
import { prisma } from '~/platform/db.server'
import { ForbiddenError } from '~/platform/permissions'
import {
	changeReplyTemplate,
	createReplyTemplate,
	deleteReplyTemplate,
	getReplyTemplate,
	listReplyTemplates,
	ReplyTemplateNotFoundError,
} from '~/features/reply-templates/reply-templates.server'
import { ReplyTemplateSchema } from '~/features/reply-templates/reply-template-schemas'
import { createSignedInStaff } from '../support/staff'

const acknowledgement = {
	language: 'ar',
	purpose: 'ACKNOWLEDGEMENT',
	title: 'Eingang (Arabisch)',
	body: 'شكراً لرسالتك. لقد استلمنا طلبك.',
} as const

test('a lead keeps templates per language; each change is audited', async () => {
	const lead = await createSignedInStaff('LEAD', 'templates-lead')
	const counsellor = await createSignedInStaff('COUNSELLOR', 'templates-counsellor')
	await createReplyTemplate(lead.actor, acknowledgement)
	await createReplyTemplate(lead.actor, {
		language: 'de',
		purpose: 'APPOINTMENT',
		title: 'Termin',
		body: 'Gerne vereinbaren wir einen Termin.',
	})

	const listed = await listReplyTemplates(counsellor.actor)
	expect(listed.map((template) => [template.language, template.purpose])).toEqual([
		['ar', 'ACKNOWLEDGEMENT'],
		['de', 'APPOINTMENT'],
	])
	const arabic = listed[0]!
	expect(await getReplyTemplate(counsellor.actor, arabic.id)).toMatchObject(acknowledgement)

	await changeReplyTemplate(lead.actor, arabic.id, { ...acknowledgement, title: 'Eingang' })
	expect((await getReplyTemplate(lead.actor, arabic.id))?.title).toBe('Eingang')
	await deleteReplyTemplate(lead.actor, arabic.id)
	expect(await getReplyTemplate(lead.actor, arabic.id)).toBeNull()
	await expect(deleteReplyTemplate(lead.actor, arabic.id)).rejects.toThrow(
		ReplyTemplateNotFoundError,
	)

	const entries = await prisma.auditEvent.findMany({
		where: { actorId: lead.user.id, action: { startsWith: 'reply-template.' } },
		orderBy: { id: 'asc' },
		select: { action: true, detail: true },
	})
	expect(entries.map((entry) => entry.action)).toEqual([
		'reply-template.saved',
		'reply-template.saved',
		'reply-template.saved',
		'reply-template.deleted',
	])
	// The audit names the template, its language and purpose: never its text.
	expect(JSON.stringify(entries)).not.toContain('استلمنا')
})

test('only a lead changes templates; the admin and statistics roles do not read them', async () => {
	const counsellor = await createSignedInStaff('COUNSELLOR', 'templates-only-counsellor')
	const admin = await createSignedInStaff('ADMIN', 'templates-admin')
	const statistics = await createSignedInStaff('STATISTICS', 'templates-statistics')
	await expect(createReplyTemplate(counsellor.actor, acknowledgement)).rejects.toThrow(
		ForbiddenError,
	)
	await expect(createReplyTemplate(admin.actor, acknowledgement)).rejects.toThrow(ForbiddenError)
	await expect(listReplyTemplates(admin.actor)).rejects.toThrow(ForbiddenError)
	await expect(listReplyTemplates(statistics.actor)).rejects.toThrow(ForbiddenError)
})

test('a template names a public language and a purpose, and has a title and a text', () => {
	expect(ReplyTemplateSchema.safeParse({ ...acknowledgement, language: 'xx' }).success).toBe(false)
	expect(ReplyTemplateSchema.safeParse({ ...acknowledgement, purpose: 'SPAM' }).success).toBe(false)
	expect(ReplyTemplateSchema.safeParse({ ...acknowledgement, body: '   ' }).success).toBe(false)
	expect(ReplyTemplateSchema.safeParse({ ...acknowledgement, title: 'x'.repeat(81) }).success).toBe(
		false,
	)
})
