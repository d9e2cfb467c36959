import { randomBytes } from 'node:crypto'
// Every audit entry is written in the transaction of what it records. A
// trigger created here makes PostgreSQL refuse the entry of one chosen
// action, after the change itself has been written: the whole transaction
// must then roll back, so that neither the change nor the entry is found,
// and a read must not hand out what it read.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import type { AuditAction } from '~/features/audit/audit.server'
import { readAttachment } from '~/features/cases/attachment-download.server'
import { assignCase } from '~/features/cases/assignment.server'
import { openCase } from '~/features/cases/case-page.server'
import { changeStatus, classifyCase } from '~/features/cases/case-record.server'
import { addNote, sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { deletePersonalDataEarly } from '~/features/cases/personal-data.server'
import { markComplaintOffence } from '~/features/cases/complaint-offence.server'
import { clearDueDate, setDueDate } from '~/features/cases/due-date.server'
import { markAnswered } from '~/features/cases/waiting.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { getReporter, openReporterSession } from '~/features/follow-up/reporter-session.server'
import { withdrawRequest } from '~/features/follow-up/withdrawal.server'
import { createRequest } from '~/features/intake/store-request.server'
import { inviteStaff } from '~/features/staff-admin/invitations.server'
import { changeRole, setStaffActive } from '~/features/staff-admin/staff-accounts.server'
import { exportReport } from '~/features/statistics/statistics.server'
import {
	changeActivity,
	deleteActivity,
	recordActivity,
} from '~/features/activities/activities.server'
import { changePassword } from '~/features/staff-auth/own-account.server'
import {
	openHalfSession,
	upgradeSession,
	readStaffSession,
} from '~/features/staff-auth/staff-session.server'
import { openPrivateKey, WRAPPED_KEY_SELECT } from '~/features/staff-admin/staff-user.server'
import { createSignedInStaff, PASSWORD } from '../support/staff'
import { pngWithText } from '../support/sample-files'

let client: pg.Client
let lead: Awaited<ReturnType<typeof createSignedInStaff>>
let counsellor: Awaited<ReturnType<typeof createSignedInStaff>>
let otherCounsellor: Awaited<ReturnType<typeof createSignedInStaff>>
let admin: Awaited<ReturnType<typeof createSignedInStaff>>
let reference: string
let followUpCode: string
let caseId: string

beforeAll(async () => {
	client = new pg.Client({ connectionString: process.env.DATABASE_URL })
	await client.connect()
	await client.query(`CREATE TABLE "TestRefusedAuditAction" ("action" text PRIMARY KEY)`)
	await client.query(`
		CREATE FUNCTION "test_refuse_audit_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF EXISTS (SELECT 1 FROM "TestRefusedAuditAction" WHERE "action" = NEW."action") THEN
				RAISE EXCEPTION 'audit entry % refused by the test', NEW."action";
			END IF;
			RETURN NEW;
		END;
		$$`)
	await client.query(`
		CREATE TRIGGER "AuditEvent_test_refusal" BEFORE INSERT ON "AuditEvent"
		FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit_entry"()`)

	await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
	lead = await createSignedInStaff('LEAD', 'lead')
	counsellor = await createSignedInStaff('COUNSELLOR', 'counsellor')
	otherCounsellor = await createSignedInStaff('COUNSELLOR', 'other-counsellor')
	admin = await createSignedInStaff('ADMIN', 'admin')
	const created = await createRequest(
		IntakeSchema.parse({
			narrative: 'Audit transaction test',
			areas: ['work'],
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[{ name: 'shot.png', mediaType: 'image/png', data: pngWithText('x') }],
	)
	reference = created.reference
	followUpCode = created.followUpCode
	caseId = (await prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
})

afterAll(async () => {
	await client?.end()
})

/**
 * Runs `act` while PostgreSQL refuses every entry of `action`: it must
 * fail, and no entry of that action may appear.
 */
async function whileRefused(action: AuditAction, act: () => Promise<unknown>) {
	const entries = () => prisma.auditEvent.count({ where: { action } })
	const before = await entries()
	await client.query(`INSERT INTO "TestRefusedAuditAction" VALUES ($1)`, [action])
	try {
		await expect(act()).rejects.toThrow(/refused by the test/)
	} finally {
		await client.query(`DELETE FROM "TestRefusedAuditAction" WHERE "action" = $1`, [action])
	}
	expect(await entries(), `entries of ${action}`).toBe(before)
}

/** What a case looks like to the tests below: the parts each change touches. */
const caseState = () =>
	prisma.case.findUniqueOrThrow({
		where: { id: caseId },
		select: {
			status: true,
			assignedToId: true,
			areas: true,
			narrative: true,
			personalDataDeletedAt: true,
			waitingSince: true,
			dueOn: true,
			dueReason: true,
			complaintOffence: true,
			grants: {
				orderBy: { id: 'asc' },
				select: { holder: true, staffUserId: true, sealedKey: true },
			},
			statusChanges: { select: { id: true } },
			notes: { select: { id: true } },
			messages: { select: { id: true } },
		},
	})

describe('a refused entry undoes the change it records', () => {
	test('a password change: the key wrap and the other sessions stay', async () => {
		const account = () =>
			prisma.staffUser.findUniqueOrThrow({
				where: { id: counsellor.user.id },
				select: WRAPPED_KEY_SELECT,
			})
		// A second device, whose session the change would end.
		const privateKey = (await openPrivateKey(await account(), PASSWORD))!
		const half = await readStaffSession(await openHalfSession(counsellor.user.id, privateKey))
		await upgradeSession(half!)
		const sessions = () => prisma.staffSession.count({ where: { staffUserId: counsellor.user.id } })
		const before = { account: await account(), sessions: await sessions() }
		expect(before.sessions).toBe(2)

		await whileRefused('password.changed', () =>
			changePassword(counsellor.actor, PASSWORD, 'a completely new password', randomBytes(32)),
		)

		expect(await account()).toEqual(before.account)
		expect(await openPrivateKey(await account(), PASSWORD)).not.toBeNull()
		expect(await sessions()).toBe(2)
	})

	test('an assignment: no grant is made or removed, nothing is assigned or started', async () => {
		const before = await caseState()
		await whileRefused('case.assigned', () => assignCase(lead.actor, reference, counsellor.user.id))
		expect(await caseState()).toEqual(before)
		expect(before.assignedToId).toBeNull()

		// A reassignment, half-way through removing the previous counsellor's grant.
		await assignCase(lead.actor, reference, counsellor.user.id)
		const assigned = await caseState()
		await whileRefused('case.assigned', () =>
			assignCase(lead.actor, reference, otherCounsellor.user.id),
		)
		expect(await caseState()).toEqual(assigned)
		expect(assigned.grants.some((grant) => grant.staffUserId === counsellor.user.id)).toBe(true)
	})

	test('casework: classification, status, note, message, early deletion', async () => {
		const before = await caseState()
		await whileRefused('case.classified', () =>
			classifyCase(lead.actor, reference, {
				requesterType: 'witness',
				areas: ['police'],
				forms: [],
				motives: [],
				actors: [],
			}),
		)
		await whileRefused('case.status', () =>
			changeStatus(lead.actor, reference, 'CLOSED', 'resolved'),
		)
		await whileRefused('case.note-added', () => addNote(lead.actor, reference, 'Not kept'))
		await whileRefused('case.message-sent', () =>
			sendMessageToReporter(lead.actor, reference, 'Not sent'),
		)
		await whileRefused('case.personal-data-deleted', () =>
			deletePersonalDataEarly(lead.actor, reference),
		)
		await whileRefused('case.due-date-set', () =>
			setDueDate(lead.actor, reference, new Date('2026-12-24T00:00:00Z'), 'Not kept'),
		)
		await whileRefused('case.complaint-offence-marked', () =>
			markComplaintOffence(lead.actor, reference, true),
		)
		await whileRefused('case.marked-answered', () => markAnswered(lead.actor, reference))
		expect(await caseState()).toEqual(before)
		// The reporter's withdrawal: the content, the grants and the session stay.
		const reporter = (await getReporter((await openReporterSession(followUpCode))!))!
		await whileRefused('case.withdrawn', () => withdrawRequest(reporter))
		expect(await caseState()).toEqual(before)
		expect(await prisma.reporterSession.count({ where: { caseId } })).toBe(1)
		await setDueDate(lead.actor, reference, new Date('2026-12-24T00:00:00Z'), null)
		await whileRefused('case.due-date-cleared', () => clearDueDate(lead.actor, reference))
		expect((await caseState()).dueOn).toEqual(new Date('2026-12-24T00:00:00Z'))
		await clearDueDate(lead.actor, reference)
	})

	test("the admin's changes: an invitation, a role, a deactivation", async () => {
		await whileRefused('staff.invited', () =>
			inviteStaff(admin.actor, { email: 'new@example.ch', displayName: 'New', role: 'COUNSELLOR' }),
		)
		expect(await prisma.invitation.count({ where: { email: 'new@example.ch' } })).toBe(0)

		const bystander = () =>
			prisma.staffUser.findUniqueOrThrow({
				where: { id: otherCounsellor.user.id },
				select: { role: true, active: true, _count: { select: { sessions: true } } },
			})
		const before = await bystander()
		await whileRefused('staff.role-changed', () =>
			changeRole(admin.actor, otherCounsellor.user.id, 'LEAD'),
		)
		await whileRefused('staff.deactivated', () =>
			setStaffActive(admin.actor, otherCounsellor.user.id, false),
		)
		expect(await bystander()).toEqual(before)
		expect(
			await prisma.pendingGrant.count({ where: { staffUserId: otherCounsellor.user.id } }),
		).toBe(0)
	})
})

describe('a refused entry withholds what was read', () => {
	test('the case page', async () => {
		await whileRefused('case.read', () => openCase(lead.actor, reference))
		// And a refusal is not silent either.
		await whileRefused('case.read.denied', () => openCase(otherCounsellor.actor, reference))
		expect((await openCase(lead.actor, reference))?.narrative).toBe('Audit transaction test')
	})

	test("the case page's read mark: nothing counts as read whose reading was not recorded", async () => {
		await sendMessageToReporter(lead.actor, reference, 'Read me')
		const marks = () => prisma.caseRead.count({ where: { caseId, staffUserId: lead.user.id } })
		expect(await marks()).toBe(0)
		await whileRefused('case.read', () => openCase(lead.actor, reference))
		expect(await marks()).toBe(0)
		await openCase(lead.actor, reference)
		expect(await marks()).toBe(1)
	})

	test('an attachment', async () => {
		const { id } = await prisma.attachment.findFirstOrThrow({
			where: { caseId },
			select: { id: true },
		})
		await whileRefused('case.attachment-read', () => readAttachment(lead.actor, reference, id))
		expect((await readAttachment(lead.actor, reference, id))?.mediaType).toBe('image/png')
	})

	test('a statistics export', async () => {
		const statistics = await createSignedInStaff('STATISTICS', 'statistics')
		await whileRefused('statistics.exported', () =>
			exportReport(statistics.actor, new Date().getUTCFullYear(), 'csv'),
		)
	})
})

test('an activity is recorded, changed and deleted only with its entry', async () => {
	const activity = {
		heldOn: new Date(Date.UTC(2026, 3, 20)),
		kind: 'training' as const,
		audience: 'health' as const,
		participants: 9,
		hours: 1.5,
	}
	await whileRefused('activity.recorded', () => recordActivity(counsellor.actor, activity))
	expect(await prisma.activity.count()).toBe(0)
	await recordActivity(counsellor.actor, activity)
	const { id } = await prisma.activity.findFirstOrThrow({ select: { id: true } })
	const stored = () => prisma.activity.findUniqueOrThrow({ where: { id } })
	const before = await stored()
	await whileRefused('activity.changed', () =>
		changeActivity(counsellor.actor, id, { ...activity, participants: 90 }),
	)
	await whileRefused('activity.deleted', () => deleteActivity(counsellor.actor, id))
	expect(await stored()).toEqual(before)
})
