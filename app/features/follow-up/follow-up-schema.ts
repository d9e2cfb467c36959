// The follow-up page's forms, shared by the server (which decides) and the
// page. Messages are translation keys.
import { z } from 'zod'
import { LIMITS } from '~/features/intake/intake-schema'

export const OpenCaseSchema = z.object({
	// Longer than any code with separators; the code's own reading is lenient.
	code: z.string().max(100).default(''),
})

export const ReplySchema = z.object({
	message: z
		.string()
		.default('')
		.transform((text) => text.replaceAll('\u0000', '').trim())
		.pipe(z.string().max(LIMITS.narrative, 'intake:errors.tooLong')),
})

/** The notice of answers by mail: the box ticked (`yes`) or not. */
export const ReplyNoticeSchema = z.object({ replyNotice: z.literal('yes').optional() })

/** What the page gets back after a refused post: the message key and what was typed. */
export type FollowUpFailure = { error: string; name?: string; code?: string; message?: string }
