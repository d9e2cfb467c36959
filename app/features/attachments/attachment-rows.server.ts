import { randomUUID } from 'node:crypto'
import type { PreparedFile } from '~/features/attachments/prepare.server'
import { encryptCaseField } from '~/platform/crypto/case-fields.server'
import { toBytes } from '~/platform/db.server'
import { padContent } from './content-padding'

/**
 * Attachment rows for a case: name and padded content encrypted under the
 * case key, numbered on from `firstPosition` (the case's next free place).
 */
export function encryptedAttachmentRows(
	caseKey: Buffer,
	caseId: string,
	files: PreparedFile[],
	{ messageId = null, firstPosition }: { messageId?: string | null; firstPosition: number },
) {
	return files.map((file, index) => {
		const id = randomUUID()
		return {
			id,
			caseId,
			messageId,
			mediaType: file.mediaType,
			position: firstPosition + index,
			name: toBytes(encryptCaseField(caseKey, caseId, `attachmentName:${id}`, file.name)),
			content: toBytes(
				encryptCaseField(caseKey, caseId, `paddedAttachment:${id}`, padContent(file.data)),
			),
		}
	})
}
