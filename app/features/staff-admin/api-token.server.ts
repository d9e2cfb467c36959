// Read-only tokens for the canton's machine access to the suppressed
// statistics. The admin creates and revokes them; only a SHA-256 of each is
// stored (a random 256-bit token needs no slow hash), and every use is
// audited.
import { hashToken, newRandomToken } from '~/platform/crypto/token-hash.server'
import { prisma, toBytes } from '~/platform/db.server'
import { requirePermission } from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

export async function listApiTokens(actor: StaffActor) {
	requirePermission(actor, 'settings:manage')
	const tokens = await prisma.apiToken.findMany({
		orderBy: { createdAt: 'desc' },
		select: { id: true, name: true, createdAt: true, revokedAt: true, lastUsedAt: true },
	})
	return tokens.map((token) => ({
		id: token.id,
		name: token.name,
		createdOn: token.createdAt.toISOString().slice(0, 10),
		revoked: token.revokedAt !== null,
		lastUsedOn: token.lastUsedAt?.toISOString().slice(0, 10) ?? null,
	}))
}

/** Returns the token, shown once to the admin. */
export async function createApiToken(actor: StaffActor, name: string): Promise<string> {
	requirePermission(actor, 'settings:manage')
	const token = `ast_${newRandomToken()}`
	await prisma.$transaction(async (tx) => {
		const created = await tx.apiToken.create({
			data: { name, tokenHash: toBytes(hashToken(token)), createdById: actor.id },
			select: { id: true },
		})
		await recordAudit(tx, { action: 'api-token.created', actor, detail: { tokenId: created.id } })
	})
	return token
}

export async function revokeApiToken(actor: StaffActor, id: string): Promise<void> {
	requirePermission(actor, 'settings:manage')
	await prisma.$transaction(async (tx) => {
		await tx.apiToken.updateMany({
			where: { id, revokedAt: null },
			data: { revokedAt: new Date() },
		})
		await recordAudit(tx, { action: 'api-token.revoked', actor, detail: { tokenId: id } })
	})
}

/** The token behind an `Authorization: Bearer` header, or null when unknown or revoked. */
export async function findActiveApiToken(header: string | null) {
	const token = /^Bearer\s+(ast_[\w-]{20,})$/.exec(header ?? '')?.[1]
	if (!token) return null
	const found = await prisma.apiToken.findUnique({
		where: { tokenHash: toBytes(hashToken(token)) },
		select: { id: true, name: true, revokedAt: true },
	})
	if (!found || found.revokedAt) return null
	await prisma.apiToken.update({
		where: { id: found.id },
		data: { lastUsedAt: new Date() },
		select: { id: true },
	})
	return { id: found.id, name: found.name }
}
