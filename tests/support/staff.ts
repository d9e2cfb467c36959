// Staff fixtures for integration tests: accounts of each role, sessions
// opened the way a login opens them, and the acting StaffActor.
import { prisma } from '~/platform/db.server'
import type { StaffRoleName } from '~/platform/permissions'
import {
	openHalfSession,
	readStaffSession,
	upgradeSession,
} from '~/features/staff-auth/staff-session.server'
import {
	createStaffUser,
	openPrivateKey,
	WRAPPED_KEY_SELECT,
} from '~/features/staff-admin/staff-user.server'
import type { SessionToken } from '~/platform/sessions/token-cookie.server'

export const PASSWORD = 'a long staff password'

export async function createSignedInStaff(role: StaffRoleName, name: string) {
	const user = await createStaffUser({
		email: `${name}@example.ch`,
		displayName: name,
		role,
		password: PASSWORD,
	})
	return { user, ...(await signInAs(user.id, PASSWORD)) }
}

/** A full session of an existing account, as password and second factor open it. */
export async function signInAs(userId: string, password: string) {
	const account = await prisma.staffUser.findUniqueOrThrow({
		where: { id: userId },
		select: WRAPPED_KEY_SELECT,
	})
	const privateKey = await openPrivateKey(account, password)
	if (!privateKey) throw new Error('the password does not open the key')
	const half = await readStaffSession(await openHalfSession(userId, privateKey))
	const token = await upgradeSession(half!)
	const actor = (await readStaffSession(token))!
	return { token, actor, cookie: cookieOf(token) }
}

export const cookieOf = (token: SessionToken) =>
	`staff_session=${token.id}.${token.key.toString('base64url')}`
