// The counsellor's mark that a case may be an offence prosecuted only on
// complaint (Antragsdelikt), for the case page's deadline hint. It is part of
// the case's content: encrypted under the case key as "1" or "0", one byte
// either way, so that neither the column nor the ciphertext's length tells
// whether a case is marked. The audit entry records that it changed, not how.
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import { prisma, toBytes } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import { lockCaseInScope, requireCaseInScope, requireCaseKey } from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export async function markComplaintOffence(actor: StaffActor, reference: string, marked: boolean) {
	const seen = await requireCaseInScope(prisma, actor, reference)
	const caseKey = await requireCaseKey(prisma, actor, seen.id)
	const complaintOffence = toBytes(
		encryptCaseField(caseKey, seen.id, 'complaintOffence', marked ? '1' : '0'),
	)
	caseKey.fill(0)
	await prisma.$transaction(async (tx) => {
		const found = await lockCaseInScope(tx, actor, reference)
		await tx.case.update({
			where: { id: found.id },
			data: { complaintOffence },
			select: { id: true },
		})
		await recordAudit(tx, {
			action: 'case.complaint-offence-marked',
			actor,
			caseId: found.id,
			caseReference: found.reference,
		})
	})
}
