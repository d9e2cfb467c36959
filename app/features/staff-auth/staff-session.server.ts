// Staff sessions in PostgreSQL. The account's private key, unwrapped with the
// password at login, is kept in the row encrypted with a random session key
// that only the cookie holds (security-model.md, "Staff login"). A session
// is half-open between password and second factor (10 minutes), then lasts
// 8 hours at most and ends after 30 idle minutes, or at logout.
import { prisma, toBytes } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import type { StaffRoleName } from '~/platform/permissions'
import {
	newSessionToken,
	openSessionSecret,
	sealSessionSecret,
	sessionRowId,
} from '~/platform/sessions/session-envelope.server'
import type { SessionToken } from '~/platform/sessions/token-cookie.server'
import { recordAudit } from '../audit/audit.server'

export const STAFF_IDLE_MINUTES = 30
export const STAFF_ABSOLUTE_HOURS = 8
export const SECOND_FACTOR_MINUTES = 10
/** lastSeenAt is written at most this often, not on every click. */
const TOUCH_AFTER_MS = 60_000

/** The signed-in staff member acting in this request. */
export type StaffActor = {
	id: string
	email: string
	displayName: string
	role: StaffRoleName
	sessionId: string
	/** Opens the case keys wrapped to this account; lives only for this request. */
	privateKey: Buffer
}

export type OpenedSession = StaffActor & { twoFactorPassed: boolean; totpEnabled: boolean }

/** A session row; the private key is sealed here, before any transaction begins. */
function sessionRow(
	token: SessionToken,
	staffUserId: string,
	privateKey: Buffer,
	twoFactorPassed: boolean,
	now: Date,
) {
	const lifetime = twoFactorPassed
		? STAFF_ABSOLUTE_HOURS * 3_600_000
		: SECOND_FACTOR_MINUTES * 60_000
	return {
		id: sessionRowId(token),
		staffUserId,
		encryptedPrivateKey: toBytes(sealSessionSecret('staff-session', token, privateKey)),
		twoFactorPassed,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: new Date(now.getTime() + lifetime),
	}
}

/** After the password: a session that only the second factor can complete. */
export async function openHalfSession(
	staffUserId: string,
	privateKey: Buffer,
	now = new Date(),
): Promise<SessionToken> {
	const token = newSessionToken()
	await prisma.staffSession.create({
		data: sessionRow(token, staffUserId, privateKey, false, now),
		select: { id: true },
	})
	return token
}

/**
 * After the second factor: the half session is replaced by a full one under
 * a new id, so that an id seen before login is worth nothing after it. The
 * login is audited with it.
 */
export async function upgradeSession(half: OpenedSession, now = new Date()): Promise<SessionToken> {
	const token = newSessionToken()
	const row = sessionRow(token, half.id, half.privateKey, true, now)
	await prisma.$transaction(async (tx) => {
		await tx.staffSession.create({ data: row, select: { id: true } })
		await tx.staffSession.deleteMany({ where: { id: half.sessionId } })
		await recordAudit(tx, { action: 'login', actor: half, targetUserId: half.id })
	})
	return token
}

/** The session behind a cookie, or null when unknown, forged, expired or idle too long. */
export async function readStaffSession(
	token: SessionToken,
	now = new Date(),
): Promise<OpenedSession | null> {
	const rowId = sessionRowId(token)
	const row = await prisma.staffSession.findUnique({
		where: { id: rowId },
		select: {
			encryptedPrivateKey: true,
			twoFactorPassed: true,
			lastSeenAt: true,
			expiresAt: true,
			staffUser: {
				select: {
					id: true,
					email: true,
					displayName: true,
					role: true,
					active: true,
					totpEnabledAt: true,
				},
			},
		},
	})
	if (!row || !row.staffUser.active) return null
	const idleSince = now.getTime() - row.lastSeenAt.getTime()
	if (row.expiresAt <= now || (row.twoFactorPassed && idleSince > STAFF_IDLE_MINUTES * 60_000)) {
		await prisma.staffSession.deleteMany({ where: { id: rowId } })
		return null
	}
	const privateKey = openSessionSecret('staff-session', token, row.encryptedPrivateKey)
	if (!privateKey) return null
	if (idleSince > TOUCH_AFTER_MS) {
		await prisma.staffSession.updateMany({ where: { id: rowId }, data: { lastSeenAt: now } })
	}
	const user = row.staffUser
	return {
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		role: user.role,
		sessionId: rowId,
		privateKey,
		twoFactorPassed: row.twoFactorPassed,
		totpEnabled: user.totpEnabledAt !== null,
	}
}

/** Logout: the session ends on the server, audited. */
export async function endStaffSession(session: OpenedSession): Promise<void> {
	await prisma.$transaction(async (tx) => {
		await tx.staffSession.deleteMany({ where: { id: session.sessionId } })
		await recordAudit(tx, { action: 'logout', actor: session, targetUserId: session.id })
	})
}

/**
 * After a password change, a 2FA reset or a deactivation: every device signs
 * in again. A query for the caller's transaction, which holds the change
 * and its audit entry.
 */
export async function endAllSessionsOf(
	db: Pick<Prisma.TransactionClient, 'staffSession'>,
	staffUserId: string,
	except?: string,
): Promise<void> {
	await db.staffSession.deleteMany({
		where: { staffUserId, id: except ? { not: except } : undefined },
	})
}

export async function deleteExpiredStaffSessions(now = new Date()): Promise<number> {
	const { count } = await prisma.staffSession.deleteMany({
		where: {
			OR: [
				{ expiresAt: { lte: now } },
				{
					twoFactorPassed: true,
					lastSeenAt: { lt: new Date(now.getTime() - STAFF_IDLE_MINUTES * 60_000) },
				},
			],
		},
	})
	return count
}
