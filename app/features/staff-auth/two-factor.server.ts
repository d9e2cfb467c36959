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
import { getHashPepper } from '~/platform/hash-pepper.server'
import { recordAudit } from '../audit/audit.server'
import { countFailedLogin, forgetFailedLogins, isLoginThrottled } from './login.server'
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

async function storeRecoveryCodes(staffUserId: string): Promise<string[]> {
	const codes = generateRecoveryCodes()
	const pepper = getHashPepper()
	await prisma.$transaction([
		prisma.recoveryCode.deleteMany({ where: { staffUserId } }),
		prisma.recoveryCode.createMany({
			data: codes.map((code) => ({
				staffUserId,
				codeHash: toBytes(recoveryCodeHash(code, pepper)!),
			})),
		}),
	])
	return codes
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
	await prisma.staffUser.update({
		where: { id: session.id },
		data: { totpEnabledAt: now, totpLastStep: step },
		select: { id: true },
	})
	await recordAudit({ action: 'two-factor.enrolled', actor: session, targetUserId: session.id })
	return storeRecoveryCodes(session.id)
}

export type SecondFactorResult = 'passed' | 'wrong' | 'throttled'

export async function checkSecondFactor(
	session: OpenedSession,
	input: string,
	clientKey: Buffer,
	now = new Date(),
): Promise<SecondFactorResult> {
	if (await isLoginThrottled(session.email, clientKey)) return 'throttled'
	const passed =
		(await acceptTotp(session, input, now)) || (await spendRecoveryCode(session, input))
	if (!passed) {
		await countFailedLogin(session.email, clientKey, session.id)
		await recordAudit({ action: 'second-factor.failed', actor: session, targetUserId: session.id })
		return 'wrong'
	}
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
	const { count } = await prisma.recoveryCode.updateMany({
		where: { staffUserId: session.id, codeHash: toBytes(hash), usedAt: null },
		data: { usedAt: new Date() },
	})
	if (count === 1) {
		await recordAudit({ action: 'recovery-code.used', actor: session, targetUserId: session.id })
	}
	return count === 1
}

export async function remainingRecoveryCodes(staffUserId: string): Promise<number> {
	return prisma.recoveryCode.count({ where: { staffUserId, usedAt: null } })
}

/** The admin resets a lost second factor: the next login enrols again. */
export async function clearTwoFactor(staffUserId: string): Promise<void> {
	await prisma.$transaction([
		prisma.staffUser.update({
			where: { id: staffUserId },
			data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
			select: { id: true },
		}),
		prisma.recoveryCode.deleteMany({ where: { staffUserId } }),
	])
	await endAllSessionsOf(staffUserId)
}
