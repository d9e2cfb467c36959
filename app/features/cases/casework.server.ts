// Changing a case: classification, status, services, notes, messages to the
// reporter, assignment, early deletion. Every function takes the acting
// staff member, works only on cases in their scope (CaseNotFoundError
// otherwise, which the route turns into a 404) and is audited.
import { randomUUID } from 'node:crypto'
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import { prisma, toBytes } from '~/platform/db.server'
import type { CaseStatusName, ServiceType } from '~/platform/taxonomy'
import { recordAudit } from '../audit/audit.server'
import { findCaseInScope, grantCaseKey, openCaseKey } from './case-access.server'
import {
	ASSIGNABLE,
	can,
	HOLDS_EVERY_CASE_KEY,
	requirePermission,
	rolesWith,
} from '~/platform/permissions'
import { erasePersonalData } from './personal-data.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export class CaseNotFoundError extends Error {
	constructor() {
		super('no such case in scope')
	}
}

/** The key is needed to write content; a missing grant is a state the page explains. */
export class CaseKeyUnavailableError extends Error {
	constructor() {
		super('no grant for this case')
	}
}

async function caseInScope(actor: StaffActor, reference: string) {
	const found = await findCaseInScope(actor, reference)
	if (!found) throw new CaseNotFoundError()
	return found
}

async function caseKeyFor(actor: StaffActor, caseId: string) {
	const key = await openCaseKey(actor, caseId)
	if (!key) throw new CaseKeyUnavailableError()
	return key
}

export type Classification = {
	requesterType: string | null
	areas: string[]
	forms: string[]
	motives: string[]
	actors: string[]
}

export async function classifyCase(actor: StaffActor, reference: string, value: Classification) {
	const found = await caseInScope(actor, reference)
	await prisma.case.update({ where: { id: found.id }, data: value, select: { id: true } })
	await recordAudit({
		action: 'case.classified',
		actor,
		caseId: found.id,
		caseReference: found.reference,
		detail: value,
	})
}

export async function changeStatus(
	actor: StaffActor,
	reference: string,
	to: CaseStatusName,
	outcome: string | null,
) {
	const found = await caseInScope(actor, reference)
	if (to === 'NOT_DISCRIMINATION') requirePermission(actor, 'case:work-all')
	if (found.status === to && !outcome) return
	const closing = to === 'CLOSED' || to === 'NOT_DISCRIMINATION'
	await prisma.$transaction([
		prisma.case.update({
			where: { id: found.id },
			data: {
				status: to,
				closedAt: closing ? new Date() : null,
				outcome: closing ? outcome : null,
			},
			select: { id: true },
		}),
		prisma.caseStatusChange.create({
			data: { caseId: found.id, fromStatus: found.status, toStatus: to, staffUserId: actor.id },
			select: { id: true },
		}),
	])
	await recordAudit({
		action: 'case.status',
		actor,
		caseId: found.id,
		caseReference: found.reference,
		detail: { from: found.status, to, outcome },
	})
}

export async function addService(
	actor: StaffActor,
	reference: string,
	service: { type: ServiceType; providedOn: Date; minutes: number },
) {
	const found = await caseInScope(actor, reference)
	await prisma.counsellingService.create({
		data: { caseId: found.id, staffUserId: actor.id, ...service },
		select: { id: true },
	})
	await recordAudit({
		action: 'case.service-added',
		actor,
		caseId: found.id,
		caseReference: found.reference,
		detail: { type: service.type, minutes: service.minutes },
	})
}

export async function addNote(actor: StaffActor, reference: string, text: string) {
	const found = await caseInScope(actor, reference)
	const caseKey = await caseKeyFor(actor, found.id)
	const id = randomUUID()
	await prisma.note.create({
		data: {
			id,
			caseId: found.id,
			staffUserId: actor.id,
			body: toBytes(encryptCaseField(caseKey, found.id, `note:${id}`, text)),
		},
		select: { id: true },
	})
	caseKey.fill(0)
	await recordAudit({
		action: 'case.note-added',
		actor,
		caseId: found.id,
		caseReference: found.reference,
	})
}

/** A message to the reporter: encrypted with the case key, shown on their follow-up page. */
export async function sendMessageToReporter(actor: StaffActor, reference: string, text: string) {
	const found = await caseInScope(actor, reference)
	const caseKey = await caseKeyFor(actor, found.id)
	const id = randomUUID()
	await prisma.$transaction([
		prisma.message.create({
			data: {
				id,
				caseId: found.id,
				author: 'STAFF',
				staffUserId: actor.id,
				body: toBytes(encryptCaseField(caseKey, found.id, `message:${id}`, text)),
			},
			select: { id: true },
		}),
		// Writing to the reporter means the case is being worked on.
		prisma.case.updateMany({
			where: { id: found.id, status: 'NEW' },
			data: { status: 'IN_PROGRESS' },
		}),
	])
	caseKey.fill(0)
	await recordAudit({
		action: 'case.message-sent',
		actor,
		caseId: found.id,
		caseReference: found.reference,
	})
}

/**
 * The lead assigns a case: the case key, opened with the lead's own grant,
 * is wrapped to the counsellor's public key; the previous counsellor's grant
 * is removed (a lead keeps theirs).
 */
export async function assignCase(actor: StaffActor, reference: string, assigneeId: string | null) {
	requirePermission(actor, 'case:work-all')
	const found = await caseInScope(actor, reference)
	const previous = found.assignedToId
	if (previous === assigneeId) return
	const assignee = assigneeId
		? await prisma.staffUser.findFirst({
				where: { id: assigneeId, active: true, role: { in: rolesWith(ASSIGNABLE) } },
				select: { id: true, role: true, publicKey: true },
			})
		: null
	if (assigneeId && !assignee) throw new CaseNotFoundError()
	const caseKey = assignee ? await caseKeyFor(actor, found.id) : null
	const previousRole = previous
		? (await prisma.staffUser.findUnique({ where: { id: previous }, select: { role: true } }))?.role
		: null
	await prisma.$transaction(async (tx) => {
		if (previous && previousRole && !can(previousRole, HOLDS_EVERY_CASE_KEY)) {
			await tx.caseKeyGrant.deleteMany({
				where: { caseId: found.id, holder: 'STAFF', staffUserId: previous },
			})
			await tx.pendingGrant.deleteMany({ where: { caseId: found.id, staffUserId: previous } })
		}
		if (assignee && caseKey) {
			await grantCaseKey(tx, {
				caseId: found.id,
				staffUserId: assignee.id,
				publicKey: assignee.publicKey,
				caseKey,
			})
		}
		await tx.case.update({
			where: { id: found.id },
			data: {
				assignedToId: assignee?.id ?? null,
				status: found.status === 'NEW' && assignee ? 'IN_PROGRESS' : undefined,
			},
			select: { id: true },
		})
		if (found.status === 'NEW' && assignee) {
			await tx.caseStatusChange.create({
				data: {
					caseId: found.id,
					fromStatus: 'NEW',
					toStatus: 'IN_PROGRESS',
					staffUserId: actor.id,
				},
				select: { id: true },
			})
		}
	})
	caseKey?.fill(0)
	await recordAudit({
		action: 'case.assigned',
		actor,
		caseId: found.id,
		caseReference: found.reference,
		targetUserId: assignee?.id ?? null,
		detail: { from: previous, to: assignee?.id ?? null },
	})
}

/** The lead deletes a case's personal data before the retention period ends (on request). */
export async function deletePersonalDataEarly(actor: StaffActor, reference: string) {
	requirePermission(actor, 'case:work-all')
	const found = await caseInScope(actor, reference)
	await erasePersonalData(found.id, 'on_request')
	await recordAudit({
		action: 'case.personal-data-deleted',
		actor,
		caseId: found.id,
		caseReference: found.reference,
		detail: { reason: 'on_request' },
	})
}
