// Staff login, step one: e-mail and password. Every failure gets the same
// answer; failures are counted per account and per client (rate limits in
// PostgreSQL), and an unknown account costs the same time as a known one.
import { Argon2BusyError } from '~/platform/crypto/argon2-gate.server'
import { hashPassword, needsRehash, verifyPassword } from '~/platform/crypto/password-hash.server'
import { prisma } from '~/platform/db.server'
import { getHashPepper } from '~/platform/hash-pepper.server'
import { createHmac } from 'node:crypto'
import { recordAudit } from '../audit/audit.server'
import { isLimited, RATE_LIMITS, record, reset } from '../rate-limit/rate-limit.server'
import { openHalfSession } from './staff-session.server'
import { findStaffForLogin, openPrivateKey } from '../staff-admin/staff-user.server'
import type { SessionToken } from '~/platform/sessions/token-cookie.server'

export type LoginResult =
	| { kind: 'half-open'; token: SessionToken }
	| { kind: 'invalid' }
	| { kind: 'throttled' }
	| { kind: 'busy' }

/** The per-account counter's key: a keyed hash of the e-mail, so unknown addresses are counted too. */
export function accountKey(email: string): Buffer {
	return createHmac('sha256', getHashPepper())
		.update(`login-account:${email.trim().toLowerCase()}`)
		.digest()
}

/**
 * A failure counts against the limits and is audited. The counters are not
 * what the entry records, and they must count even if the entry could not
 * be written, so each stands alone.
 */
export async function countFailedLogin(email: string, clientKey: Buffer, accountId?: string) {
	await Promise.all([
		record(RATE_LIMITS.loginAccount, accountKey(email)),
		record(RATE_LIMITS.loginClient, clientKey),
	])
	await recordAudit(prisma, {
		action: 'login.failed',
		actor: null,
		targetUserId: accountId ?? null,
		detail: { email: email.trim().toLowerCase().slice(0, 200) },
	})
}

export async function isLoginThrottled(email: string, clientKey: Buffer): Promise<boolean> {
	const [account, client] = await Promise.all([
		isLimited(RATE_LIMITS.loginAccount, accountKey(email)),
		isLimited(RATE_LIMITS.loginClient, clientKey),
	])
	return account || client
}

export async function logIn(input: {
	email: string
	password: string
	clientKey: Buffer
}): Promise<LoginResult> {
	const { email, password, clientKey } = input
	if (await isLoginThrottled(email, clientKey)) {
		await recordAudit(prisma, {
			action: 'login.throttled',
			detail: { email: email.trim().toLowerCase().slice(0, 200) },
		})
		return { kind: 'throttled' }
	}
	try {
		const account = await findStaffForLogin(email)
		const passwordOk = await verifyPassword(account?.passwordHash ?? '', password)
		if (!account || !account.active || !passwordOk) {
			await countFailedLogin(email, clientKey, account?.id)
			return { kind: 'invalid' }
		}
		const privateKey = await openPrivateKey(account, password)
		if (needsRehash(account.passwordHash)) {
			await prisma.staffUser.update({
				where: { id: account.id },
				data: { passwordHash: await hashPassword(password) },
				select: { id: true },
			})
		}
		const token = await openHalfSession(account.id, privateKey)
		privateKey.fill(0)
		return { kind: 'half-open', token }
	} catch (error) {
		if (error instanceof Argon2BusyError) return { kind: 'busy' }
		throw error
	}
}

/** A successful second factor ends the run of failures. */
export async function forgetFailedLogins(email: string): Promise<void> {
	await reset(RATE_LIMITS.loginAccount, accountKey(email))
}
