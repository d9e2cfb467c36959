import { describe, expect, test } from 'vitest'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	accountIdsNamedBy,
	auditActionLabel,
	describeAuditEvent,
	type AuditRow,
} from './audit-description.server'
import { AUDIT_ACTIONS } from './audit.server'

const { t } = getTranslator(new Request('http://office.test/staff/audit'))
const anna = '00000000-0000-4000-8000-00000000000a'
const ben = '00000000-0000-4000-8000-00000000000b'
const names = new Map([
	[anna, 'Anna Muster (anna@office.test)'],
	[ben, 'Ben Beispiel (ben@office.test)'],
])

const row = (fields: Partial<AuditRow>): AuditRow => ({
	id: '1',
	at: new Date('2026-12-02T08:15:30Z'),
	action: 'login',
	actorId: null,
	actorEmail: 'lea@office.test',
	caseReference: null,
	targetUserId: null,
	detail: null,
	...fields,
})

describe('the audit log in words', () => {
	test('a role change names the account and both roles', () => {
		const described = describeAuditEvent(
			row({
				action: 'staff.role-changed',
				targetUserId: anna,
				detail: { from: 'COUNSELLOR', to: 'LEAD' },
			}),
			names,
			t,
		)
		expect(described).toEqual({
			id: '1',
			at: '2026-12-02 08:15',
			actor: 'lea@office.test',
			what: 'Rolle geändert',
			concerning: 'Anna Muster (anna@office.test)',
			details: 'Beratung → Leitung',
		})
	})

	test('an assignment names both counsellors, found among the ids it holds', () => {
		const assigned = row({
			action: 'case.assigned',
			caseReference: 'K7Q2-M4XD',
			targetUserId: ben,
			detail: { from: anna, to: ben },
		})
		expect(accountIdsNamedBy([assigned]).sort()).toEqual([anna, ben].sort())
		const described = describeAuditEvent(assigned, names, t)
		expect(described.concerning).toBe('Fall K7Q2-M4XD · Ben Beispiel (ben@office.test)')
		expect(described.details).toBe(
			'Anna Muster (anna@office.test) → Ben Beispiel (ben@office.test)',
		)
	})

	test('status, outcome, service and classification come out as their labels', () => {
		expect(
			describeAuditEvent(
				row({ action: 'case.status', detail: { from: 'NEW', to: 'CLOSED', outcome: 'referred' } }),
				names,
				t,
			).details,
		).toBe('Neu → Abgeschlossen, Ergebnis: Weiterverwiesen')
		expect(
			describeAuditEvent(
				row({ action: 'case.service-added', detail: { type: 'information', minutes: 45 } }),
				names,
				t,
			).details,
		).toBe('Auskunft, 45 Minuten')
		expect(
			describeAuditEvent(
				row({
					action: 'case.classified',
					detail: { areas: ['work'], forms: ['insult'], motives: [], actors: [] },
				}),
				names,
				t,
			).details,
		).toBe('Lebensbereich: Arbeitswelt; Form: Beschimpfung')
	})

	test('a follow-up date says its day, and the complaint mark says only that it changed', () => {
		const set = describeAuditEvent(
			row({ action: 'case.due-date-set', detail: { dueOn: '2026-12-24' } }),
			names,
			t,
		)
		expect([set.what, set.details]).toEqual(['Wiedervorlage gesetzt', 'am 2026-12-24'])
		const marked = describeAuditEvent(row({ action: 'case.complaint-offence-marked' }), names, t)
		expect([marked.what, marked.details]).toEqual(['Markierung Antragsdelikt geändert', ''])
	})

	test('an entry about the actor’s own account names it once', () => {
		const signedIn = row({ action: 'login', actorId: anna, targetUserId: anna })
		expect(describeAuditEvent(signedIn, names, t).concerning).toBe('')
	})

	test('every action has a label, and an entry without an actor is the system’s', () => {
		for (const action of AUDIT_ACTIONS) expect(auditActionLabel(action, t)).not.toBe(action)
		const described = describeAuditEvent(
			row({ action: 'retention.run', actorEmail: null, detail: { deleted: 3, months: 24 } }),
			names,
			t,
		)
		expect(described.actor).toBe('das System')
		expect(described.details).toBe('3 Fälle gelöscht (Frist 24 Monate)')
	})
})
