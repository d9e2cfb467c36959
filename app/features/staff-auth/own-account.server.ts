// A staff member's own account: changing the password re-wraps the private
// key with the new password (security-model.md, "Password change") and ends
// the account's other sessions.
import { hashPassword, verifyPassword } from '~/platform/crypto/password-hash.server'
import { wrapWithPassword } from '~/platform/crypto/password-wrap.server'
import { prisma, toBytes } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import { auditLoginAttempt, takeLoginAttempt } from './login.server'
import { endAllSessionsOf, type StaffActor } from './staff-session.server'

/**
 * False when the current password is wrong, or when too many wrong ones came
 * before: the current password is a password guess like any other, counted
 * and audited as a sign-in attempt.
 */
export async function changePassword(
	actor: StaffActor,
	currentPassword: string,
	newPassword: string,
	clientKey: Buffer,
): Promise<boolean> {
	const attempt = await takeLoginAttempt(actor.email, clientKey)
	if (!attempt.allowed) {
		await auditLoginAttempt('password.change-throttled', actor.email, actor.id)
		return false
	}
	const account = await prisma.staffUser.findUniqueOrThrow({
		where: { id: actor.id },
		select: { passwordHash: true },
	})
	// Argon2 before the transaction, which then holds its locks for milliseconds only.
	if (!(await verifyPassword(account.passwordHash, currentPassword))) {
		await auditLoginAttempt('password.change-failed', actor.email, actor.id)
		return false
	}
	await attempt.giveBack()
	const [{ wrapped, salt }, passwordHash] = await Promise.all([
		wrapWithPassword(actor.privateKey, newPassword),
		hashPassword(newPassword),
	])
	// The new verifier, the other sessions' end and the entry: all or none.
	await prisma.$transaction(async (tx) => {
		await tx.staffUser.update({
			where: { id: actor.id },
			data: { passwordHash, wrappedPrivateKey: toBytes(wrapped), keySalt: toBytes(salt) },
			select: { id: true },
		})
		await endAllSessionsOf(tx, actor.id, actor.sessionId)
		await recordAudit(tx, { action: 'password.changed', actor, targetUserId: actor.id })
	})
	return true
}
