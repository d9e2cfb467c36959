// Staff accounts: their key pair and role. An account gets its key pair
// when it is activated (setup, invitation, demo seed); the private key
// exists on the server only wrapped by the password, and opening it is the
// password check. Whether it may receive case keys is a lead's decision
// (key-access/).
import { generateKeyPair } from '~/platform/crypto/key-pairs.server'
import {
	unwrapWithPassword,
	wrapWithPassword,
	type PasswordWrappedKey,
} from '~/platform/crypto/password-wrap.server'
import { prisma, toBytes } from '~/platform/db.server'
import { can, HOLDS_EVERY_CASE_KEY, type StaffRoleName } from '~/platform/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { queueEveryCaseFor, resetKeyApproval } from '../key-access/key-requests.server'

export type NewStaffUser = {
	email: string
	displayName: string
	role: StaffRoleName
	password: string
}

/** The columns of a wrapped private key: the ciphertext, its salt and the cost it was wrapped at. */
export function wrappedKeyColumns({ wrapped, salt, cost }: PasswordWrappedKey) {
	return {
		wrappedPrivateKey: toBytes(wrapped),
		keySalt: toBytes(salt),
		keyMemoryKiB: cost.memoryKiB,
		keyPasses: cost.passes,
		keyParallelism: cost.parallelism,
	}
}

/** What openPrivateKey needs of an account's row. */
export const WRAPPED_KEY_SELECT = {
	wrappedPrivateKey: true,
	keySalt: true,
	keyMemoryKiB: true,
	keyPasses: true,
	keyParallelism: true,
} as const

type WrappedKeyRow = {
	wrappedPrivateKey: Uint8Array
	keySalt: Uint8Array
	keyMemoryKiB: number
	keyPasses: number
	keyParallelism: number
}

export const costOf = (row: WrappedKeyRow) => ({
	memoryKiB: row.keyMemoryKiB,
	passes: row.keyPasses,
	parallelism: row.keyParallelism,
})

/**
 * A new account's row: its key pair, the private half wrapped by the
 * password. Argon2 takes about half a second, so this runs before the
 * transaction that inserts the row.
 */
export async function prepareStaffUser(input: NewStaffUser) {
	const keyPair = generateKeyPair()
	const wrapped = await wrapWithPassword(keyPair.privateKey, input.password)
	keyPair.privateKey.fill(0)
	return {
		email: input.email.trim().toLowerCase(),
		displayName: input.displayName,
		role: input.role,
		publicKey: toBytes(keyPair.publicKey),
		...wrappedKeyColumns(wrapped),
	}
}

export type PreparedStaffUser = Awaited<ReturnType<typeof prepareStaffUser>>

/**
 * Who approves that the account receives case keys: `approved` when whoever
 * creates it holds the office's keys already (the person setting the office
 * up, who has just made or holds the recovery key; the demo seed); else the
 * admin who invited it, and a lead decides (key-requests.server.ts).
 */
export type KeyApproval = 'approved' | { requestedBy: { id: string; email: string } }

/**
 * Inserts a prepared account, in the caller's transaction. An account whose
 * role holds every case's key gets a pending grant of every case, and
 * either its approval or a request for it.
 */
export async function insertStaffUser(
	tx: Prisma.TransactionClient,
	account: PreparedStaffUser,
	keys: KeyApproval,
) {
	const user = await tx.staffUser.create({
		data: { ...account, caseKeysApprovedAt: keys === 'approved' ? new Date() : null },
		select: { id: true, email: true, role: true },
	})
	if (!can(account.role, HOLDS_EVERY_CASE_KEY)) return user
	if (keys === 'approved') await queueEveryCaseFor(tx, user.id)
	else {
		await resetKeyApproval(tx, {
			staffUserId: user.id,
			role: account.role,
			reason: 'INVITATION',
			requestedBy: keys.requestedBy,
		})
	}
	return user
}

/**
 * An account made outside the back office (`npm run setup`, the demo seed,
 * tests), which audits nothing. Whoever runs these holds the database and
 * the recovery key already, so its keys count as approved.
 */
export async function createStaffUser(input: NewStaffUser) {
	const account = await prepareStaffUser(input)
	return prisma.$transaction((tx) => insertStaffUser(tx, account, 'approved'))
}

export async function findStaffForLogin(email: string) {
	return prisma.staffUser.findUnique({
		where: { email: email.trim().toLowerCase() },
		select: {
			id: true,
			email: true,
			role: true,
			active: true,
			...WRAPPED_KEY_SELECT,
		},
	})
}

/** The private key, opened with the password; null when the password is wrong. */
export function openPrivateKey(account: WrappedKeyRow, password: string) {
	return unwrapWithPassword(
		{ wrapped: account.wrappedPrivateKey, salt: account.keySalt, cost: costOf(account) },
		password,
	)
}

/**
 * Wraps the private key again at the current cost, after a sign-in opened
 * it with the password. Only if the row still holds the wrap that was
 * opened: a password change or reset at the same moment wins.
 */
export async function rewrapPrivateKey(
	account: { id: string; keySalt: Uint8Array },
	privateKey: Buffer,
	password: string,
): Promise<boolean> {
	const wrapped = await wrapWithPassword(privateKey, password)
	const { count } = await prisma.staffUser.updateMany({
		where: { id: account.id, keySalt: toBytes(account.keySalt) },
		data: wrappedKeyColumns(wrapped),
	})
	return count === 1
}
