// When someone leaves (issue 12, item 7): a lead hands over every open case of
// an account in one step, the keys wrapped to the new assignee and the
// leaver's grants gone; an admin who deactivates an account with open cases
// sends them back to triage, and the account keeps no key to them.
import { expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { openCase } from '~/features/cases/case-page.server'
import {
	assignCase,
	countOpenCasesAssignedTo,
	handOverOpenCases,
	listCaseloads,
} from '~/features/cases/assignment.server'
import { changeStatus } from '~/features/cases/case-record.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import { setStaffActive } from '~/features/staff-admin/staff-accounts.server'
import { createSignedInStaff } from '../support/staff'

const intake = (narrative: string) =>
	IntakeSchema.parse({
		narrative,
		areas: ['work'],
		forms: ['insult'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	})

test('a leaver’s open cases go to a colleague in one step; closed ones stay', async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	const lead = await createSignedInStaff('LEAD', 'handover-lead')
	const leaver = await createSignedInStaff('COUNSELLOR', 'handover-leaver')
	const colleague = await createSignedInStaff('COUNSELLOR', 'handover-colleague')
	const references: string[] = []
	for (const narrative of ['Handover one', 'Handover two', 'Handover three']) {
		const { reference } = await createRequest(intake(narrative), [])
		await assignCase(lead.actor, reference, leaver.user.id)
		references.push(reference)
	}
	await changeStatus(lead.actor, references[2]!, 'CLOSED', 'resolved')
	const before = (await listCaseloads(lead.actor)).find((row) => row.id === leaver.user.id)
	expect(before?.openCases).toBe(2)

	expect(await handOverOpenCases(lead.actor, leaver.user.id, colleague.user.id)).toBe(2)

	for (const reference of references.slice(0, 2)) {
		expect((await openCase(colleague.actor, reference))?.readable).toBe(true)
		expect(await openCase(leaver.actor, reference)).toBeNull()
	}
	// The closed case was not part of the handover.
	expect((await openCase(leaver.actor, references[2]!))?.readable).toBe(true)
	const moves = await prisma.auditEvent.count({
		where: { action: 'case.assigned', actorId: lead.user.id, targetUserId: colleague.user.id },
	})
	expect(moves).toBe(2)
})

test('deactivating an account with open cases returns them to triage without its keys', async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	const lead = await createSignedInStaff('LEAD', 'deactivate-lead')
	const admin = await createSignedInStaff('ADMIN', 'deactivate-admin')
	const leaver = await createSignedInStaff('COUNSELLOR', 'deactivate-leaver')
	const { reference } = await createRequest(intake('Deactivation narrative'), [])
	await assignCase(lead.actor, reference, leaver.user.id)
	expect(await countOpenCasesAssignedTo(admin.actor, leaver.user.id)).toBe(1)

	await setStaffActive(admin.actor, leaver.user.id, false)

	const found = await prisma.case.findUniqueOrThrow({
		where: { reference },
		select: { id: true, assignedToId: true },
	})
	expect(found.assignedToId).toBeNull()
	expect(
		await prisma.caseKeyGrant.count({ where: { caseId: found.id, staffUserId: leaver.user.id } }),
	).toBe(0)
	expect((await openCase(lead.actor, reference))?.readable).toBe(true)
})
