// The case page: one case's data, its content decrypted with the actor's own
// grant, every read (and every refused one) audited in the same transaction.
import { localMinute } from '~/platform/calendar-day'
import { decryptCaseText } from '~/platform/crypto/case-fields.server'
import { calendarDay } from '~/platform/calendar-day'
import { prisma } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit/audit.server'
import { dueStateOf } from './due-date.server'
import {
	caseInScopeWhere,
	findOwnGrant,
	normalizedReference,
	openOwnGrant,
} from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** Who wrote a message or note, or changed the status. */
const AUTHOR = { select: { displayName: true } } as const

/** The case's own fields and its assignee. */
const CASE_SELECT = {
	id: true,
	reference: true,
	status: true,
	channel: true,
	responseWish: true,
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
	reportedAnswers: true,
	waitingSince: true,
	dueOn: true,
	dueReason: true,
	complaintOffence: true,
	assignedTo: { select: { id: true, displayName: true } },
} satisfies Prisma.CaseSelect

type ReportedAnswers = {
	incidentMonth: number | null
	incidentYear: number | null
	ongoing: string | null
	forms: string[]
	motives: string[]
	actors: string[]
	wishes: string[]
	interpreterNeeded: string | null
}

/**
 * The reporter's answers that only the case page shows: decrypted from
 * `reportedAnswers`, or, for a request stored before they were encrypted
 * (migration "clear_columns"), from their old clear columns. Without the key
 * (or after an early deletion) a new request shows none of them.
 */
function reportedAnswersOf(
	row: Prisma.CaseGetPayload<{ select: typeof CASE_SELECT }>,
	sealed: string | null,
): ReportedAnswers {
	if (sealed) {
		const value = JSON.parse(sealed) as Partial<ReportedAnswers>
		return {
			incidentMonth: value.incidentMonth ?? null,
			incidentYear: value.incidentYear ?? null,
			ongoing: value.ongoing ?? null,
			forms: value.forms ?? [],
			motives: value.motives ?? [],
			actors: value.actors ?? [],
			wishes: value.wishes ?? [],
			interpreterNeeded: value.interpreterNeeded ?? null,
		}
	}
	return {
		incidentMonth: row.reportedIncidentMonth,
		incidentYear: row.reportedIncidentYear,
		ongoing: row.reportedOngoing,
		forms: row.reportedForms,
		motives: row.reportedMotives,
		actors: row.reportedActors,
		wishes: row.reportedWishes,
		interpreterNeeded: row.interpreterNeeded,
	}
}

/**
 * The case page's data in the actor's scope, or null, read one query after
 * another: a transaction has one connection, and the sibling relations of
 * one select would be sent at once, which node-postgres only queues (with a
 * deprecation warning).
 */
async function readCasePage(
	tx: Prisma.TransactionClient,
	actor: StaffActor,
	where: Prisma.CaseWhereInput,
) {
	const found = await tx.case.findFirst({ where, select: CASE_SELECT })
	if (!found) return null
	const caseId = found.id
	const messages = await tx.message.findMany({
		where: { caseId },
		orderBy: { position: 'asc' },
		select: {
			id: true,
			author: true,
			body: true,
			sentOn: true,
			position: true,
			staffUser: AUTHOR,
		},
	})
	const notes = await tx.note.findMany({
		where: { caseId },
		orderBy: { createdAt: 'asc' },
		select: { id: true, body: true, createdAt: true, staffUser: AUTHOR },
	})
	const attachments = await tx.attachment.findMany({
		where: { caseId },
		orderBy: { position: 'asc' },
		select: { id: true, mediaType: true, name: true, messageId: true },
	})
	const services = await tx.counsellingService.findMany({
		where: { caseId },
		orderBy: { providedOn: 'asc' },
		select: { id: true, type: true, providedOn: true, minutes: true, staffUser: AUTHOR },
	})
	const statusChanges = await tx.caseStatusChange.findMany({
		where: { caseId },
		orderBy: { at: 'asc' },
		select: { fromStatus: true, toStatus: true, at: true, staffUser: AUTHOR },
	})
	const assignments = await readAssignments(tx, caseId)
	const sealedKey = await findOwnGrant(tx, actor, caseId)
	const read = await tx.caseRead.findUnique({
		where: { caseId_staffUserId: { caseId, staffUserId: actor.id } },
		select: { readUpTo: true },
	})
	return {
		...found,
		messages,
		notes,
		attachments,
		services,
		statusChanges,
		assignments,
		sealedKey,
		readUpTo: read?.readUpTo ?? 0,
	}
}

/**
 * Who was given the case, when and by whom: the audit log is the record of
 * every assignment (assignment.server.ts writes one entry per move), so the
 * case keeps no second history of its own.
 */
async function readAssignments(tx: Prisma.TransactionClient, caseId: string) {
	const entries = await tx.auditEvent.findMany({
		where: { caseId, action: 'case.assigned' },
		orderBy: { id: 'asc' },
		select: { at: true, actor: AUTHOR, detail: true },
	})
	const idOf = (value: unknown) => (typeof value === 'string' ? value : null)
	const details = entries.map((entry) => {
		const detail = (entry.detail ?? {}) as Record<string, unknown>
		return {
			from: idOf(detail.from),
			to: idOf(detail.to),
			released: detail.reason === 'deactivated',
		}
	})
	const ids = [
		...new Set(details.flatMap(({ from, to }) => [from, to]).filter((id) => id !== null)),
	]
	const names = new Map(
		ids.length
			? (
					await tx.staffUser.findMany({
						where: { id: { in: ids } },
						select: { id: true, displayName: true },
					})
				).map((user) => [user.id, user.displayName])
			: [],
	)
	return entries.map((entry, index) => {
		const { from, to, released } = details[index]!
		return {
			at: entry.at,
			by: entry.actor?.displayName ?? null,
			from: from ? (names.get(from) ?? null) : null,
			to: to ? (names.get(to) ?? null) : null,
			released,
		}
	})
}

/**
 * The actor has now read the case's messages up to its last one: the inbox
 * no longer counts them as unread for them. Only when the page shows the
 * content: whoever sees the case without it has read nothing.
 */
async function markRead(
	tx: Prisma.TransactionClient,
	actor: StaffActor,
	caseId: string,
	readUpTo: number,
) {
	await tx.caseRead.upsert({
		where: { caseId_staffUserId: { caseId, staffUserId: actor.id } },
		create: { caseId, staffUserId: actor.id, readUpTo },
		update: { readUpTo },
		select: { readUpTo: true },
	})
}

/**
 * The case page's data, or null when the case is not in the actor's scope
 * (the attempt is audited). Content is decrypted only through the actor's
 * own grant; without one (a lead whose grant is still pending) the page
 * shows the case without content.
 */
export async function openCase(actor: StaffActor, reference: string) {
	const where = caseInScopeWhere(actor, reference)
	// The read and its audit entry in one transaction: no case is shown
	// whose reading was not recorded.
	const found = await prisma.$transaction(async (tx) => {
		const row = where ? await readCasePage(tx, actor, where) : null
		if (!row) {
			await recordAudit(tx, {
				action: 'case.read.denied',
				actor,
				caseReference: normalizedReference(reference),
			})
			return null
		}
		const content = !row.personalDataDeletedAt && row.sealedKey !== null
		const lastPosition = row.messages.at(-1)?.position ?? 0
		if (content && lastPosition > row.readUpTo) await markRead(tx, actor, row.id, lastPosition)
		await recordAudit(tx, {
			action: 'case.read',
			actor,
			caseId: row.id,
			caseReference: row.reference,
			detail: { content },
		})
		return row
	})
	if (!found) return null
	const caseKey = found.personalDataDeletedAt ? null : openOwnGrant(actor, found.sealedKey)
	const text = (field: Parameters<typeof decryptCaseText>[2], sealed: Uint8Array | null) =>
		caseKey && sealed ? decryptCaseText(caseKey, found.id, field, sealed) : null
	const json = (field: 'otherAnswers' | 'contact', sealed: Uint8Array | null) => {
		const value = text(field, sealed)
		return value ? (JSON.parse(value) as Record<string, string>) : null
	}
	const answers = reportedAnswersOf(found, text('reportedAnswers', found.reportedAnswers))
	const today = calendarDay(new Date())
	const view = {
		reference: found.reference,
		status: found.status,
		channel: found.channel,
		responseWish: found.responseWish,
		receivedOn: found.receivedOn.toISOString().slice(0, 10),
		closedAt: found.closedAt?.toISOString() ?? null,
		outcome: found.outcome,
		assignee: found.assignedTo,
		readable: caseKey !== null,
		today: today.toISOString().slice(0, 10),
		waitingSince: found.waitingSince?.toISOString().slice(0, 10) ?? null,
		due: found.dueOn
			? {
					on: found.dueOn.toISOString().slice(0, 10),
					state: dueStateOf(found.dueOn, today),
					reason: text('dueReason', found.dueReason),
				}
			: null,
		complaintOffence: text('complaintOffence', found.complaintOffence) === '1',
		personalDataDeletedAt: found.personalDataDeletedAt?.toISOString() ?? null,
		personalDataDeletion: found.personalDataDeletion,
		reported: {
			requesterType: found.reportedRequesterType,
			areas: found.reportedAreas,
			ageGroup: found.reportedAgeGroup,
			gender: found.reportedGender,
			nationalityGroup: found.reportedNationality,
			residenceStatus: found.reportedResidence,
			...answers,
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
			author: message.staffUser?.displayName ?? null,
			sentOn: message.sentOn.toISOString().slice(0, 10),
			// New to this reader since they last opened the case.
			unread: message.author === 'REPORTER' && message.position > found.readUpTo,
			text: text(`message:${message.id}`, message.body),
		})),
		notes: found.notes.map((note) => ({
			id: note.id,
			author: note.staffUser?.displayName ?? null,
			at: localMinute(note.createdAt),
			text: text(`note:${note.id}`, note.body),
		})),
		attachments: found.attachments.map((attachment) => ({
			id: attachment.id,
			mediaType: attachment.mediaType,
			messageId: attachment.messageId,
			name: text(`attachmentName:${attachment.id}`, attachment.name),
		})),
		services: found.services.map((service) => ({
			id: service.id,
			type: service.type,
			providedOn: service.providedOn.toISOString().slice(0, 10),
			minutes: service.minutes,
			by: service.staffUser?.displayName ?? null,
		})),
		history: found.statusChanges.map((change) => ({
			from: change.fromStatus,
			to: change.toStatus,
			at: localMinute(change.at),
			by: change.staffUser?.displayName ?? null,
		})),
		assignments: found.assignments.map((assignment) => ({
			...assignment,
			at: localMinute(assignment.at),
		})),
	}
	caseKey?.fill(0)
	return view
}

export type CaseView = NonNullable<Awaited<ReturnType<typeof openCase>>>
