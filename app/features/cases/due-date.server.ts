// A case's follow-up date ("Wiedervorlage"): the day, in the clear, for the
// inbox's due queue, and a short reason, encrypted under the case key. Who
// may work the case sets and clears it (its assignee, or a lead); each change
// is written with its audit entry under the case's row lock. Only an open
// case has one: closing clears it (case-record.server.ts).
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import { prisma, toBytes } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import { lockCaseInScope, requireCaseInScope, requireCaseKey } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

/** A closed case is not followed up: the page explains it. */
export class CaseClosedError extends Error {
	constructor() {
		super('the case is closed')
	}
}

/** Whether a follow-up date has come: both are calendar days, "today" the office's. */
export function dueStateOf(dueOn: Date, today: Date): 'overdue' | 'today' | 'later' {
	if (dueOn < today) return 'overdue'
	return dueOn.getTime() === today.getTime() ? 'today' : 'later'
}

const isOpen = (status: string) => status === 'NEW' || status === 'IN_PROGRESS'

export async function setDueDate(
	actor: StaffActor,
	reference: string,
	dueOn: Date,
	reason: string | null,
) {
	// The reason is sealed before the transaction; without one, no key is needed.
	const seen = await requireCaseInScope(prisma, actor, reference)
	let dueReason: Uint8Array<ArrayBuffer> | null = null
	if (reason) {
		const caseKey = await requireCaseKey(prisma, actor, seen.id)
		dueReason = toBytes(encryptCaseField(caseKey, seen.id, 'dueReason', reason))
		caseKey.fill(0)
	}
	await prisma.$transaction(async (tx) => {
		const found = await lockCaseInScope(tx, actor, reference)
		if (!isOpen(found.status)) throw new CaseClosedError()
		await tx.case.update({
			where: { id: found.id },
			data: { dueOn, dueReason },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'case.due-date-set',
			actor,
			caseId: found.id,
			caseReference: found.reference,
			detail: { dueOn: dueOn.toISOString().slice(0, 10) },
		})
	})
}

export async function clearDueDate(actor: StaffActor, reference: string) {
	await prisma.$transaction(async (tx) => {
		const found = await lockCaseInScope(tx, actor, reference)
		const { count } = await tx.case.updateMany({
			where: { id: found.id, dueOn: { not: null } },
			data: { dueOn: null, dueReason: null },
		})
		// Nothing was due: nothing changed, nothing to record.
		if (count === 0) return
		await recordAudit(tx, {
			action: 'case.due-date-cleared',
			actor,
			caseId: found.id,
			caseReference: found.reference,
		})
	})
}
