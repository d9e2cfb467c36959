// The reply templates' forms: a lead's template, and the counsellor's
// "insert" button in the case page's message form. Messages are keys of the
// `staff` namespace.
import { z } from 'zod'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { choice, recordId, text } from '~/platform/forms/schema-fields'
import { CASE_TEXT_MAX_LENGTH } from '../cases/casework-schemas'

export const REPLY_TEMPLATE_PURPOSES = [
	'ACKNOWLEDGEMENT',
	'APPOINTMENT',
	'REFERRAL',
	'OTHER',
] as const

const LANGUAGE_CODES = PUBLIC_LANGUAGES.map((language) => language.code) as [string, ...string[]]

/** A text block is a part of a message, so well below a message's length. */
export const REPLY_TEMPLATE_MAX_LENGTH = 4_000

export const ReplyTemplateSchema = z.object({
	language: choice(LANGUAGE_CODES),
	purpose: choice(REPLY_TEMPLATE_PURPOSES),
	title: text(80),
	body: text(REPLY_TEMPLATE_MAX_LENGTH),
})

export const ReplyTemplateChangeSchema = ReplyTemplateSchema.extend({ id: recordId })

export const ReplyTemplateIdSchema = z.object({ id: recordId })

/**
 * "Insert" in the message form without JavaScript: the form posts what was
 * typed so far with the chosen template, and comes back with both.
 */
export const InsertTemplateSchema = z.object({
	message: z.string().max(CASE_TEXT_MAX_LENGTH, 'errors.tooLong').optional().default(''),
	templateId: recordId,
})
