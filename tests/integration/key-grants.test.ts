// Who holds a case's key as staff change (security-model.md): a new lead
// waits, without any key, until a lead who holds them approves it; a reset
// account gets a new key pair and its cases back through the recovery
// ceremony when no lead can help; assignment wraps the key to the counsellor.
import { expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { openCase } from '~/features/cases/case-page.server'
import { assignCase } from '~/features/cases/assignment.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import {
	acceptInvitation,
	createPasswordResetLink,
	inviteStaff,
} from '~/features/staff-admin/invitations.server'
import {
	approveKeyRequest,
	NotTheRecoveryKeyError,
	runRecoveryCeremony,
} from '~/features/key-access/key-requests.server'
import { createSignedInStaff, PASSWORD, signInAs } from '../support/staff'

const intake = (narrative: string) =>
	IntakeSchema.parse({
		narrative,
		areas: ['work'],
		forms: ['insult'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	})

const openRequestOf = (staffUserId: string) =>
	prisma.keyAccessRequest.findFirstOrThrow({
		where: { staffUserId, decidedAt: null },
		select: { id: true, reason: true, role: true },
	})

test('a new lead gets keys only once a lead approves it; reset and recovery', async () => {
	const recovery = generateRecoveryKey()
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	const firstLead = await createSignedInStaff('LEAD', 'first-lead')
	const admin = await createSignedInStaff('ADMIN', 'admin')
	const { reference } = await createRequest(intake('Key grant test narrative'), [])

	// A lead the admin invites sees the case, but not its content, and no
	// sign-in of another lead changes that.
	const token = await inviteStaff(admin.actor, {
		email: 'second-lead@example.ch',
		displayName: 'Second lead',
		role: 'LEAD',
	})
	const invited = (await acceptInvitation(token, PASSWORD))!
	const secondLead = await signInAs(invited.id, PASSWORD)
	await signInAs(firstLead.user.id, PASSWORD)
	expect((await openCase(secondLead.actor, reference))?.readable).toBe(false)
	expect(await prisma.caseKeyGrant.count({ where: { staffUserId: invited.id } })).toBe(0)

	// A request sent meanwhile is not sealed to it either, only queued.
	const later = await createRequest(intake('Arrived while waiting'), [])
	expect((await openCase(secondLead.actor, later.reference))?.readable).toBe(false)
	expect(await prisma.pendingGrant.count({ where: { staffUserId: invited.id } })).toBe(2)

	// The first lead approves: both cases open for the second lead.
	const request = await openRequestOf(invited.id)
	expect(request).toMatchObject({ reason: 'INVITATION', role: 'LEAD' })
	expect(await approveKeyRequest(firstLead.actor, request.id)).toBe(2)
	expect((await openCase(secondLead.actor, reference))?.narrative).toBe('Key grant test narrative')
	expect((await openCase(secondLead.actor, later.reference))?.narrative).toBe(
		'Arrived while waiting',
	)
	// From now on new requests are sealed to it directly.
	const third = await createRequest(intake('Sealed to the approved lead'), [])
	expect((await openCase(secondLead.actor, third.reference))?.readable).toBe(true)

	// Assignment wraps the key to the counsellor.
	const counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
	await assignCase(firstLead.actor, reference, counsellor.user.id)
	expect((await openCase(counsellor.actor, reference))?.readable).toBe(true)

	// A forgotten password: a new key pair; the old grant is gone, a pending one waits for a decision.
	const reset = await createPasswordResetLink(admin.actor, counsellor.user.id)
	await acceptInvitation(reset, 'a brand new password for the counsellor')
	expect(await prisma.pendingGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(1)
	expect(await prisma.caseKeyGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(0)
	expect(await openRequestOf(counsellor.user.id)).toMatchObject({
		reason: 'PASSWORD_RESET',
		role: 'COUNSELLOR',
	})
	// Its old sessions ended with the reset.
	expect(await prisma.staffSession.count({ where: { staffUserId: counsellor.user.id } })).toBe(0)

	// Another office's sheet is refused and changes nothing.
	await expect(runRecoveryCeremony(generateRecoveryKey().keyPair)).rejects.toThrow(
		NotTheRecoveryKeyError,
	)
	expect(await prisma.pendingGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(1)

	// With no lead around, the recovery ceremony approves and completes it.
	expect(await runRecoveryCeremony(recovery.keyPair)).toEqual({
		approved: [
			{
				email: 'counsellor@example.ch',
				role: 'COUNSELLOR',
				reason: 'PASSWORD_RESET',
				by: 'admin@example.ch',
			},
		],
		unknown: [],
		completed: 1,
		unopenable: 0,
	})
	expect(await prisma.caseKeyGrant.count({ where: { staffUserId: counsellor.user.id } })).toBe(1)
	expect(
		await prisma.auditEvent.findFirst({
			where: { action: 'staff.keys-approved', targetUserId: counsellor.user.id },
			select: { actorId: true, detail: true },
		}),
	).toMatchObject({ actorId: null, detail: { by: 'recovery-key', reason: 'PASSWORD_RESET' } })
})
