// A reporter who left an e-mail address may ask to hear of the office's
// answers: off unless they tick it, on the form or on the follow-up page.
// The wish is kept inside the case's encrypted contact (`replyNotice`: the
// language of the page where it was given), so the address stays under the
// case key. Only a counsellor writing, whose session holds that key, can
// queue the notice; the job holds the address encrypted with a key derived
// from SESSION_SECRET, for the worker to open (decision 0017).
import type { Prisma } from '~/generated/prisma/client'
import { decrypt, encrypt } from '~/platform/crypto/aead.server'
import { serverKey } from '~/platform/crypto/server-key.server'
import { enqueueJob, QUEUES } from './job-queue.server'
import { getMailConfig } from './mail-config.server'

/** A case's contact as its JSON holds it (store-request.server.ts). */
export type ContactDetails = Record<string, string | undefined>

export type ReplyNotice = { email: string; language: string }

const AD = 'reporter-notice'

/** Who wants a notice of an answer, read from the decrypted contact; null for nobody. */
export function replyNoticeOf(contact: ContactDetails | null): ReplyNotice | null {
	const email = contact?.email
	const language = contact?.replyNotice
	return email && language ? { email, language } : null
}

/** Queues the notice in the caller's transaction (the counsellor's message). */
export async function noticeReporterOfAnswer(
	tx: Prisma.TransactionClient,
	notice: ReplyNotice,
): Promise<void> {
	if (!getMailConfig()) return
	const sealedAddress = encrypt(serverKey('reporter-notice'), AD, notice.email).toString('base64')
	await enqueueJob(tx, QUEUES.reporterNotice, { sealedAddress, language: notice.language })
}

/** The worker's side: the address the job carries. */
export function openReporterAddress(sealedAddress: string): string {
	return decrypt(serverKey('reporter-notice'), AD, Buffer.from(sealedAddress, 'base64')).toString(
		'utf8',
	)
}
