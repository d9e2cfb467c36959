// Downloading a reporter's attachment from the case page: read, and audited
// in the same transaction, only within the actor's scope and through the
// actor's own grant; decrypted after the transaction.
import { decryptCaseField, decryptCaseText } from '~/platform/crypto/case-fields.server'
import { prisma } from '~/platform/db.server'
import { unpadContent } from '../attachments/content-padding'
import { recordAudit } from '../audit/audit.server'
import {
	findCaseInScope,
	findOwnGrant,
	normalizedReference,
	openOwnGrant,
} from './case-access.server'
import type { StaffActor } from '../staff-auth/staff-session.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The file: padded and encrypted as `paddedAttachment`, or, stored before
 * the padding (migration "clear_columns"), unpadded as `attachment`. The
 * associated data tells them apart: the wrong one fails to decrypt.
 */
function fileContent(caseKey: Buffer, caseId: string, id: string, sealed: Uint8Array): Buffer {
	try {
		return unpadContent(decryptCaseField(caseKey, caseId, `paddedAttachment:${id}`, sealed))
	} catch {
		return decryptCaseField(caseKey, caseId, `attachment:${id}`, sealed)
	}
}

/** One attachment, decrypted, for download; null when out of scope or unreadable. */
export async function readAttachment(actor: StaffActor, reference: string, attachmentId: string) {
	const read = await prisma.$transaction(async (tx) => {
		const inScope = await findCaseInScope(tx, actor, reference)
		if (!inScope) {
			await recordAudit(tx, {
				action: 'case.read.denied',
				actor,
				caseReference: normalizedReference(reference),
			})
			return null
		}
		if (!UUID.test(attachmentId)) return null
		const attachment = await tx.attachment.findFirst({
			where: { id: attachmentId, caseId: inScope.id },
			select: { id: true, mediaType: true, name: true, content: true },
		})
		const sealedKey = attachment ? await findOwnGrant(tx, actor, inScope.id) : null
		if (!attachment || !sealedKey) return null
		await recordAudit(tx, {
			action: 'case.attachment-read',
			actor,
			caseId: inScope.id,
			caseReference: inScope.reference,
			detail: { attachmentId },
		})
		return { caseId: inScope.id, attachment, sealedKey }
	})
	const caseKey = read && openOwnGrant(actor, read.sealedKey)
	if (!read || !caseKey) return null
	const { caseId, attachment } = read
	const file = {
		mediaType: attachment.mediaType,
		name: decryptCaseText(caseKey, caseId, `attachmentName:${attachment.id}`, attachment.name),
		content: fileContent(caseKey, caseId, attachment.id, attachment.content),
	}
	caseKey.fill(0)
	return file
}
