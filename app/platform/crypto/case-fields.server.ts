// Encryption of a case's sensitive values with its case key. The associated
// data names the case and the field, so a value copied into another case or
// field fails to decrypt.
import { decrypt, encrypt } from './aead.server'

export type CaseField =
	| 'narrative'
	| 'place'
	| 'otherAnswers'
	| 'contact'
	| 'interpreterLanguage'
	| 'reportedAnswers'
	| 'dueReason'
	| 'complaintOffence'
	| `message:${string}`
	| `note:${string}`
	// Files stored before the padding (migration "clear_columns"); new ones are padded.
	| `attachment:${string}`
	| `paddedAttachment:${string}`
	| `attachmentName:${string}`

const aad = (caseId: string, field: CaseField) => `case:${caseId}:${field}`

export function encryptCaseField(
	caseKey: Buffer,
	caseId: string,
	field: CaseField,
	value: Buffer | string,
) {
	return encrypt(caseKey, aad(caseId, field), value)
}

export function decryptCaseField(
	caseKey: Buffer,
	caseId: string,
	field: CaseField,
	sealed: Uint8Array,
) {
	return decrypt(caseKey, aad(caseId, field), sealed)
}

export function decryptCaseText(
	caseKey: Buffer,
	caseId: string,
	field: CaseField,
	sealed: Uint8Array,
) {
	return decryptCaseField(caseKey, caseId, field, sealed).toString('utf8')
}
