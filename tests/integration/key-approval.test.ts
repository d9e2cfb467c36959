// The admin boundary (review findings H-1 and M-3): with the admin role
// alone no account receives a case key. Every way the admin decides who
// should hold keys (an invitation to lead, a reset link, a role change,
// a second invitation for one address) ends in an account that reads
// nothing until a lead who holds the keys approves it; refusing leaves it
// without keys; each decision is audited. And the upgrade keeps accounts
// that were waiting for keys waiting.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { ForbiddenError } from '~/platform/permissions'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { assignCase } from '~/features/cases/assignment.server'
import { openCase } from '~/features/cases/case-page.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import {
	approveKeyRequest,
	countOpenKeyRequests,
	KeyRequestGoneError,
	listKeyRequests,
	passOnKeys,
	refuseKeyRequest,
} from '~/features/key-access/key-requests.server'
import {
	acceptInvitation,
	createPasswordResetLink,
	EmailTakenError,
	findOpenInvitation,
	InvitationGoneError,
	inviteStaff,
	revokeInvitation,
} from '~/features/staff-admin/invitations.server'
import { changeRole, listStaff } from '~/features/staff-admin/staff-accounts.server'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import { MIGRATIONS_DIR, readMigrationList } from '../../server/migrations.ts'
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres.ts'
import { createSignedInStaff, PASSWORD, signInAs } from '../support/staff'

type Staff = Awaited<ReturnType<typeof createSignedInStaff>>
let lead: Staff
let admin: Staff
let firstCase: string

const intake = (narrative: string) =>
	IntakeSchema.parse({
		narrative,
		areas: ['work'],
		forms: ['insult'],
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
	})

async function newRequest(narrative: string) {
	return (await createRequest(intake(narrative), [])).reference
}

/** An account made through the admin's invitation link, signed in. */
async function invited(name: string, role: 'LEAD' | 'COUNSELLOR') {
	const token = await inviteStaff(admin.actor, {
		email: `${name}@example.ch`,
		displayName: name,
		role,
	})
	const user = (await acceptInvitation(token, PASSWORD))!
	return { user, ...(await signInAs(user.id, PASSWORD)) }
}

const grantsOf = (staffUserId: string) =>
	prisma.caseKeyGrant.count({ where: { holder: 'STAFF', staffUserId } })

const openRequestOf = async (staffUserId: string) =>
	prisma.keyAccessRequest.findFirst({
		where: { staffUserId, decidedAt: null },
		select: { id: true, role: true, reason: true, requestedById: true },
	})

beforeAll(async () => {
	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'lead')
	admin = await createSignedInStaff('ADMIN', 'admin')
	firstCase = await newRequest('The first narrative')
})

describe('every way the admin makes a key holder ends without keys', () => {
	test('a lead invited by the admin reads nothing, now or later, and cannot approve', async () => {
		const rogue = await invited('invited-lead', 'LEAD')
		// The real lead signs in: nothing is completed by that.
		await signInAs(lead.user.id, PASSWORD)
		expect(await grantsOf(rogue.user.id)).toBe(0)
		expect((await openCase(rogue.actor, firstCase))?.narrative).toBeNull()

		const later = await newRequest('Sent after the invitation')
		expect((await openCase(rogue.actor, later))?.narrative).toBeNull()
		expect(await grantsOf(rogue.user.id)).toBe(0)

		const request = await openRequestOf(rogue.user.id)
		expect(request).toMatchObject({
			role: 'LEAD',
			reason: 'INVITATION',
			requestedById: admin.user.id,
		})
		// An account nobody approved cannot approve itself, or anyone.
		await expect(approveKeyRequest(rogue.actor, request!.id)).rejects.toThrow(ForbiddenError)
		await expect(passOnKeys(rogue.actor, lead.user.id)).rejects.toThrow(ForbiddenError)
		// The admin's role holds no key at all.
		await expect(approveKeyRequest(admin.actor, request!.id)).rejects.toThrow(ForbiddenError)
		expect((await listKeyRequests(rogue.actor)).mayDecide).toBe(false)
	})

	test("the admin's reset of an approved lead takes its keys; nothing comes back by itself", async () => {
		const other = await invited('reset-lead', 'LEAD')
		await approveKeyRequest(lead.actor, (await openRequestOf(other.user.id))!.id)
		expect((await openCase(other.actor, firstCase))?.narrative).toBe('The first narrative')

		const token = await createPasswordResetLink(admin.actor, other.user.id)
		const taken = (await acceptInvitation(token, 'the password the admin chose'))!
		const takenOver = await signInAs(taken.id, 'the password the admin chose')
		await signInAs(lead.user.id, PASSWORD)
		expect(await grantsOf(other.user.id)).toBe(0)
		expect((await openCase(takenOver.actor, firstCase))?.narrative).toBeNull()
		const later = await newRequest('Sent after the reset')
		expect((await openCase(takenOver.actor, later))?.narrative).toBeNull()
		expect(await openRequestOf(other.user.id)).toMatchObject({ reason: 'PASSWORD_RESET' })
		expect(
			(await prisma.staffUser.findUniqueOrThrow({
				where: { id: other.user.id },
				select: { caseKeysApprovedAt: true },
			}))!.caseKeysApprovedAt,
		).toBeNull()
	})

	test('a counsellor made lead keeps what it had and gets nothing more', async () => {
		const counsellor = await invited('promoted', 'COUNSELLOR')
		const assigned = await newRequest('Assigned to the counsellor')
		await assignCase(lead.actor, assigned, counsellor.user.id)

		await changeRole(admin.actor, counsellor.user.id, 'LEAD')
		const promoted = await signInAs(counsellor.user.id, PASSWORD)
		expect((await openCase(promoted.actor, assigned))?.narrative).toBe('Assigned to the counsellor')
		expect((await openCase(promoted.actor, firstCase))?.narrative).toBeNull()
		const later = await newRequest('Sent after the promotion')
		expect((await openCase(promoted.actor, later))?.narrative).toBeNull()
		expect(await grantsOf(counsellor.user.id)).toBe(1)
		expect(await openRequestOf(counsellor.user.id)).toMatchObject({
			role: 'LEAD',
			reason: 'ROLE_CHANGE',
			requestedById: admin.user.id,
		})
	})

	test("a second invitation for one address cannot act on the first's account", async () => {
		const first = await inviteStaff(admin.actor, {
			email: 'twice@example.ch',
			displayName: 'Twice',
			role: 'COUNSELLOR',
		})
		const second = await inviteStaff(admin.actor, {
			email: 'Twice@example.ch',
			displayName: 'Twice again',
			role: 'LEAD',
		})
		// The newer link revoked the older one, and said so in the audit log.
		expect(await findOpenInvitation(first)).toBeNull()
		expect(await acceptInvitation(first, PASSWORD)).toBeNull()
		expect(
			await prisma.auditEvent.count({
				where: { action: 'staff.invitation-revoked', actorId: admin.user.id },
			}),
		).toBe(1)
		const account = (await acceptInvitation(second, PASSWORD))!
		expect(account.role).toBe('LEAD')
		// Once the address has an account, no invitation for it can be made,
		// and one made before the account existed some other way is refused.
		await expect(
			inviteStaff(admin.actor, { email: 'twice@example.ch', displayName: 'x', role: 'LEAD' }),
		).rejects.toThrow(EmailTakenError)
		const early = await inviteStaff(admin.actor, {
			email: 'made-elsewhere@example.ch',
			displayName: 'Elsewhere',
			role: 'LEAD',
		})
		const elsewhere = await createStaffUser({
			email: 'made-elsewhere@example.ch',
			displayName: 'Elsewhere',
			role: 'COUNSELLOR',
			password: PASSWORD,
		})
		expect(await acceptInvitation(early, 'the password the admin chose')).toBeNull()
		expect(
			await prisma.staffUser.findUniqueOrThrow({
				where: { id: elsewhere.id },
				select: { role: true, totpEnabledAt: true },
			}),
		).toEqual({ role: 'COUNSELLOR', totpEnabledAt: null })
		expect(await signInAs(elsewhere.id, PASSWORD)).toBeTruthy()
	})

	test('a reset link works for the account it names only', async () => {
		const a = await createStaffUser({
			email: 'a@example.ch',
			displayName: 'A',
			role: 'COUNSELLOR',
			password: PASSWORD,
		})
		const b = await createStaffUser({
			email: 'b@example.ch',
			displayName: 'B',
			role: 'LEAD',
			password: PASSWORD,
		})
		const token = await createPasswordResetLink(admin.actor, a.id)
		// Someone with database access points the link at another address.
		await prisma.invitation.updateMany({
			where: { staffUserId: a.id },
			data: { email: 'b@example.ch' },
		})
		expect(await findOpenInvitation(token)).toBeNull()
		expect(await acceptInvitation(token, 'the password the admin chose')).toBeNull()
		expect(await signInAs(b.id, PASSWORD)).toBeTruthy()
	})

	test('the admin revokes an open link, with an audit entry', async () => {
		const token = await inviteStaff(admin.actor, {
			email: 'revoked@example.ch',
			displayName: 'Revoked',
			role: 'COUNSELLOR',
		})
		const { invitations } = await listStaff(admin.actor)
		const link = invitations.find((each) => each.email === 'revoked@example.ch')!
		expect(link.kind).toBe('NEW_ACCOUNT')
		await revokeInvitation(admin.actor, link.id)
		expect(await acceptInvitation(token, PASSWORD)).toBeNull()
		await expect(revokeInvitation(admin.actor, link.id)).rejects.toThrow(InvitationGoneError)
		await expect(revokeInvitation(lead.actor, link.id)).rejects.toThrow(ForbiddenError)
		expect(
			await prisma.auditEvent.findFirst({
				where: {
					action: 'staff.invitation-revoked',
					detail: { path: ['invitation'], equals: link.id },
				},
				select: { actorId: true, detail: true },
			}),
		).toEqual({
			actorId: admin.user.id,
			detail: { invitation: link.id, kind: 'NEW_ACCOUNT', replaced: false },
		})
		expect((await listStaff(admin.actor)).invitations.some((each) => each.id === link.id)).toBe(
			false,
		)
	})
})

describe('the lead decides', () => {
	test('approval passes on the keys, audited; a decided request cannot be decided again', async () => {
		const newcomer = await invited('approved-lead', 'LEAD')
		const request = (await openRequestOf(newcomer.user.id))!
		const listed = await listKeyRequests(lead.actor)
		expect(listed.mayDecide).toBe(true)
		expect(listed.open.find((each) => each.id === request.id)).toMatchObject({
			email: 'approved-lead@example.ch',
			role: 'LEAD',
			reason: 'INVITATION',
			requestedBy: { email: 'admin@example.ch' },
		})
		expect(await countOpenKeyRequests(lead.actor)).toBe(listed.open.length)
		expect(
			(await listStaff(admin.actor)).staff.find((each) => each.id === newcomer.user.id)
				?.awaitingKeyApproval,
		).toBe(true)

		const live = await prisma.case.count({ where: { personalDataDeletedAt: null } })
		expect(await approveKeyRequest(lead.actor, request.id)).toBe(live)
		expect(await grantsOf(newcomer.user.id)).toBe(live)
		expect((await openCase(newcomer.actor, firstCase))?.narrative).toBe('The first narrative')
		expect(
			await prisma.keyAccessRequest.findUniqueOrThrow({
				where: { id: request.id },
				select: { outcome: true, decidedById: true },
			}),
		).toEqual({ outcome: 'APPROVED', decidedById: lead.user.id })
		expect(
			await prisma.auditEvent.findMany({
				where: { targetUserId: newcomer.user.id, action: { startsWith: 'staff.keys' } },
				orderBy: { id: 'asc' },
				select: { action: true, actorId: true },
			}),
		).toEqual([
			{ action: 'staff.keys-requested', actorId: admin.user.id },
			{ action: 'staff.keys-approved', actorId: lead.user.id },
		])
		await expect(approveKeyRequest(lead.actor, request.id)).rejects.toThrow(KeyRequestGoneError)
		await expect(refuseKeyRequest(lead.actor, request.id)).rejects.toThrow(KeyRequestGoneError)

		// The approved lead can decide now; new requests are sealed to it.
		expect((await listKeyRequests(newcomer.actor)).mayDecide).toBe(true)
		const later = await newRequest('Sealed to both leads')
		expect((await openCase(newcomer.actor, later))?.narrative).toBe('Sealed to both leads')
	})

	test('refusal removes the pending grants and records who refused', async () => {
		const refused = await invited('refused-lead', 'LEAD')
		const request = (await openRequestOf(refused.user.id))!
		await refuseKeyRequest(lead.actor, request.id)
		expect(await prisma.pendingGrant.count({ where: { staffUserId: refused.user.id } })).toBe(0)
		expect(await grantsOf(refused.user.id)).toBe(0)
		expect(
			await prisma.keyAccessRequest.findUniqueOrThrow({
				where: { id: request.id },
				select: { outcome: true, decidedById: true },
			}),
		).toEqual({ outcome: 'REFUSED', decidedById: lead.user.id })
		expect(
			await prisma.auditEvent.count({
				where: {
					action: 'staff.keys-refused',
					actorId: lead.user.id,
					targetUserId: refused.user.id,
				},
			}),
		).toBe(1)
		// New requests are neither sealed nor queued for it.
		const later = await newRequest('After the refusal')
		expect((await openCase(refused.actor, later))?.narrative).toBeNull()
		expect(await prisma.pendingGrant.count({ where: { staffUserId: refused.user.id } })).toBe(0)
	})

	test('a reset before the decision withdraws the request the lead saw', async () => {
		const target = await invited('withdrawn-lead', 'LEAD')
		const seen = (await openRequestOf(target.user.id))!
		const token = await createPasswordResetLink(admin.actor, target.user.id)
		await acceptInvitation(token, 'the password the admin chose')
		await expect(approveKeyRequest(lead.actor, seen.id)).rejects.toThrow(KeyRequestGoneError)
		expect(
			await prisma.keyAccessRequest.findUniqueOrThrow({
				where: { id: seen.id },
				select: { outcome: true, decidedById: true },
			}),
		).toEqual({ outcome: 'WITHDRAWN', decidedById: admin.user.id })
		expect(await grantsOf(target.user.id)).toBe(0)
		expect(await openRequestOf(target.user.id)).toMatchObject({ reason: 'PASSWORD_RESET' })
	})

	test('what an approving lead could not open, another approved lead passes on', async () => {
		// A lead approved at creation who holds only the cases sealed to it from now on.
		const partial = await createSignedInStaff('LEAD', 'partial-lead')
		await prisma.pendingGrant.deleteMany({ where: { staffUserId: partial.user.id } })
		const onlyNew = await newRequest('Sealed to the partial lead too')
		const newcomer = await invited('passed-on-lead', 'LEAD')
		expect(
			await approveKeyRequest(partial.actor, (await openRequestOf(newcomer.user.id))!.id),
		).toBe(1)
		expect((await openCase(newcomer.actor, onlyNew))?.narrative).toBe(
			'Sealed to the partial lead too',
		)
		expect((await openCase(newcomer.actor, firstCase))?.narrative).toBeNull()

		const waiting = (await listKeyRequests(lead.actor)).waiting
		expect(waiting.find((each) => each.id === newcomer.user.id)?.pendingGrants).toBeGreaterThan(0)
		await passOnKeys(lead.actor, newcomer.user.id)
		expect((await openCase(newcomer.actor, firstCase))?.narrative).toBe('The first narrative')
		expect(await prisma.pendingGrant.count({ where: { staffUserId: newcomer.user.id } })).toBe(0)
		// Passing on needs an approved account: not to one that waits for a decision.
		const unapproved = await invited('not-passed-on', 'LEAD')
		expect(await passOnKeys(lead.actor, unapproved.user.id)).toBe(0)
		expect(await grantsOf(unapproved.user.id)).toBe(0)
	})
})

describe('the upgrade to approvals', () => {
	test('keeps an account that waited for keys waiting, and revokes second invitations', async () => {
		const adminUrl = inject('postgresAdminUrl')
		const name = uniqueDatabaseName('upgrade')
		const url = await createDatabase(adminUrl, name)
		const client = new pg.Client({ connectionString: url })
		await client.connect()
		try {
			const migrations = (await readMigrationList()).migrationDirectories.map((each) => each.path)
			const upgrade = migrations.findIndex((each) => each.endsWith('_key_approval'))
			const sql = (directory: string) =>
				fs.readFile(path.join(MIGRATIONS_DIR, directory, 'migration.sql'), 'utf8')
			for (const directory of migrations.slice(0, upgrade)) await client.query(await sql(directory))

			const user = (id: string, email: string, role: string, created: string) =>
				client.query(
					`INSERT INTO "StaffUser" (id, email, "displayName", role, "passwordHash", "publicKey", "wrappedPrivateKey", "keySalt", "createdAt", "updatedAt")
					 VALUES ($1, $2, $1, $3, 'x', '\\x00', '\\x00', '\\x00', $4, now())`,
					[id, email, role, created],
				)
			await user('admin', 'admin@example.ch', 'ADMIN', '2026-01-01')
			await user('holder', 'holder@example.ch', 'LEAD', '2026-01-01')
			await user('waiting', 'waiting@example.ch', 'LEAD', '2026-03-01')
			await client.query(
				`INSERT INTO "Case" (id, reference, channel, "receivedOn") VALUES ('c', '2026-AAAAA', 'ANONYMOUS', current_date)`,
			)
			await client.query(
				`INSERT INTO "PendingGrant" ("caseId", "staffUserId") VALUES ('c', 'waiting')`,
			)
			const link = (id: string, email: string, created: string) =>
				client.query(
					`INSERT INTO "Invitation" (id, "tokenHash", email, "displayName", role, "invitedById", "expiresAt", "createdAt")
					 VALUES ($1, $2, $3, 'x', 'LEAD', 'admin', now() + interval '7 days', $4)`,
					[id, Buffer.from(id), email, created],
				)
			// The M-3 pair: the second invitation, made before the account, would reset it.
			await link('second', 'waiting@example.ch', '2026-02-01')
			await link('reset', 'holder@example.ch', '2026-04-01')
			await link('old', 'new@example.ch', '2026-04-01')
			await link('new', 'new@example.ch', '2026-04-02')

			await client.query(await sql(migrations[upgrade]!))

			const { rows: accounts } = await client.query<{ id: string; approved: boolean }>(
				`SELECT id, "caseKeysApprovedAt" IS NOT NULL AS approved FROM "StaffUser" ORDER BY id`,
			)
			expect(accounts).toEqual([
				{ id: 'admin', approved: true },
				{ id: 'holder', approved: true },
				{ id: 'waiting', approved: false },
			])
			const { rows: requests } = await client.query(
				`SELECT "staffUserId", role, reason, "requestedById", outcome FROM "KeyAccessRequest"`,
			)
			expect(requests).toEqual([
				{
					staffUserId: 'waiting',
					role: 'LEAD',
					reason: 'UPGRADE',
					requestedById: null,
					outcome: null,
				},
			])
			const { rows: links } = await client.query(
				`SELECT id, kind, "staffUserId", "revokedAt" IS NOT NULL AS revoked FROM "Invitation" ORDER BY id`,
			)
			expect(links).toEqual([
				{ id: 'new', kind: 'NEW_ACCOUNT', staffUserId: null, revoked: false },
				{ id: 'old', kind: 'NEW_ACCOUNT', staffUserId: null, revoked: true },
				{ id: 'reset', kind: 'PASSWORD_RESET', staffUserId: 'holder', revoked: false },
				{ id: 'second', kind: 'PASSWORD_RESET', staffUserId: 'waiting', revoked: true },
			])
		} finally {
			await client.end()
			await dropDatabase(adminUrl, name)
		}
	})
})
