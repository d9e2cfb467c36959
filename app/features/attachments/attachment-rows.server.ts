import { randomUUID } from 'node:crypto'
import type { PreparedFile } from '~/features/attachments/prepare.server'
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import { toBytes } from '~/platform/db.server'

/** Attachment rows for a case: name and content encrypted under the case key. */
export function encryptedAttachmentRows(
	caseKey: Buffer,
	caseId: string,
	files: PreparedFile[],
	messageId?: string,
) {
	return files.map((file) => {
		const id = randomUUID()
		return {
			id,
			caseId,
			messageId: messageId ?? null,
			mediaType: file.mediaType,
			sizeBytes: file.data.length,
			name: toBytes(encryptCaseField(caseKey, caseId, `attachmentName:${id}`, file.name)),
			content: toBytes(encryptCaseField(caseKey, caseId, `attachment:${id}`, file.data)),
		}
	})
}
