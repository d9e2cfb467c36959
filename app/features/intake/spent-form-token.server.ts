// A form token is good for one stored request (decision 0020): reloading the
// confirmation, a double click, or going back and sending again store
// nothing more. The request's transaction marks the token spent by a keyed
// hash of it (never the token), so that of two posts at the same moment only
// one commits. The marks live as long as a token is accepted, and a little
// longer, to the day; then housekeeping deletes them.
import { createHmac } from 'node:crypto'
import { prisma } from '~/platform/db.server'
import { toBytes } from '~/platform/db.server'
import { calendarDay } from '~/platform/calendar-day'
import { getHashPepper } from '~/platform/hash-pepper.server'
import type { Prisma } from '~/generated/prisma/client'
import { FORM_TOKEN_DAYS } from './form-timing.server'

/** The token was spent by an earlier post: the request was stored then. */
export class FormAlreadySentError extends Error {
	constructor() {
		super('this form was already sent')
	}
}

/** Longer than a token is accepted, with a day for the office's time zone and one to spare. */
const KEPT_DAYS = FORM_TOKEN_DAYS + 2

function spentTokenHash(token: string): Uint8Array<ArrayBuffer> {
	return toBytes(
		createHmac('sha256', getHashPepper()).update(`form-token-spent/v1:${token}`).digest(),
	)
}

/** A cheap look before the work of storing; the transaction's mark is what holds. */
export async function isFormTokenSpent(token: string): Promise<boolean> {
	const found = await prisma.spentFormToken.findUnique({
		where: { tokenHash: spentTokenHash(token) },
		select: { tokenHash: true },
	})
	return found !== null
}

/**
 * Marks the token spent in the request's transaction. A concurrent post of
 * the same token waits on the other's row and, once that one commits, finds
 * it: then this throws and its own transaction rolls back.
 */
export async function spendFormToken(
	tx: Prisma.TransactionClient,
	token: string,
	now = new Date(),
) {
	const inserted = await tx.$executeRaw`
		INSERT INTO "SpentFormToken" ("tokenHash", "spentOn")
		VALUES (${spentTokenHash(token)}, ${calendarDay(now)}::date)
		ON CONFLICT ("tokenHash") DO NOTHING`
	if (inserted === 0) throw new FormAlreadySentError()
}

/** Marks older than any token still accepted could match. */
export async function deleteOldSpentFormTokens(now = new Date()): Promise<number> {
	const before = new Date(calendarDay(now).getTime() - KEPT_DAYS * 86_400_000)
	const { count } = await prisma.spentFormToken.deleteMany({ where: { spentOn: { lt: before } } })
	return count
}
