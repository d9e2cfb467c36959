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

	test('status, outcome, service, classification and channel come out as their labels', () => {
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
		expect(
			describeAuditEvent(
				row({ action: 'case.recorded', detail: { channel: 'PHONE', followUpCode: true } }),
				names,
				t,
			).details,
		).toBe('Telefon, mit Folgecode')
		expect(
			describeAuditEvent(
				row({ action: 'case.recorded', detail: { channel: 'LETTER', followUpCode: false } }),
				names,
				t,
			).details,
		).toBe('Brief, ohne Folgecode')
	})

	test('a test mail says where it went and how; a notice choice names the choice', () => {
		const described = (detail: Record<string, unknown>) =>
			describeAuditEvent(row({ action: 'notifications.test-sent', detail }), names, t).details
		expect(described({ to: 'own', delivered: true })).toBe(
			'an die eigene Adresse, vom Mailserver angenommen',
		)
		expect(described({ to: 'office', delivered: false, failure: 'EAUTH 535' })).toBe(
			'an die Adresse der Stelle, nicht gesendet (EAUTH 535)',
		)
		expect(
			describeAuditEvent(
				row({ action: 'notifications.mode-changed', detail: { mode: 'DIGEST' } }),
				names,
				t,
			).details,
		).toBe('Eine Zusammenfassung pro Tag, um 7 Uhr')
	})

	test('an activity comes out as its kind, audience, day, participants and hours', () => {
		const activity = {
			heldOn: '2026-03-14',
			kind: 'institution_advice',
			audience: 'police_justice',
			participants: null,
			minutes: 45,
		}
		expect(
			describeAuditEvent(row({ action: 'activity.deleted', detail: activity }), names, t).details,
		).toBe(
			'Beratung einer Institution, Polizei und Justiz, 2026-03-14, Teilnehmende nicht gezählt, 0.75 Stunden',
		)
		expect(
			describeAuditEvent(
				row({
					action: 'activity.changed',
					detail: { from: activity, to: { ...activity, participants: 1, minutes: 60 } },
				}),
				names,
				t,
			).details,
		).toBe(
			'Beratung einer Institution, Polizei und Justiz, 2026-03-14, Teilnehmende nicht gezählt, 0.75 Stunden → ' +
				'Beratung einer Institution, Polizei und Justiz, 2026-03-14, 1 teilnehmende Person, 1 Stunde',
		)
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
