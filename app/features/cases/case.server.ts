// Reading cases: the inbox (metadata only, never content) and the case page
// (content decrypted with the actor's own grant, every read audited).
import { decryptCaseField, decryptCaseText } from '~/platform/crypto/case-fields.server'
import { prisma } from '~/platform/db.server'
import type { CaseStatusName } from '~/platform/taxonomy'
import { ASSIGNABLE, can, rolesWith } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import {
	caseInScopeWhere,
	caseScope,
	findCaseInScope,
	normalizedReference,
	openCaseKey,
} from './case-access.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
import type { StaffActor } from '../staff-auth/staff-session.server'

export const INBOX_PAGE_SIZE = 25

export type InboxView = 'new' | 'mine' | 'all'

export type InboxFilter = {
	view: InboxView
	status?: CaseStatusName
	assigneeId?: string
	area?: string
	requesterType?: string
	from?: Date
	to?: Date
	reference?: string
	page: number
}

function inboxWhere(actor: StaffActor, filter: InboxFilter): Prisma.CaseWhereInput {
	const conditions: Prisma.CaseWhereInput[] = [caseScope(actor)]
	if (filter.view === 'new') conditions.push({ status: 'NEW' })
	if (filter.view === 'mine') conditions.push({ assignedToId: actor.id })
	if (filter.status) conditions.push({ status: filter.status })
	if (filter.assigneeId === 'none') conditions.push({ assignedToId: null })
	else if (filter.assigneeId) conditions.push({ assignedToId: filter.assigneeId })
	if (filter.area) {
		// The counsellor's classification once there is one, else the reporter's answer.
		conditions.push({
			OR: [
				{ areas: { has: filter.area } },
				{ areas: { isEmpty: true }, reportedAreas: { has: filter.area } },
			],
		})
	}
	if (filter.requesterType) {
		conditions.push({
			OR: [
				{ requesterType: filter.requesterType },
				{ requesterType: null, reportedRequesterType: filter.requesterType },
			],
		})
	}
	if (filter.from || filter.to)
		conditions.push({ receivedOn: { gte: filter.from, lte: filter.to } })
	if (filter.reference) {
		conditions.push({ reference: { contains: filter.reference.trim().toUpperCase() } })
	}
	return { AND: conditions }
}

export async function listCases(actor: StaffActor, filter: InboxFilter) {
	const where = inboxWhere(actor, filter)
	const page = Math.max(1, filter.page)
	const [cases, total] = await Promise.all([
		prisma.case.findMany({
			where,
			orderBy: [{ receivedOn: 'desc' }, { reference: 'desc' }],
			skip: (page - 1) * INBOX_PAGE_SIZE,
			take: INBOX_PAGE_SIZE,
			select: {
				reference: true,
				status: true,
				channel: true,
				receivedOn: true,
				requesterType: true,
				reportedRequesterType: true,
				areas: true,
				reportedAreas: true,
				personalDataDeletedAt: true,
				assignedTo: { select: { displayName: true } },
			},
		}),
		prisma.case.count({ where }),
	])
	return {
		cases: cases.map((row) => ({
			reference: row.reference,
			status: row.status,
			channel: row.channel,
			receivedOn: row.receivedOn.toISOString().slice(0, 10),
			requesterType: row.requesterType ?? row.reportedRequesterType,
			areas: row.areas.length ? row.areas : row.reportedAreas,
			assignee: row.assignedTo?.displayName ?? null,
			personalDataDeleted: row.personalDataDeletedAt !== null,
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
	}
}

/** Staff who can be assigned a case (for the lead's triage and the inbox filter). */
export async function listAssignableStaff(actor: StaffActor) {
	if (!can(actor.role, 'case:work-all')) return []
	return prisma.staffUser.findMany({
		where: { active: true, role: { in: rolesWith(ASSIGNABLE) } },
		orderBy: { displayName: 'asc' },
		select: { id: true, displayName: true, role: true },
	})
}

const CASE_PAGE_SELECT = {
	id: true,
	reference: true,
	status: true,
	channel: true,
	receivedOn: true,
	closedAt: true,
	outcome: true,
	reportedRequesterType: true,
	reportedIncidentMonth: true,
	reportedIncidentYear: true,
	reportedOngoing: true,
	reportedAreas: true,
	reportedForms: true,
	reportedMotives: true,
	reportedActors: true,
	reportedAgeGroup: true,
	reportedGender: true,
	reportedNationality: true,
	reportedResidence: true,
	reportedWishes: true,
	interpreterNeeded: true,
	requesterType: true,
	areas: true,
	forms: true,
	motives: true,
	actors: true,
	personalDataDeletedAt: true,
	personalDataDeletion: true,
	narrative: true,
	place: true,
	otherAnswers: true,
	contact: true,
	interpreterLanguage: true,
	assignedTo: { select: { id: true, displayName: true } },
	messages: {
		orderBy: { createdAt: 'asc' },
		select: { id: true, author: true, body: true, createdAt: true, staffUserId: true },
	},
	notes: {
		orderBy: { createdAt: 'asc' },
		select: { id: true, body: true, createdAt: true, staffUserId: true },
	},
	attachments: {
		orderBy: { createdAt: 'asc' },
		select: { id: true, mediaType: true, sizeBytes: true, name: true, messageId: true },
	},
	services: {
		orderBy: { providedOn: 'asc' },
		select: { id: true, type: true, providedOn: true, minutes: true },
	},
	statusChanges: {
		orderBy: { at: 'asc' },
		select: { fromStatus: true, toStatus: true, at: true, staffUserId: true },
	},
} satisfies Prisma.CaseSelect

/**
 * The case page's data, or null when the case is not in the actor's scope
 * (the attempt is audited). Content is decrypted only through the actor's
 * own grant; without one (a lead whose grant is still pending) the page
 * shows the case without content.
 */
export async function openCase(actor: StaffActor, reference: string) {
	// One query: the case page's data only if the case is in scope.
	const where = caseInScopeWhere(actor, reference)
	const found = where ? await prisma.case.findFirst({ where, select: CASE_PAGE_SELECT }) : null
	if (!found) {
		await recordAudit({
			action: 'case.read.denied',
			actor,
			caseReference: normalizedReference(reference),
		})
		return null
	}
	const caseKey = found.personalDataDeletedAt ? null : await openCaseKey(actor, found.id)
	await recordAudit({
		action: 'case.read',
		actor,
		caseId: found.id,
		caseReference: found.reference,
		detail: { content: caseKey !== null },
	})
	const staffNames = await staffNamesOf([
		...found.messages.map((m) => m.staffUserId),
		...found.notes.map((n) => n.staffUserId),
		...found.statusChanges.map((s) => s.staffUserId),
	])
	const text = (field: Parameters<typeof decryptCaseText>[2], sealed: Uint8Array | null) =>
		caseKey && sealed ? decryptCaseText(caseKey, found.id, field, sealed) : null
	const json = (field: 'otherAnswers' | 'contact', sealed: Uint8Array | null) => {
		const value = text(field, sealed)
		return value ? (JSON.parse(value) as Record<string, string>) : null
	}
	const view = {
		reference: found.reference,
		status: found.status,
		channel: found.channel,
		receivedOn: found.receivedOn.toISOString().slice(0, 10),
		closedAt: found.closedAt?.toISOString() ?? null,
		outcome: found.outcome,
		assignee: found.assignedTo,
		readable: caseKey !== null,
		personalDataDeletedAt: found.personalDataDeletedAt?.toISOString() ?? null,
		personalDataDeletion: found.personalDataDeletion,
		reported: {
			requesterType: found.reportedRequesterType,
			incidentMonth: found.reportedIncidentMonth,
			incidentYear: found.reportedIncidentYear,
			ongoing: found.reportedOngoing,
			areas: found.reportedAreas,
			forms: found.reportedForms,
			motives: found.reportedMotives,
			actors: found.reportedActors,
			ageGroup: found.reportedAgeGroup,
			gender: found.reportedGender,
			nationalityGroup: found.reportedNationality,
			residenceStatus: found.reportedResidence,
			wishes: found.reportedWishes,
			interpreterNeeded: found.interpreterNeeded,
		},
		classification: {
			requesterType: found.requesterType,
			areas: found.areas,
			forms: found.forms,
			motives: found.motives,
			actors: found.actors,
		},
		narrative: text('narrative', found.narrative),
		place: text('place', found.place),
		otherAnswers: json('otherAnswers', found.otherAnswers),
		contact: json('contact', found.contact),
		interpreterLanguage: text('interpreterLanguage', found.interpreterLanguage),
		messages: found.messages.map((message) => ({
			id: message.id,
			fromReporter: message.author === 'REPORTER',
			author: message.staffUserId ? (staffNames.get(message.staffUserId) ?? null) : null,
			at: message.createdAt.toISOString(),
			text: text(`message:${message.id}`, message.body),
		})),
		notes: found.notes.map((note) => ({
			id: note.id,
			author: note.staffUserId ? (staffNames.get(note.staffUserId) ?? null) : null,
			at: note.createdAt.toISOString(),
			text: text(`note:${note.id}`, note.body),
		})),
		attachments: found.attachments.map((attachment) => ({
			id: attachment.id,
			mediaType: attachment.mediaType,
			sizeBytes: attachment.sizeBytes,
			messageId: attachment.messageId,
			name: text(`attachmentName:${attachment.id}`, attachment.name),
		})),
		services: found.services.map((service) => ({
			id: service.id,
			type: service.type,
			providedOn: service.providedOn.toISOString().slice(0, 10),
			minutes: service.minutes,
		})),
		history: found.statusChanges.map((change) => ({
			from: change.fromStatus,
			to: change.toStatus,
			at: change.at.toISOString(),
			by: change.staffUserId ? (staffNames.get(change.staffUserId) ?? null) : null,
		})),
	}
	caseKey?.fill(0)
	return view
}

export type CaseView = NonNullable<Awaited<ReturnType<typeof openCase>>>

async function staffNamesOf(ids: Array<string | null>): Promise<Map<string, string>> {
	const unique = [...new Set(ids.filter((id): id is string => id !== null))]
	if (unique.length === 0) return new Map()
	const staff = await prisma.staffUser.findMany({
		where: { id: { in: unique } },
		select: { id: true, displayName: true },
	})
	return new Map(staff.map((member) => [member.id, member.displayName]))
}

/** One attachment, decrypted, for download; null when out of scope or unreadable. */
export async function readAttachment(actor: StaffActor, reference: string, attachmentId: string) {
	const inScope = await findCaseInScope(actor, reference)
	if (!inScope) {
		await recordAudit({
			action: 'case.read.denied',
			actor,
			caseReference: normalizedReference(reference),
		})
		return null
	}
	if (!UUID.test(attachmentId)) return null
	const attachment = await prisma.attachment.findFirst({
		where: { id: attachmentId, caseId: inScope.id },
		select: { id: true, mediaType: true, name: true, content: true },
	})
	const caseKey = attachment ? await openCaseKey(actor, inScope.id) : null
	if (!attachment || !caseKey) return null
	await recordAudit({
		action: 'case.attachment-read',
		actor,
		caseId: inScope.id,
		caseReference: inScope.reference,
		detail: { attachmentId },
	})
	const file = {
		mediaType: attachment.mediaType,
		name: decryptCaseText(caseKey, inScope.id, `attachmentName:${attachment.id}`, attachment.name),
		content: decryptCaseField(
			caseKey,
			inScope.id,
			`attachment:${attachment.id}`,
			attachment.content,
		),
	}
	caseKey.fill(0)
	return file
}
