// A case's record, what the statistics and the history are made of: the
// counsellor's classification, the status and outcome, the counselling
// services. Each function takes the acting staff member, works only on a
// case in their scope (CaseNotFoundError otherwise, which the route turns
// into a 404) and writes the change and its audit entry in one transaction.
import { prisma } from '~/platform/db.server'
import type { CaseStatusName, ServiceType } from '~/platform/taxonomy'
import { requirePermission } from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import { lockCaseInScope, requireCaseInScope } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export type Classification = {
	requesterType: string | null
	areas: string[]
	forms: string[]
	motives: string[]
	actors: string[]
}

export async function classifyCase(actor: StaffActor, reference: string, value: Classification) {
	await prisma.$transaction(async (tx) => {
		const found = await requireCaseInScope(tx, actor, reference)
		await tx.case.update({ where: { id: found.id }, data: value, select: { id: true } })
		await recordAudit(tx, {
			action: 'case.classified',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			detail: value,
		})
	})
}

/** The person withdrew the request: the case stays closed (decision 0022). */
export class CaseWithdrawnError extends Error {
	constructor() {
		super('the person withdrew the request')
	}
}

export async function changeStatus(
	actor: StaffActor,
	reference: string,
	to: CaseStatusName,
	outcome: string | null,
) {
	const closing = to === 'CLOSED' || to === 'NOT_DISCRIMINATION'
	// StatusSchema says so to the person; this holds for every other caller.
	if (to === 'CLOSED' && !outcome) throw new Error('a case is closed with an outcome')
	await prisma.$transaction(async (tx) => {
		// Locked: the history's "from" is the status the case really had.
		const found = await lockCaseInScope(tx, actor, reference)
		if (to === 'NOT_DISCRIMINATION') requirePermission(actor, 'case:work-all')
		const deletion = await tx.case.findUniqueOrThrow({
			where: { id: found.id },
			select: { personalDataDeletion: true },
		})
		if (deletion.personalDataDeletion === 'withdrawn') throw new CaseWithdrawnError()
		if (found.status === to && !outcome) return
		await tx.case.update({
			where: { id: found.id },
			data: {
				status: to,
				closedAt: closing ? new Date() : null,
				outcome: closing ? outcome : null,
				// A closed case waits for nothing and is not followed up (decision 0019).
				...(closing ? { waitingSince: null, dueOn: null, dueReason: null } : {}),
			},
			select: { id: true },
		})
		await tx.caseStatusChange.create({
			data: { caseId: found.id, fromStatus: found.status, toStatus: to, staffUserId: actor.id },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'case.status',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			detail: { from: found.status, to, outcome },
		})
	})
}

export async function addService(
	actor: StaffActor,
	reference: string,
	service: { type: ServiceType; providedOn: Date; minutes: number },
) {
	await prisma.$transaction(async (tx) => {
		const found = await requireCaseInScope(tx, actor, reference)
		await tx.counsellingService.create({
			data: { caseId: found.id, staffUserId: actor.id, ...service },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'case.service-added',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			detail: { type: service.type, minutes: service.minutes },
		})
	})
}
