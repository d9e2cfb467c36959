// The audit log: who did what, when, to which case or account; never any
// content. Append-only (a trigger refuses every update, and the delete of an
// entry younger than a year; retention deletes those older than its period),
// and each entry is written in the same transaction as what it records: a
// change without its entry, or an entry without its change, cannot be
// committed.
// Reads of it are scoped like everything else: only roles with `audit:read`.
import { requirePermission } from '~/platform/permissions'
import { prisma } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { TFunction } from 'i18next'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { accountIdsNamedBy, describeAuditEvent } from './audit-description.server'

export const AUDIT_ACTIONS = [
	'login',
	'login.failed',
	'login.throttled',
	'second-factor.failed',
	'second-factor.throttled',
	'password.change-failed',
	'password.change-throttled',
	'two-factor.enrolled',
	'two-factor.reset',
	'recovery-code.used',
	'logout',
	'password.changed',
	'password.reset',
	'access.denied',
	'case.read',
	'case.read.denied',
	'case.recorded',
	'case.classified',
	'case.status',
	'case.assigned',
	'case.service-added',
	'case.note-added',
	'case.message-sent',
	'case.attachment-read',
	'case.personal-data-deleted',
	'case.withdrawn',
	'case.deleted',
	'case.grants-completed',
	'activity.recorded',
	'activity.changed',
	'activity.deleted',
	'case.due-date-set',
	'case.due-date-cleared',
	'case.complaint-offence-marked',
	'case.marked-answered',
	'staff.invited',
	'staff.activated',
	'staff.role-changed',
	'staff.deactivated',
	'staff.reactivated',
	'staff.invitation-revoked',
	'staff.keys-requested',
	'staff.keys-approved',
	'staff.keys-refused',
	'settings.changed',
	'notifications.test-sent',
	'notifications.mode-changed',
	'statistics.exported',
	'api-token.created',
	'api-token.revoked',
	'reply-template.saved',
	'reply-template.deleted',
	'retention.run',
	'retention.scheduled',
	'recovery-key.rotated',
	'setup.link-issued',
	'setup.details-saved',
	'setup.recovery-sheet-shown',
	'setup.recovery-key-confirmed',
	'setup.lead-created',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export type AuditEntry = {
	action: AuditAction
	actor?: { id: string; email: string } | null
	caseId?: string | null
	caseReference?: string | null
	targetUserId?: string | null
	/** Identifiers and choices only: never free text a person wrote. */
	detail?: Prisma.InputJsonValue
}

/**
 * Where an entry goes: the transaction of the change or the read it records,
 * so that neither exists without the other; the shared client only for an
 * event that changes nothing else (a refused login, a denied page).
 */
export type AuditWriter = Pick<Prisma.TransactionClient, 'auditEvent'>

export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
	await db.auditEvent.create({
		data: {
			action: entry.action,
			actorId: entry.actor?.id ?? null,
			actorEmail: entry.actor?.email ?? null,
			caseId: entry.caseId ?? null,
			caseReference: entry.caseReference ?? null,
			targetUserId: entry.targetUserId ?? null,
			detail: entry.detail,
		},
		select: { id: true },
	})
}

export const AUDIT_PAGE_SIZE = 50

export type AuditFilter = {
	action?: string
	actorId?: string
	targetUserId?: string
	caseReference?: string
	from?: Date
	to?: Date
	page?: number
}

/** A page of the log, in words (audit-description.server.ts). */
export async function listAuditEvents(actor: StaffActor, filter: AuditFilter, t: TFunction) {
	requirePermission(actor, 'audit:read')
	const where: Prisma.AuditEventWhereInput = {
		action: filter.action || undefined,
		actorId: filter.actorId,
		targetUserId: filter.targetUserId,
		caseReference: filter.caseReference ? filter.caseReference.toUpperCase() : undefined,
		at: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
	}
	const page = Math.max(1, filter.page ?? 1)
	const [rows, total] = await Promise.all([
		prisma.auditEvent.findMany({
			where,
			orderBy: { id: 'desc' },
			skip: (page - 1) * AUDIT_PAGE_SIZE,
			take: AUDIT_PAGE_SIZE,
			select: {
				id: true,
				at: true,
				actorId: true,
				actorEmail: true,
				action: true,
				caseReference: true,
				targetUserId: true,
				detail: true,
			},
		}),
		prisma.auditEvent.count({ where }),
	])
	const events = rows.map((row) => ({ ...row, id: String(row.id) }))
	const names = await accountNames(accountIdsNamedBy(events))
	return {
		events: events.map((event) => describeAuditEvent(event, names, t)),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
	}
}

/** Every account, for the log's "who" and "whom" filters: the log names deactivated ones too. */
export async function listAuditAccounts(actor: StaffActor) {
	requirePermission(actor, 'audit:read')
	const accounts = await prisma.staffUser.findMany({
		orderBy: [{ displayName: 'asc' }, { email: 'asc' }],
		select: { id: true, displayName: true, email: true },
	})
	return accounts.map((account) => ({ id: account.id, label: accountLabel(account) }))
}

async function accountNames(ids: string[]): Promise<Map<string, string>> {
	if (!ids.length) return new Map()
	const accounts = await prisma.staffUser.findMany({
		where: { id: { in: ids } },
		select: { id: true, displayName: true, email: true },
	})
	return new Map(accounts.map((account) => [account.id, accountLabel(account)]))
}

function accountLabel(account: { displayName: string; email: string }): string {
	return `${account.displayName} (${account.email})`
}
