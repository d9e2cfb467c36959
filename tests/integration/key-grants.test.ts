// Who holds a case's key as staff change (security-model.md): a new lead
// waits for a grant that another lead's session completes; a reset account
// gets a new key pair and its cases back through the recovery ceremony when
// no lead can help; assignment wraps the key to the counsellor.
import { expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { openCase } from '~/features/cases/case-page.server'
import { assignCase } from '~/features/cases/assignment.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import {
	completePendingGrants,
	completePendingGrantsWithRecoveryKey,
} from '~/features/cases/pending-grants.server'
import { createRequest } from '~/features/intake/store-request.server'
import {
	acceptInvitation,
	createPasswordResetLink,
} from '~/features/staff-admin/invitations.server'
import { createSignedInStaff } from '../support/staff'

const intake = IntakeSchema.parse({
	narrative: 'Key grant test narrative',
	areas: ['work'],
	forms: ['insult'],
	contactMode: 'anonymous',
	consent: 'yes',
})

test('pending grants, assignment and the recovery ceremony', async () => {
	const recovery = generateRecoveryKey()
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	const firstLead = await createSignedInStaff('LEAD', 'first-lead')
	const { reference } = await createRequest(intake, [])

	// A lead who joins later sees the case, but not its content, until a lead signs in.
	const secondLead = await createSignedInStaff('LEAD', 'second-lead')
	expect((await openCase(secondLead.actor, reference))?.readable).toBe(false)
	expect(await completePendingGrants(firstLead.actor)).toBe(1)
	expect((await openCase(secondLead.actor, reference))?.narrative).toBe('Key grant test narrative')

	// Assignment wraps the key to the counsellor.
	const counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
	await assignCase(firstLead.actor, reference, counsellor.user.id)
	expect((await openCase(counsellor.actor, reference))?.readable).toBe(true)

	// A forgotten password: a new key pair; the old grant is gone, a pending one waits.
	const admin = await createSignedInStaff('ADMIN', 'admin')
	const token = await createPasswordResetLink(admin.actor, counsellor.user.id)
	await acceptInvitation(token, 'a brand new password for the counsellor')
	expect(await prisma.pendingGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(1)
	expect(await prisma.caseKeyGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(0)

	// With no lead around, the recovery key completes it.
	expect(await completePendingGrantsWithRecoveryKey(recovery.keyPair)).toEqual({
		completed: 1,
		unopenable: 0,
	})
	expect(await prisma.caseKeyGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(1)
	// Its old sessions ended with the reset.
	expect(await prisma.staffSession.count({ where: { staffUserId: counsellor.user.id } })).toBe(0)
})
