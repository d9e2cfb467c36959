// Staff login, step one: e-mail and password. The password is checked by
// opening the account's private key with it (decision 0016). Every failure
// gets the same answer; failures are counted per account and per client
// (rate limits in PostgreSQL), and an unknown account costs the same
// Argon2 time as a known one.
import { BusyError } from '~/platform/busy-gate.server'
import { isBelowCurrentCost, spendUnwrapTime } from '~/platform/crypto/password-wrap.server'
import { prisma } from '~/platform/db.server'
import { getHashPepper } from '~/platform/hash-pepper.server'
import { createHmac } from 'node:crypto'
import { recordAudit } from '../audit/audit.server'
import { RATE_LIMITS, refundAttempt, reset, takeAttempt } from '../rate-limit/rate-limit.server'
import { openHalfSession } from './staff-session.server'
import {
	costOf,
	findStaffForLogin,
	openPrivateKey,
	rewrapPrivateKey,
} from '../staff-admin/staff-user.server'
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
 * One sign-in attempt (a password, a second factor, the current password of
 * a change) counts against the account's and the client's limits before it
 * is tried, atomically, so that parallel attempts never get past a limit
 * between a check and a count. `give back` returns the attempt once it
 * succeeded; failures stay counted.
 */
export async function takeLoginAttempt(email: string, clientKey: Buffer) {
	const takenAt = new Date()
	const account = accountKey(email)
	const allowed = await Promise.all([
		takeAttempt(RATE_LIMITS.loginAccount, account, takenAt),
		takeAttempt(RATE_LIMITS.loginClient, clientKey, takenAt),
	])
	return {
		allowed: allowed.every(Boolean),
		giveBack: () =>
			Promise.all([
				refundAttempt(RATE_LIMITS.loginAccount, account, takenAt),
				refundAttempt(RATE_LIMITS.loginClient, clientKey, takenAt),
			]).then(() => undefined),
	}
}

/**
 * A failed or refused attempt is audited, standing alone: it changes
 * nothing else, and the counters have counted it already.
 */
export async function auditLoginAttempt(
	action:
		| 'login.failed'
		| 'login.throttled'
		| 'second-factor.failed'
		| 'second-factor.throttled'
		| 'password.change-failed'
		| 'password.change-throttled',
	email: string,
	accountId?: string,
) {
	await recordAudit(prisma, {
		action,
		actor: null,
		targetUserId: accountId ?? null,
		detail: { email: email.trim().toLowerCase().slice(0, 200) },
	})
}

export async function logIn(input: {
	email: string
	password: string
	clientKey: Buffer
}): Promise<LoginResult> {
	const { email, password, clientKey } = input
	const attempt = await takeLoginAttempt(email, clientKey)
	if (!attempt.allowed) {
		await auditLoginAttempt('login.throttled', email)
		return { kind: 'throttled' }
	}
	try {
		const account = await findStaffForLogin(email)
		// A deactivated account's key is opened too, and thrown away: its
		// answer must take as long as any other failure's.
		const privateKey = account
			? await openPrivateKey(account, password)
			: await spendUnwrapTime(password).then(() => null)
		if (!account || !account.active || !privateKey) {
			privateKey?.fill(0)
			await auditLoginAttempt('login.failed', email, account?.id)
			return { kind: 'invalid' }
		}
		await attempt.giveBack()
		try {
			if (isBelowCurrentCost(costOf(account))) {
				await rewrapPrivateKey(account, privateKey, password)
			}
		} catch (error) {
			// Busy: the key stays at its old cost until a quieter sign-in.
			if (!(error instanceof BusyError)) throw error
		}
		const token = await openHalfSession(account.id, privateKey)
		privateKey.fill(0)
		return { kind: 'half-open', token }
	} catch (error) {
		if (error instanceof BusyError) return { kind: 'busy' }
		throw error
	}
}

/** A successful second factor ends the run of failures. */
export async function forgetFailedLogins(email: string): Promise<void> {
	await reset(RATE_LIMITS.loginAccount, accountKey(email))
}
