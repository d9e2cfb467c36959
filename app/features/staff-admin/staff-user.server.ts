// Staff accounts: their login verifier, key pair and role. An account gets
// its key pair when it is activated (setup, invitation, demo seed); the
// private key exists on the server only wrapped by the password.
import { generateKeyPair } from '~/platform/crypto/key-pairs.server'
import { hashPassword } from '~/platform/crypto/password-hash.server'
import { unwrapWithPassword, wrapWithPassword } from '~/platform/crypto/password-wrap.server'
import { prisma, toBytes } from '~/platform/db.server'
import { can, HOLDS_EVERY_CASE_KEY, rolesWith, type StaffRoleName } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'

export type NewStaffUser = {
	email: string
	displayName: string
	role: StaffRoleName
	password: string
}

/**
 * A new account's row: its key pair, the private half wrapped by the
 * password, and the login verifier. Argon2 takes a good part of a second,
 * so this runs before the transaction that inserts the row.
 */
export async function prepareStaffUser(input: NewStaffUser) {
	const keyPair = generateKeyPair()
	const [{ wrapped, salt }, passwordHash] = await Promise.all([
		wrapWithPassword(keyPair.privateKey, input.password),
		hashPassword(input.password),
	])
	keyPair.privateKey.fill(0)
	return {
		email: input.email.trim().toLowerCase(),
		displayName: input.displayName,
		role: input.role,
		passwordHash,
		publicKey: toBytes(keyPair.publicKey),
		wrappedPrivateKey: toBytes(wrapped),
		keySalt: toBytes(salt),
	}
}

export type PreparedStaffUser = Awaited<ReturnType<typeof prepareStaffUser>>

/** Inserts a prepared account, in the caller's transaction; a lead gets pending grants with it. */
export async function insertStaffUser(tx: Prisma.TransactionClient, account: PreparedStaffUser) {
	const user = await tx.staffUser.create({
		data: account,
		select: { id: true, email: true, role: true },
	})
	if (can(account.role, HOLDS_EVERY_CASE_KEY)) await queueGrantsForNewLead(tx, user.id)
	return user
}

/** An account made outside the back office (setup, the demo seed, tests), which audits nothing. */
export async function createStaffUser(input: NewStaffUser) {
	const account = await prepareStaffUser(input)
	return prisma.$transaction((tx) => insertStaffUser(tx, account))
}

/**
 * A new lead must read every case, but only a session that can open a case
 * can wrap its key: the lead gets pending grants, which other leads'
 * sessions (or the recovery ceremony) complete.
 */
async function queueGrantsForNewLead(
	tx: Pick<Prisma.TransactionClient, '$executeRaw'>,
	staffUserId: string,
): Promise<void> {
	await tx.$executeRaw`
		INSERT INTO "PendingGrant" ("caseId", "staffUserId")
		SELECT "id", ${staffUserId} FROM "Case" WHERE "personalDataDeletedAt" IS NULL
		ON CONFLICT DO NOTHING`
}

/** The leads every new request is wrapped to (security-model.md, "New request"). */
export async function listActiveLeadKeys() {
	return prisma.staffUser.findMany({
		where: { role: { in: rolesWith(HOLDS_EVERY_CASE_KEY) }, active: true },
		select: { id: true, publicKey: true },
	})
}

export async function findStaffForLogin(email: string) {
	return prisma.staffUser.findUnique({
		where: { email: email.trim().toLowerCase() },
		select: {
			id: true,
			email: true,
			role: true,
			active: true,
			passwordHash: true,
			wrappedPrivateKey: true,
			keySalt: true,
		},
	})
}

/** The private key, opened with the password (throws when it does not open). */
export function openPrivateKey(
	account: { wrappedPrivateKey: Uint8Array; keySalt: Uint8Array },
	password: string,
) {
	return unwrapWithPassword(account.wrappedPrivateKey, account.keySalt, password)
}
