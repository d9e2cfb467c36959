// The request side of security-model.md against a real database: what is
// stored is ciphertext; the lead (with the password), the recovery key and
// the follow-up code open it; a copy of the server does not.
import { beforeAll, describe, expect, test } from 'vitest'
import { openSealed, generateKeyPair, keyPairFromSeed } from '~/platform/crypto/key-pairs.server'
import { decryptCaseText, encryptCaseField } from '~/platform/crypto/case-fields.server'
import { generateRecoveryKey, parseRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma, toBytes } from '~/platform/db.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { getFollowUpView, addReporterMessage } from '~/features/follow-up/follow-up.server'
import { setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import {
	deleteIdleReporterSessions,
	endReporterSession,
	getReporter,
	openReporterSession,
} from '~/features/follow-up/reporter-session.server'
import {
	createStaffUser,
	openPrivateKey,
	WRAPPED_KEY_SELECT,
} from '~/features/staff-admin/staff-user.server'
import { createHash, randomUUID } from 'node:crypto'
import { dumpDatabaseText, tracesOf } from '../support/database-dump'
import { pngWithText } from '../support/sample-files'

const LEAD_PASSWORD = 'a long lead password'
let recoverySheet: string

beforeAll(async () => {
	const recovery = generateRecoveryKey()
	recoverySheet = recovery.sheetText
	await setRecoveryPublicKey(recovery.keyPair.publicKey)
	await createStaffUser({
		email: 'lead@example.ch',
		displayName: 'Lead',
		role: 'LEAD',
		password: LEAD_PASSWORD,
	})
})

const intake = (overrides: Record<string, unknown>) =>
	IntakeSchema.parse({
		narrative: 'x',
		responseWish: 'ANSWER',
		contactMode: 'anonymous',
		consent: 'yes',
		...overrides,
	})

describe('a stored request', () => {
	test('is ciphertext at rest and opens for the lead, the recovery key and the code only', async () => {
		const phrases = {
			narrative: 'Quittengelee im Treppenhaus',
			place: 'Rorschacherberg-Unterdorf',
			name: 'Zephyrine Oberholzer',
			email: 'zephyrine.o@example.ch',
			other: 'Hagebuttenmus-Vorfall',
			file: 'Pfefferminzblatt-Bildschirm',
		}
		const created = await createRequest(
			intake({
				narrative: phrases.narrative,
				place: phrases.place,
				areas: ['other'],
				areasOther: phrases.other,
				responseWish: 'ANSWER',
				contactMode: 'contact',
				contactName: phrases.name,
				contactEmail: phrases.email,
			}),
			[{ name: 'screen.png', mediaType: 'text/plain', data: Buffer.from(phrases.file) }],
		)

		const dump = await dumpDatabaseText(process.env.DATABASE_URL!)
		for (const phrase of [...Object.values(phrases), created.followUpCode.replaceAll('-', '')]) {
			for (const trace of tracesOf(phrase)) expect(dump).not.toContain(trace)
		}

		const stored = await prisma.case.findUniqueOrThrow({
			where: { reference: created.reference },
			select: { id: true, channel: true, narrative: true, reportedAreas: true, grants: true },
		})
		expect(stored.channel).toBe('WEB_WITH_CONTACT')
		expect(stored.reportedAreas).toEqual(['other'])
		expect(stored.grants.map((g) => g.holder).sort()).toEqual(['RECOVERY', 'REPORTER', 'STAFF'])

		const lead = await prisma.staffUser.findUniqueOrThrow({ where: { email: 'lead@example.ch' } })
		const leadKeyPair = {
			publicKey: Buffer.from(lead.publicKey),
			privateKey: (await openPrivateKey(lead, LEAD_PASSWORD))!,
		}
		const recoveryKeyPair = parseRecoveryKey(recoverySheet)!
		for (const keyPair of [leadKeyPair, recoveryKeyPair]) {
			const caseKey = stored.grants.map((g) => openSealed(g.sealedKey, keyPair)).find(Boolean)
			expect(caseKey).toBeTruthy()
			expect(decryptCaseText(caseKey!, stored.id, 'narrative', stored.narrative!)).toBe(
				phrases.narrative,
			)
		}

		const token = await openReporterSession(created.followUpCode)
		const reporter = await getReporter(token!)
		expect(reporter?.caseId).toBe(stored.id)
	})

	test('an anonymous request keeps no contact data, whatever the fields held', async () => {
		const answers = intake({
			responseWish: 'REPORT_ONLY',
			contactMode: 'anonymous',
			contactName: 'Left Over',
			contactEmail: 'left@example.ch',
		})
		expect(answers.contactDropped).toBe(true)
		const created = await createRequest(answers, [])
		const stored = await prisma.case.findUniqueOrThrow({
			where: { reference: created.reference },
			select: { channel: true, contact: true, responseWish: true },
		})
		expect(stored).toEqual({ channel: 'WEB_ANONYMOUS', contact: null, responseWish: 'REPORT_ONLY' })
	})

	test('a full copy of the server opens nothing: no key, secret or stored value unwraps a case key', async () => {
		await createRequest(intake({ narrative: 'Stachelbeerkompott' }), [])
		const grants = await prisma.caseKeyGrant.findMany({ select: { sealedKey: true } })
		const staff = await prisma.staffUser.findMany({
			select: { publicKey: true, ...WRAPPED_KEY_SELECT },
		})
		const serverSecrets = [
			process.env.HASH_PEPPER!,
			process.env.SESSION_SECRET ?? '',
			'postgres',
			'',
		]

		// Every secret of the server, and every stored byte string, tried as a
		// private key (directly and hashed into one).
		const stored = (await dumpDatabaseText(process.env.DATABASE_URL!)).match(/\\x[0-9a-f]+/g) ?? []
		const candidates = [
			...serverSecrets.map((s) => Buffer.from(s)),
			...stored.map((hex) => Buffer.from(hex.slice(2), 'hex')),
		]
		for (const candidate of candidates) {
			const seed = createHash('sha256').update(candidate).digest()
			const keyPairs = [keyPairFromSeed(seed)]
			if (candidate.length === 32) {
				keyPairs.push({ privateKey: candidate, publicKey: generateKeyPair().publicKey })
			}
			for (const keyPair of keyPairs) {
				for (const grant of grants) expect(openSealed(grant.sealedKey, keyPair)).toBeNull()
			}
		}
		// The server's secrets are not the staff's passwords.
		for (const account of staff) {
			for (const secret of serverSecrets) {
				expect(await openPrivateKey(account, secret)).toBeNull()
			}
		}
	})
})

describe('reporter sessions', () => {
	test('messages round-trip; the session ends after 30 idle minutes and on leave', async () => {
		const created = await createRequest(intake({ narrative: 'Session test' }), [])
		const token = (await openReporterSession(created.followUpCode))!
		const reporter = (await getReporter(token))!
		await addReporterMessage(reporter, 'Nachtrag mit <script>alert(1)</script>', [
			{ name: 'p.png', mediaType: 'image/png', data: pngWithText('x') },
		])
		const view = await getFollowUpView(reporter)
		expect(view.status).toBe('received')
		expect(view.messages.map((m) => [m.fromReporter, m.text])).toEqual([
			[true, 'Nachtrag mit <script>alert(1)</script>'],
		])
		expect(view.attachmentCount).toBe(1)

		const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)
		expect(await getReporter(token, later(29))).not.toBeNull()
		expect(await getReporter(token, later(29 + 31))).toBeNull()
		expect(await getReporter(token)).toBeNull()

		const again = (await openReporterSession(created.followUpCode))!
		expect(await getReporter({ id: again.id, key: Buffer.alloc(32, 1) })).toBeNull()
		await endReporterSession(again)
		expect(await getReporter(again)).toBeNull()

		const idle = (await openReporterSession(created.followUpCode))!
		expect(await deleteIdleReporterSessions(later(31))).toBeGreaterThanOrEqual(1)
		expect(await getReporter(idle)).toBeNull()
	})

	test("the counsellor's messages appear on the reporter's page, decrypted for the reporter only", async () => {
		const created = await createRequest(intake({ narrative: 'Awaiting an answer' }), [])
		const stored = await prisma.case.findUniqueOrThrow({
			where: { reference: created.reference },
			select: { id: true, grants: { where: { holder: 'STAFF' }, select: { sealedKey: true } } },
		})
		// As the casework will: the lead opens the case key and writes.
		const lead = await prisma.staffUser.findUniqueOrThrow({ where: { email: 'lead@example.ch' } })
		const caseKey = openSealed(stored.grants[0]!.sealedKey, {
			publicKey: Buffer.from(lead.publicKey),
			privateKey: (await openPrivateKey(lead, LEAD_PASSWORD))!,
		})!
		const messageId = randomUUID()
		await prisma.message.create({
			data: {
				id: messageId,
				caseId: stored.id,
				author: 'STAFF',
				staffUserId: lead.id,
				body: toBytes(
					encryptCaseField(caseKey, stored.id, `message:${messageId}`, 'Wir melden uns morgen.'),
				),
				sentOn: new Date(),
				position: 1,
			},
		})
		const reporter = (await getReporter((await openReporterSession(created.followUpCode))!))!
		const view = await getFollowUpView(reporter)
		expect(view.messages.map((m) => [m.fromReporter, m.text])).toEqual([
			[false, 'Wir melden uns morgen.'],
		])
	})

	test('a wrong or malformed code opens nothing', async () => {
		expect(await openReporterSession('AAAA-BBBB-CCCC-DDDD-EEEE')).toBeNull()
		expect(await openReporterSession('')).toBeNull()
		expect(await openReporterSession('\'; DROP TABLE "Case"; --')).toBeNull()
	})
})
