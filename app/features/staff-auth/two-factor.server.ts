// Staff login, step two: a TOTP code from an authenticator app, or one of
// the ten recovery codes. Enrolment happens at the first login: the secret
// is kept (encrypted with a server key) from the moment the QR code is
// shown, and counts only once a code from it has been entered.
import {
	generateRecoveryCodes,
	recoveryCodeHash,
} from '~/features/staff-auth/recovery-codes.server'
import { acceptTotpCode, newTotpSecret, totpAuthUri } from '~/features/staff-auth/totp-code'
import { openTotpSecret, sealTotpSecret } from '~/features/staff-auth/totp-secret.server'
import { prisma, toBytes } from '~/platform/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { getHashPepper } from '~/platform/hash-pepper.server'
import { recordAudit } from '../audit/audit.server'
import { auditLoginAttempt, forgetFailedLogins, takeLoginAttempt } from './login.server'
import { endAllSessionsOf, type OpenedSession } from './staff-session.server'

export const TOTP_ISSUER = 'Anlaufstelle'

/**
 * The secret to enrol (the same one on every reload until it is confirmed),
 * or null once enrolment is done (the page then shows the recovery codes).
 */
export async function enrolmentFor(session: OpenedSession) {
	const user = await prisma.staffUser.findUniqueOrThrow({
		where: { id: session.id },
		select: { totpSecret: true, totpEnabledAt: true },
	})
	if (user.totpEnabledAt) return null
	let secret = user.totpSecret ? openTotpSecret(user.totpSecret) : null
	if (!secret) {
		secret = newTotpSecret()
		await prisma.staffUser.update({
			where: { id: session.id },
			data: { totpSecret: toBytes(sealTotpSecret(secret)) },
			select: { id: true },
		})
	}
	return { secret, uri: totpAuthUri(secret, session.email, TOTP_ISSUER) }
}

/** Confirms enrolment with a first code; returns the recovery codes to show once, or null. */
export async function confirmEnrolment(
	session: OpenedSession,
	code: string,
	now = new Date(),
): Promise<string[] | null> {
	const user = await prisma.staffUser.findUniqueOrThrow({
		where: { id: session.id },
		select: { totpSecret: true, totpEnabledAt: true },
	})
	if (user.totpEnabledAt || !user.totpSecret) return null
	const step = acceptTotpCode(openTotpSecret(user.totpSecret), code, null, now.getTime())
	if (step === null) return null
	const codes = generateRecoveryCodes()
	const pepper = getHashPepper()
	const codeHashes = codes.map((each) => toBytes(recoveryCodeHash(each, pepper)!))
	// The second factor, its recovery codes and the entry, together; a
	// confirmation racing this one finds the factor enrolled and changes nothing.
	const enrolled = await prisma.$transaction(async (tx) => {
		const { count } = await tx.staffUser.updateMany({
			where: { id: session.id, totpEnabledAt: null },
			data: { totpEnabledAt: now, totpLastStep: step },
		})
		if (count !== 1) return false
		await tx.recoveryCode.deleteMany({ where: { staffUserId: session.id } })
		await tx.recoveryCode.createMany({
			data: codeHashes.map((codeHash) => ({ staffUserId: session.id, codeHash })),
		})
		await recordAudit(tx, {
			action: 'two-factor.enrolled',
			actor: session,
			targetUserId: session.id,
		})
		return true
	})
	return enrolled ? codes : null
}

export type SecondFactorResult = 'passed' | 'wrong' | 'throttled'

export async function checkSecondFactor(
	session: OpenedSession,
	input: string,
	clientKey: Buffer,
	now = new Date(),
): Promise<SecondFactorResult> {
	const attempt = await takeLoginAttempt(session.email, clientKey)
	if (!attempt.allowed) {
		await auditLoginAttempt('second-factor.throttled', session.email, session.id)
		return 'throttled'
	}
	const passed =
		(await acceptTotp(session, input, now)) || (await spendRecoveryCode(session, input))
	if (!passed) {
		await auditLoginAttempt('second-factor.failed', session.email, session.id)
		return 'wrong'
	}
	await attempt.giveBack()
	await forgetFailedLogins(session.email)
	return 'passed'
}

async function acceptTotp(session: OpenedSession, input: string, now: Date): Promise<boolean> {
	const user = await prisma.staffUser.findUniqueOrThrow({
		where: { id: session.id },
		select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
	})
	if (!user.totpEnabledAt || !user.totpSecret) return false
	const step = acceptTotpCode(
		openTotpSecret(user.totpSecret),
		input,
		user.totpLastStep,
		now.getTime(),
	)
	if (step === null) return false
	// Two logins racing with the same code: only one moves the step forward.
	const { count } = await prisma.staffUser.updateMany({
		where: {
			id: session.id,
			OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
		},
		data: { totpLastStep: step },
	})
	return count === 1
}

async function spendRecoveryCode(session: OpenedSession, input: string): Promise<boolean> {
	const hash = recoveryCodeHash(input, getHashPepper())
	if (!hash) return false
	return prisma.$transaction(async (tx) => {
		const { count } = await tx.recoveryCode.updateMany({
			where: { staffUserId: session.id, codeHash: toBytes(hash), usedAt: null },
			data: { usedAt: new Date() },
		})
		if (count !== 1) return false
		await recordAudit(tx, {
			action: 'recovery-code.used',
			actor: session,
			targetUserId: session.id,
		})
		return true
	})
}

export async function remainingRecoveryCodes(staffUserId: string): Promise<number> {
	return prisma.recoveryCode.count({ where: { staffUserId, usedAt: null } })
}

/**
 * A lost second factor: the next login enrols again, and every session of
 * the account ends. Queries for the caller's transaction (the admin's reset,
 * a password reset link), which also holds the audit entry.
 */
export async function clearTwoFactor(
	db: Pick<Prisma.TransactionClient, 'staffUser' | 'recoveryCode' | 'staffSession'>,
	staffUserId: string,
): Promise<void> {
	await db.staffUser.update({
		where: { id: staffUserId },
		data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
		select: { id: true },
	})
	await db.recoveryCode.deleteMany({ where: { staffUserId } })
	await endAllSessionsOf(db, staffUserId)
}
