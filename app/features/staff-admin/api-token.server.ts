// Read-only tokens for the canton's machine access to the suppressed
// statistics. The admin creates and revokes them; only a SHA-256 of each is
// stored (a random 256-bit token needs no slow hash), and every use is
// audited.
import { randomBytes } from 'node:crypto'
import { tokenHash } from '~/platform/crypto/token-hash.server'
import { prisma, toBytes } from '~/platform/db.server'
import { can, ForbiddenError } from '~/platform/permissions'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

function requireAdmin(actor: StaffActor) {
	if (!can(actor.role, 'settings:manage')) throw new ForbiddenError()
}

export async function listApiTokens(actor: StaffActor) {
	requireAdmin(actor)
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
	requireAdmin(actor)
	const token = `ast_${randomBytes(32).toString('base64url')}`
	const created = await prisma.apiToken.create({
		data: { name, tokenHash: toBytes(tokenHash(token)), createdById: actor.id },
		select: { id: true },
	})
	await recordAudit({ action: 'api-token.created', actor, detail: { tokenId: created.id } })
	return token
}

export async function revokeApiToken(actor: StaffActor, id: string): Promise<void> {
	requireAdmin(actor)
	await prisma.apiToken.updateMany({
		where: { id, revokedAt: null },
		data: { revokedAt: new Date() },
	})
	await recordAudit({ action: 'api-token.revoked', actor, detail: { tokenId: id } })
}

/** The token behind an `Authorization: Bearer` header, or null when unknown or revoked. */
export async function findActiveApiToken(header: string | null) {
	const token = /^Bearer\s+(ast_[\w-]{20,})$/.exec(header ?? '')?.[1]
	if (!token) return null
	const found = await prisma.apiToken.findUnique({
		where: { tokenHash: toBytes(tokenHash(token)) },
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
