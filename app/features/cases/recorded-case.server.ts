// A case that came by phone, e-mail, in person, letter or referral, recorded
// by a counsellor or lead: encrypted and sealed as a web request is (the
// recovery key, every approved lead, the person's code if they get one), and
// to the recorder, who is assigned it. Stored with its audit entry in one
// transaction (security-model.md, "Recorded case").
import { publicKeyOf } from '~/platform/crypto/key-pairs.server'
import { formatFollowUpCode, generateFollowUpCode } from '~/platform/crypto/follow-up-code.server'
import { RECORDS_CASES, requirePermission } from '~/platform/permissions'
import type { PreparedFile } from '~/features/attachments/prepare.server'
import { storeCase } from '~/features/intake/store-request.server'
import { recordAudit } from '../audit/audit.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import type { RecordedCase } from './recorded-case-schema'

/** The new case's reference, and the person's code (shown once), if they get one. */
export type RecordedCaseReceipt = { reference: string; followUpCode: string | null }

export async function recordCase(
	actor: StaffActor,
	recorded: RecordedCase,
	files: PreparedFile[],
): Promise<RecordedCaseReceipt> {
	requirePermission(actor, RECORDS_CASES)
	const code = recorded.followUpCode ? generateFollowUpCode() : null
	const { reference } = await storeCase(
		{
			answers: recorded,
			files,
			channel: recorded.channel,
			responseWish: recorded.responseWish,
			receivedOn: recorded.receivedOn,
			followUpCode: code,
			// The key of the session's own account: the grant opens with what this session holds.
			recordedBy: { id: actor.id, publicKey: publicKeyOf(actor.privateKey) },
		},
		(tx, stored) =>
			recordAudit(tx, {
				action: 'case.recorded',
				actor,
				caseId: stored.id,
				caseReference: stored.reference,
				detail: { channel: recorded.channel, followUpCode: code !== null },
			}),
	)
	return { reference, followUpCode: code ? formatFollowUpCode(code) : null }
}
