// A case's messages and files carry their place in the case (1, 2, ...)
// instead of a time (docs/data-protection.md). The next free places are read
// under the case's row lock, so that two messages written at once, by the
// reporter and a counsellor, do not take the same one.
import type { Prisma } from '~/generated/prisma/client'

export async function lockNextPositions(tx: Prisma.TransactionClient, caseId: string) {
	await tx.$queryRaw`SELECT 1 FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`
	// One after the other: a transaction has one connection.
	const messages = await tx.message.aggregate({ where: { caseId }, _max: { position: true } })
	const attachments = await tx.attachment.aggregate({ where: { caseId }, _max: { position: true } })
	return {
		message: (messages._max.position ?? 0) + 1,
		attachment: (attachments._max.position ?? 0) + 1,
	}
}
