// A staff member's own account: changing the password re-wraps the private
// key with the new password, at the current cost (security-model.md,
// "Password change"), and ends the account's other sessions.
import { wrapWithPassword } from '~/platform/crypto/password-wrap.server'
import { prisma } from '~/platform/db.server'
import { recordAudit } from '../audit/audit.server'
import {
	openPrivateKey,
	WRAPPED_KEY_SELECT,
	wrappedKeyColumns,
} from '../staff-admin/staff-user.server'
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
		select: WRAPPED_KEY_SELECT,
	})
	// Argon2 before the transaction, which then holds its locks for
	// milliseconds only. The stored key opening with it proves the current
	// password; the session's copy of the key is what gets wrapped anew.
	const opened = await openPrivateKey(account, currentPassword)
	if (!opened) {
		await auditLoginAttempt('password.change-failed', actor.email, actor.id)
		return false
	}
	opened.fill(0)
	await attempt.giveBack()
	const wrapped = await wrapWithPassword(actor.privateKey, newPassword)
	// The new wrap, the other sessions' end and the entry: all or none.
	await prisma.$transaction(async (tx) => {
		await tx.staffUser.update({
			where: { id: actor.id },
			data: wrappedKeyColumns(wrapped),
			select: { id: true },
		})
		await endAllSessionsOf(tx, actor.id, actor.sessionId)
		await recordAudit(tx, { action: 'password.changed', actor, targetUserId: actor.id })
	})
	return true
}
