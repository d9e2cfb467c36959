// A reporter "signed in" with their follow-up code. The code derives the
// reporter's key, which opens the case key; the case key is then kept only
// encrypted with a random session key that lives in the reporter's cookie.
// A database copy therefore holds no usable session (security-model.md).
import {
	followUpLookupHash,
	normalizeFollowUpCode,
	reporterKeyPair,
} from '~/platform/crypto/follow-up-code.server'
import { openSealed } from '~/platform/crypto/key-pairs.server'
import { prisma, toBytes } from '~/platform/db.server'
import { getHashPepper } from '~/platform/hash-pepper.server'
import {
	newSessionToken,
	openSessionSecret,
	sealSessionSecret,
	sessionRowId,
} from '~/platform/sessions/session-envelope.server'
import type { SessionToken } from '~/platform/sessions/token-cookie.server'

export const REPORTER_IDLE_MINUTES = 30

/**
 * When a session used now ends unless used again: 30 minutes on, rounded up
 * to the whole minute. That deadline is the only time the row keeps
 * (docs/data-protection.md), not when it was opened or last used.
 */
export function idleDeadline(now: Date): Date {
	const minute = 60_000
	return new Date(Math.ceil((now.getTime() + REPORTER_IDLE_MINUTES * minute) / minute) * minute)
}

/** What the cookie holds: the session's id and the key that opens its row. */
export type ReporterSessionToken = SessionToken

/** The acting reporter: one case, its key, for this request only. */
export type Reporter = { caseId: string; caseKey: Buffer }

/** Opens a session for a code, or null for a wrong one (one answer for every kind of wrong). */
export async function openReporterSession(codeInput: string): Promise<ReporterSessionToken | null> {
	const code = normalizeFollowUpCode(codeInput)
	if (!code) return null
	// Not unique in the schema; a collision of 256-bit hashes is never expected,
	// and every candidate's grant is tried anyway.
	const candidates = await prisma.case.findMany({
		where: { followUpLookup: toBytes(followUpLookupHash(code, getHashPepper())) },
		select: { id: true, grants: { where: { holder: 'REPORTER' }, select: { sealedKey: true } } },
	})
	const keyPair = reporterKeyPair(code)
	for (const candidate of candidates) {
		for (const grant of candidate.grants) {
			const caseKey = openSealed(grant.sealedKey, keyPair)
			if (!caseKey) continue
			const token = newSessionToken()
			await prisma.reporterSession.create({
				data: {
					id: sessionRowId(token),
					caseId: candidate.id,
					encryptedCaseKey: toBytes(sealSessionSecret('reporter-session', token, caseKey)),
					expiresAt: idleDeadline(new Date()),
				},
				select: { id: true },
			})
			caseKey.fill(0)
			return token
		}
	}
	return null
}

/** The reporter behind a cookie, or null when it is unknown, forged or idle too long. */
export async function getReporter(
	token: ReporterSessionToken,
	now = new Date(),
): Promise<Reporter | null> {
	const rowId = sessionRowId(token)
	const session = await prisma.reporterSession.findUnique({
		where: { id: rowId },
		select: { caseId: true, encryptedCaseKey: true, expiresAt: true },
	})
	if (!session) return null
	if (now > session.expiresAt) {
		await prisma.reporterSession.deleteMany({ where: { id: rowId } })
		return null
	}
	const caseKey = openSessionSecret('reporter-session', token, session.encryptedCaseKey)
	if (!caseKey) return null
	await prisma.reporterSession.update({
		where: { id: rowId },
		data: { expiresAt: idleDeadline(now) },
		select: { id: true },
	})
	return { caseId: session.caseId, caseKey }
}

export async function endReporterSession(token: ReporterSessionToken): Promise<void> {
	await prisma.reporterSession.deleteMany({ where: { id: sessionRowId(token) } })
}

/** Idle sessions are useless without their cookie; this removes their rows. */
export async function deleteIdleReporterSessions(now = new Date()): Promise<number> {
	const { count } = await prisma.reporterSession.deleteMany({
		where: { expiresAt: { lt: now } },
	})
	return count
}
