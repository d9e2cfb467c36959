// The office setup link against a real database (office-setup.server.ts,
// decision 0011): only its hash is stored, a new one replaces the last, it
// expires, it is spent by the first lead and void once the office is set
// up; the recovery key's private half is never stored; two people using the
// link at once get one lead.
import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { parseRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import { getRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { createRequest, OfficeNotSetUpError } from '~/features/intake/store-request.server'
import {
	confirmRecoverySheet,
	createFirstLead,
	createRecoverySheet,
	findFirstAdminStep,
	findSetupStep,
	inviteFirstAdmin,
	isOfficeSetUp,
	issueSetupLink,
	saveSetupDetails,
	SETUP_LINK_HOURS,
} from '~/features/staff-admin/office-setup.server'
import { acceptInvitation } from '~/features/staff-admin/invitations.server'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import { dumpDatabaseText, tracesOf } from '../support/database-dump'
import { signInAs } from '../support/staff'

const DETAILS = {
	officeName: 'Anlaufstelle Testhausen',
	contactEmail: 'kontakt@testhausen.example',
	contactPhone: null,
	address: null,
}
const LEAD = {
	email: 'Leitung@Testhausen.example',
	displayName: 'Lea Leitung',
	password: 'a long lead password',
}

const tokenOf = (link: string) => link.replace(/^\/setup\//, '')

/** Issues a link and walks it to the lead step; returns its token. */
async function linkAtLeadStep(): Promise<string> {
	const token = tokenOf((await issueSetupLink())!)
	expect(await saveSetupDetails(token, DETAILS)).toBe(true)
	const sheet = (await createRecoverySheet(token))!
	expect(await confirmRecoverySheet(token, sheet.sheetNumber)).toBe('next')
	return token
}

// Every test starts from an office that was never set up. Audit events stay
// (append-only), and so do the accounts they name: those are deactivated and
// free their addresses.
beforeEach(async () => {
	await prisma.$transaction([
		prisma.officeSetup.deleteMany(),
		prisma.officeKeys.deleteMany(),
		prisma.invitation.deleteMany(),
		prisma.$executeRaw`UPDATE "StaffUser" SET active = false, email = id || '@gone.invalid'`,
		prisma.officeSettings.deleteMany(),
	])
})

describe('issueSetupLink', () => {
	test('stores only the hash of a 256-bit token, and a new link replaces the last', async () => {
		const first = (await issueSetupLink())!
		expect(first).toMatch(/^\/setup\/[A-Za-z0-9_-]{43}$/)
		const token = tokenOf(first)
		const rows = await prisma.officeSetup.findMany({ select: { tokenHash: true } })
		expect(rows).toHaveLength(1)
		expect(Buffer.from(rows[0]!.tokenHash)).toEqual(createHash('sha256').update(token).digest())
		const dump = await dumpDatabaseText(process.env.DATABASE_URL!)
		for (const trace of tracesOf(token)) expect(dump).not.toContain(trace)
		expect(await findSetupStep(token)).toMatchObject({ step: 'details' })

		const second = tokenOf((await issueSetupLink())!)
		expect(second).not.toBe(token)
		expect(await prisma.officeSetup.count()).toBe(1)
		expect(await findSetupStep(token)).toBeNull()
		expect(await saveSetupDetails(token, DETAILS)).toBe(false)
		expect(await findSetupStep(second)).toMatchObject({ step: 'details' })
		expect(await findSetupStep('not-a-token')).toBeNull()
	})

	test(`expires after ${SETUP_LINK_HOURS} hours`, async () => {
		const issuedAt = new Date('2026-12-01T08:00:00Z')
		const token = tokenOf((await issueSetupLink(issuedAt))!)
		const justBefore = new Date(issuedAt.getTime() + SETUP_LINK_HOURS * 3_600_000 - 1)
		expect(await findSetupStep(token, justBefore)).toMatchObject({ step: 'details' })
		const atExpiry = new Date(issuedAt.getTime() + SETUP_LINK_HOURS * 3_600_000)
		expect(await findSetupStep(token, atExpiry)).toBeNull()
		expect(await saveSetupDetails(token, DETAILS, atExpiry)).toBe(false)
	})

	test('is null once the office is set up, also when set up on the terminal', async () => {
		expect(await isOfficeSetUp()).toBe(false)
		const token = tokenOf((await issueSetupLink())!)
		// What `npm run setup` does meanwhile.
		await prisma.officeKeys.create({ data: { id: 1, recoveryPublicKey: Buffer.alloc(32, 7) } })
		await createStaffUser({ ...LEAD, role: 'LEAD' })
		expect(await isOfficeSetUp()).toBe(true)
		expect(await findSetupStep(token)).toBeNull()
		expect(await issueSetupLink()).toBeNull()
	})
})

describe('until the office is set up', () => {
	test('the form refuses requests until the office has a recovery key and a lead', async () => {
		const intake = IntakeSchema.parse({
			narrative: 'x',
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		})
		await expect(createRequest(intake, [])).rejects.toThrow(OfficeNotSetUpError)
		const token = await linkAtLeadStep()
		await expect(createRequest(intake, [])).rejects.toThrow(OfficeNotSetUpError)
		await createFirstLead(token, LEAD)
		expect(await createRequest(intake, [])).toMatchObject({ reference: expect.any(String) })
	})
})

describe('the setup steps', () => {
	test('go in order, keep only the public key, and spend the link on the first lead', async () => {
		const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n
		const token = tokenOf((await issueSetupLink())!)
		// Nothing but the first step is open yet.
		expect(await createRecoverySheet(token)).toBeNull()
		expect(await createFirstLead(token, LEAD)).toBeNull()

		expect(await saveSetupDetails(token, DETAILS)).toBe(true)
		expect(await findSetupStep(token)).toEqual({ step: 'recovery', details: DETAILS })

		const earlier = (await createRecoverySheet(token))!
		const sheet = (await createRecoverySheet(token))!
		expect(sheet.sheetNumber).not.toBe(earlier.sheetNumber)
		expect(sheet.officeName).toBe(DETAILS.officeName)
		// A reload made a new sheet: the earlier one can no longer be confirmed.
		expect(await confirmRecoverySheet(token, earlier.sheetNumber)).toBe('void')
		expect(await getRecoveryPublicKey()).toBeNull()
		expect(await findSetupStep(token)).toMatchObject({ step: 'recovery' })

		expect(await confirmRecoverySheet(token, sheet.sheetNumber)).toBe('next')
		expect(await confirmRecoverySheet(token, sheet.sheetNumber)).toBe('void')
		const keyPair = parseRecoveryKey(sheet.sheetText)!
		expect((await getRecoveryPublicKey())?.equals(keyPair.publicKey)).toBe(true)
		const dump = await dumpDatabaseText(process.env.DATABASE_URL!)
		for (const secret of [sheet.sheetText, earlier.sheetText]) {
			for (const trace of tracesOf(secret)) expect(dump).not.toContain(trace)
		}
		expect(dump).not.toContain(keyPair.privateKey.toString('hex'))
		expect(await findSetupStep(token)).toMatchObject({ step: 'lead' })
		expect(await isOfficeSetUp()).toBe(false)

		const lead = await createFirstLead(token, LEAD)
		expect(lead).toMatchObject({ email: 'leitung@testhausen.example' })
		expect(await isOfficeSetUp()).toBe(true)
		expect(await findSetupStep(token)).toBeNull()
		expect(await createFirstLead(token, { ...LEAD, email: 'zweite@testhausen.example' })).toBeNull()
		expect(await prisma.staffUser.count({ where: { active: true } })).toBe(1)
		expect(await issueSetupLink()).toBeNull()

		const events = await prisma.auditEvent.findMany({
			where: { id: { gt: before }, action: { startsWith: 'setup.' } },
			orderBy: { id: 'asc' },
			select: { action: true, actorId: true, targetUserId: true },
		})
		expect(events.map((event) => event.action)).toEqual([
			'setup.link-issued',
			'setup.details-saved',
			'setup.recovery-sheet-shown',
			'setup.recovery-sheet-shown',
			'setup.recovery-key-confirmed',
			'setup.lead-created',
		])
		expect(events.at(-1)).toMatchObject({ actorId: (lead as { id: string }).id })
	})

	test('an e-mail that has an account already is refused without spending the link', async () => {
		const token = await linkAtLeadStep()
		await createStaffUser({ ...LEAD, displayName: 'Ada Admin', role: 'ADMIN' })
		expect(await createFirstLead(token, LEAD)).toBe('email-taken')
		expect(await findSetupStep(token)).toMatchObject({ step: 'lead' })
	})

	test('two people sending the lead step at once create one lead', async () => {
		const token = await linkAtLeadStep()
		const results = await Promise.all([
			createFirstLead(token, LEAD),
			createFirstLead(token, { ...LEAD, email: 'andere@testhausen.example' }),
			createFirstLead(token, LEAD),
		])
		expect(results.filter((result) => result !== null && result !== 'email-taken')).toHaveLength(1)
		expect(await prisma.staffUser.count({ where: { role: 'LEAD', active: true } })).toBe(1)
		const link = await prisma.officeSetup.findUniqueOrThrow({
			where: { id: 1 },
			select: { leadId: true },
		})
		const lead = await prisma.staffUser.findFirstOrThrow({
			where: { active: true },
			select: { id: true },
		})
		expect(link.leadId).toBe(lead.id)
	})

	test('two confirmations of one sheet at once store the key once', async () => {
		const token = tokenOf((await issueSetupLink())!)
		await saveSetupDetails(token, DETAILS)
		const sheet = (await createRecoverySheet(token))!
		const results = await Promise.all([
			confirmRecoverySheet(token, sheet.sheetNumber),
			confirmRecoverySheet(token, sheet.sheetNumber),
		])
		expect(results.sort()).toEqual(['next', 'void'])
		expect(await prisma.officeKeys.count()).toBe(1)
	})
})

describe('the first admin', () => {
	test('is invited by the lead the link created, once the office has none', async () => {
		const token = await linkAtLeadStep()
		const lead = (await createFirstLead(token, LEAD)) as { id: string }
		const { actor } = await signInAs(lead.id, LEAD.password)
		expect(await findFirstAdminStep(actor)).toEqual({ openInvitation: null })

		const lost = await inviteFirstAdmin(actor, {
			email: 'admin@testhausen.example',
			displayName: 'Ada',
		})
		expect(await findFirstAdminStep(actor)).toMatchObject({
			openInvitation: { email: 'admin@testhausen.example', displayName: 'Ada' },
		})
		// A new link for the lost one: the lost one no longer works.
		const passedOn = await inviteFirstAdmin(actor, {
			email: 'admin@testhausen.example',
			displayName: 'Ada',
		})
		expect(await acceptInvitation(lost, 'the admin password')).toBeNull()

		// Another lead, invited the usual way later, has no such step.
		const other = await createStaffUser({
			email: 'zweite@testhausen.example',
			displayName: 'Zweite Leitung',
			role: 'LEAD',
			password: LEAD.password,
		})
		expect(await findFirstAdminStep((await signInAs(other.id, LEAD.password)).actor)).toBeNull()

		const admin = await acceptInvitation(passedOn, 'the admin password')
		expect(admin).toMatchObject({ role: 'ADMIN' })
		expect(await findFirstAdminStep(actor)).toBeNull()
		await expect(
			inviteFirstAdmin(actor, { email: 'noch@testhausen.example', displayName: 'Noch' }),
		).rejects.toThrow('forbidden')
		const invited = await prisma.auditEvent.findMany({
			where: { action: 'staff.invited', actorId: lead.id },
			select: { detail: true },
		})
		expect(invited).toEqual([{ detail: { role: 'ADMIN' } }, { detail: { role: 'ADMIN' } }])
	})
})
