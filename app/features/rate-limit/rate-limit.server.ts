// Fixed-window rate limits kept in PostgreSQL, so they hold across app
// instances. Clients are told apart by a keyed hash that changes every day
// (server/client-key.ts); no address is ever stored.
import { prisma, toBytes } from '~/platform/db.server'

export type RateLimit = { bucket: string; limit: number; windowSeconds: number }

export const RATE_LIMITS = {
	/** Posts of the public form, sent or refused (a person correcting mistakes needs several). */
	submission: { bucket: 'submission', limit: 20, windowSeconds: 3600 },
	/**
	 * Posts of the public form that only change its language: they store
	 * nothing, so a person may switch often, but not without end.
	 */
	languageSwitch: { bucket: 'language-switch', limit: 60, windowSeconds: 3600 },
	/** Wrong follow-up codes; the tenth try in a row is refused. */
	codeLookup: { bucket: 'code-lookup', limit: 9, windowSeconds: 900 },
	/** Failed staff logins (password or second factor) per account: the tenth in a row is refused. */
	loginAccount: { bucket: 'login-account', limit: 9, windowSeconds: 900 },
	/** Failed staff logins per client, whichever accounts they try. */
	loginClient: { bucket: 'login-client', limit: 30, windowSeconds: 900 },
} satisfies Record<string, RateLimit>

const windowStartOf = (rule: RateLimit, now: Date) =>
	new Date(Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000)

/** How often this client has counted against the rule in the current window. */
export async function countOf(
	rule: RateLimit,
	clientKey: Buffer,
	now = new Date(),
): Promise<number> {
	const row = await prisma.rateLimitCounter.findUnique({
		where: {
			bucket_key_windowStart: {
				bucket: rule.bucket,
				key: toBytes(clientKey),
				windowStart: windowStartOf(rule, now),
			},
		},
		select: { count: true },
	})
	return row?.count ?? 0
}

export async function isLimited(
	rule: RateLimit,
	clientKey: Buffer,
	now = new Date(),
): Promise<boolean> {
	return (await countOf(rule, clientKey, now)) >= rule.limit
}

/** Counts one event atomically (several instances may count at once). */
export async function record(
	rule: RateLimit,
	clientKey: Buffer,
	now = new Date(),
): Promise<number> {
	const rows = await prisma.$queryRaw<Array<{ count: number }>>`
		INSERT INTO "RateLimitCounter" ("bucket", "key", "windowStart", "count")
		VALUES (${rule.bucket}, ${toBytes(clientKey)}, ${windowStartOf(rule, now)}, 1)
		ON CONFLICT ("bucket", "key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
		RETURNING "count"`
	return rows[0]?.count ?? 1
}

/**
 * Counts an attempt before it is tried, atomically, and says whether it may
 * go ahead: parallel attempts each get their own count, so none slips past
 * the limit between a check and a count.
 */
export async function takeAttempt(
	rule: RateLimit,
	clientKey: Buffer,
	now = new Date(),
): Promise<boolean> {
	return (await record(rule, clientKey, now)) <= rule.limit
}

/**
 * Gives back an attempt that succeeded, in the window it was taken in. Only
 * that attempt: a reset would let one valid follow-up code clear a run of
 * wrong guesses at other codes.
 */
export async function refundAttempt(
	rule: RateLimit,
	clientKey: Buffer,
	takenAt: Date,
): Promise<void> {
	await prisma.$executeRaw`
		UPDATE "RateLimitCounter" SET "count" = greatest("count" - 1, 0)
		WHERE "bucket" = ${rule.bucket} AND "key" = ${toBytes(clientKey)}
			AND "windowStart" = ${windowStartOf(rule, takenAt)}`
}

/** A success ends a run of failures ("the tenth wrong try in a row"). */
export async function reset(rule: RateLimit, clientKey: Buffer): Promise<void> {
	await prisma.rateLimitCounter.deleteMany({
		where: { bucket: rule.bucket, key: toBytes(clientKey) },
	})
}

export async function deleteExpiredCounters(now = new Date()): Promise<number> {
	const longestWindow = Math.max(...Object.values(RATE_LIMITS).map((rule) => rule.windowSeconds))
	const { count } = await prisma.rateLimitCounter.deleteMany({
		where: { windowStart: { lt: new Date(now.getTime() - longestWindow * 1000) } },
	})
	return count
}
