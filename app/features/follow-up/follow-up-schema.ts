// The follow-up page's forms, shared by the server (which decides) and the
// page. Messages are translation keys.
import { z } from 'zod'
import { LIMITS } from '~/features/intake/intake-schema'
import { confirmedStep } from '~/platform/forms/schema-fields'

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

/** A withdrawal: the first post asks, the second (`confirmed=yes`) withdraws. */
export const WithdrawalSchema = z.object({ confirmed: confirmedStep })

/** The page's answer to the first post of a withdrawal: the question. */
export type WithdrawalAsking = { asking: true }

/** What the page gets back after a refused post: the message key and what was typed. */
export type FollowUpFailure = { error: string; name?: string; code?: string; message?: string }
