// The audit log in words: a lead or an admin reads "Rolle geändert:
// Beratung → Leitung" for anna@…, not an action code and a JSON object. Each
// entry's detail holds identifiers and choices only (audit.server.ts); here
// they become labels, and the accounts they name become names.
import type { TFunction } from 'i18next'
import type { AuditAction } from './audit.server'

type Detail = Record<string, unknown>

export type AuditRow = {
	id: string
	at: Date
	action: string
	actorId: string | null
	actorEmail: string | null
	caseReference: string | null
	targetUserId: string | null
	detail: unknown
}

/** An account's label in the log: its name and address. */
export type AccountNames = ReadonlyMap<string, string>

export type DescribedAuditEvent = {
	id: string
	at: string
	actor: string
	what: string
	concerning: string
	details: string
}

/** The accounts an entry names besides its actor: the target and, for an assignment, both sides. */
export function accountIdsNamedBy(rows: readonly AuditRow[]): string[] {
	const ids = new Set<string>()
	for (const row of rows) {
		if (row.targetUserId) ids.add(row.targetUserId)
		const detail = asDetail(row.detail)
		for (const key of ['from', 'to'] as const) {
			const value = detail[key]
			if (row.action === 'case.assigned' && typeof value === 'string') ids.add(value)
		}
	}
	return [...ids]
}

export function describeAuditEvent(
	row: AuditRow,
	names: AccountNames,
	t: TFunction,
): DescribedAuditEvent {
	// A sign-in or a password change concerns the actor's own account: said once, in "who".
	const ownAccount = row.targetUserId !== null && row.targetUserId === row.actorId
	const account =
		row.targetUserId && !ownAccount
			? (names.get(row.targetUserId) ?? t('staff:audit.unknownAccount'))
			: ''
	const concerning = [
		row.caseReference ? t('staff:audit.case', { reference: row.caseReference }) : '',
		account,
	]
		.filter(Boolean)
		.join(' · ')
	return {
		id: row.id,
		at: row.at.toISOString().slice(0, 16).replace('T', ' '),
		actor: row.actorEmail ?? t('staff:audit.system'),
		what: auditActionLabel(row.action, t),
		concerning,
		details: detailsInWords(row.action as AuditAction, asDetail(row.detail), names, t),
	}
}

/** Action names hold dots, which the translation keys would read as nesting. */
export function auditActionLabel(action: string, t: TFunction): string {
	return t(`staff:audit.actions.${action.replaceAll('.', '_')}`, { defaultValue: action })
}

function asDetail(value: unknown): Detail {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Detail) : {}
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : ''

function detailsInWords(
	action: AuditAction,
	detail: Detail,
	names: AccountNames,
	t: TFunction,
): string {
	const role = (value: unknown) => (value ? t(`staff:roles.${text(value)}`) : '')
	const person = (value: unknown) =>
		typeof value === 'string'
			? (names.get(value) ?? t('staff:audit.unknownAccount'))
			: t('staff:audit.nobody')
	switch (action) {
		case 'staff.role-changed':
			return t('staff:audit.details.change', { from: role(detail.from), to: role(detail.to) })
		case 'staff.invited':
			return t('staff:audit.details.role', { role: role(detail.role) })
		case 'staff.keys-requested':
		case 'staff.keys-approved':
		case 'staff.keys-refused':
			return [
				detail.role ? t('staff:audit.details.role', { role: role(detail.role) }) : '',
				detail.reason
					? t(`staff:keyRequests.reasons.${text(detail.reason)}`, { defaultValue: '' })
					: '',
				detail.by === 'recovery-key' ? t('staff:audit.details.byRecoveryKey') : '',
			]
				.filter(Boolean)
				.join(', ')
		case 'staff.invitation-revoked':
			return [
				t(`staff:audit.details.linkKind.${text(detail.kind)}`, { defaultValue: '' }),
				detail.replaced ? t('staff:audit.details.replaced') : '',
			]
				.filter(Boolean)
				.join(', ')
		case 'staff.activated':
			return detail.reset ? t('staff:audit.details.afterReset') : ''
		case 'case.status': {
			const change = t('staff:audit.details.change', {
				from: t(`staff:status.${text(detail.from)}`),
				to: t(`staff:status.${text(detail.to)}`),
			})
			return detail.outcome
				? t('staff:audit.details.withOutcome', {
						change,
						outcome: t(`staff:outcome.${text(detail.outcome)}`),
					})
				: change
		}
		case 'case.assigned':
			return detail.from
				? t('staff:audit.details.change', { from: person(detail.from), to: person(detail.to) })
				: t('staff:audit.details.assignedTo', { to: person(detail.to) })
		case 'case.service-added':
			return t('staff:audit.details.service', {
				type: t(`staff:service.${text(detail.type)}`),
				minutes: text(detail.minutes),
			})
		case 'case.classified':
			return classificationInWords(detail, t)
		case 'case.recorded':
			return t(
				detail.followUpCode
					? 'staff:audit.details.recorded'
					: 'staff:audit.details.recordedWithoutCode',
				{ channel: t(`staff:channel.${text(detail.channel)}`) },
			)
		case 'case.read':
			return detail.content
				? t('staff:audit.details.withContent')
				: t('staff:audit.details.withoutContent')
		case 'case.due-date-set':
			return t('staff:audit.details.dueOn', { date: text(detail.dueOn) })
		case 'case.deleted':
			return t('staff:audit.details.caseDeleted', { months: text(detail.months) })
		case 'case.personal-data-deleted':
			return t(`staff:case.deletion.${text(detail.reason)}`, { defaultValue: '' })
		case 'login.failed':
			return detail.email
				? t('staff:audit.details.triedAddress', { email: text(detail.email) })
				: ''
		case 'access.denied':
			return `${text(detail.method)} ${text(detail.path)}`.trim()
		case 'settings.changed':
			return t('staff:audit.details.settings', {
				months: text(detail.retentionMonths),
				threshold: text(detail.statisticsThreshold),
			})
		case 'notifications.test-sent':
			return [
				t(`staff:audit.details.testMail.${text(detail.to)}`, { defaultValue: '' }),
				detail.delivered
					? t('staff:audit.details.testMail.delivered')
					: t('staff:audit.details.testMail.failed', { failure: text(detail.failure) }),
			]
				.filter(Boolean)
				.join(', ')
		case 'notifications.mode-changed':
			return t(`staff:account.notices.modes.${text(detail.mode)}`, { defaultValue: '' })
		case 'retention.run':
			return t('staff:audit.details.retentionRun', {
				count: Number(detail.deleted ?? 0),
				months: text(detail.months),
			})
		case 'statistics.exported':
			return t('staff:audit.details.export', {
				year: text(detail.year),
				format: text(detail.format).toUpperCase(),
			})
		case 'reply-template.saved':
			return t('staff:audit.details.template', {
				purpose: t(`staff:templates.purposes.${text(detail.purpose)}`, { defaultValue: '' }),
				language: t(`staff:languages.${text(detail.language)}`, { defaultValue: '' }),
			})
		case 'activity.recorded':
		case 'activity.deleted':
			return activityInWords(detail, t)
		case 'activity.changed':
			return t('staff:audit.details.change', {
				from: activityInWords(asDetail(detail.from), t),
				to: activityInWords(asDetail(detail.to), t),
			})
		case 'case.grants-completed':
			return t('staff:audit.details.cases', { count: Number(detail.count ?? 0) })
		case 'recovery-key.rotated':
			return typeof detail.rewrapped === 'number'
				? t('staff:audit.details.rewrapped', { count: detail.rewrapped })
				: ''
		case 'setup.recovery-sheet-shown':
		case 'setup.recovery-key-confirmed':
			return detail.sheet ? t('staff:audit.details.sheet', { sheet: text(detail.sheet) }) : ''
		default:
			return ''
	}
}

const CLASSIFICATION_PARTS = ['areas', 'forms', 'motives', 'actors'] as const

function classificationInWords(detail: Detail, t: TFunction): string {
	return CLASSIFICATION_PARTS.flatMap((part) => {
		const codes = Array.isArray(detail[part]) ? (detail[part] as unknown[]).map(text) : []
		if (!codes.length) return []
		const labels = codes.map((code) => t(`taxonomy:${part}.${code}`, { defaultValue: code }))
		return [`${t(`staff:audit.details.classification.${part}`)}: ${labels.join(', ')}`]
	}).join('; ')
}

/** "Schulung, Verwaltung, 2026-03-14, 25 Teilnehmende, 2.5 Stunden". */
function activityInWords(detail: Detail, t: TFunction): string {
	return [
		t(`staff:activities.kinds.${text(detail.kind)}`, { defaultValue: text(detail.kind) }),
		t(`staff:activities.audiences.${text(detail.audience)}`, {
			defaultValue: text(detail.audience),
		}),
		text(detail.heldOn),
		typeof detail.participants === 'number'
			? t('staff:activities.participantsCount', { count: detail.participants })
			: t('staff:activities.participantsNotCounted'),
		t('staff:activities.hoursCount', { count: Number(detail.minutes ?? 0) / 60 }),
	].join(', ')
}
