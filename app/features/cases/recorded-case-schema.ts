// The form a counsellor or lead fills in for a request that came by phone,
// e-mail, in person, letter or referral: the web form's answers (the
// person's view, intake-schema.ts), plus the channel, the day it came and
// whether the person gets a follow-up code. Contact details are optional
// and kept when given. Shared by the server, which decides, and the browser,
// which checks early. Messages are keys of the `staff` namespace.
import { z } from 'zod'
import { IntakeAnswersSchema, withoutUnusedAnswers } from '~/features/intake/intake-schema'
import { RECORDED_CHANNELS, RESPONSE_WISHES } from '~/platform/taxonomy'
import { pastDay } from '~/platform/forms/schema-fields'

// In the order of the form, so that the list of problems is too.
export const RecordedCaseSchema = z
	.object({
		channel: z.enum(RECORDED_CHANNELS, {
			errorMap: () => ({ message: 'recordCase.errors.channel' }),
		}),
		receivedOn: pastDay,
		...IntakeAnswersSchema.shape,
		// Unknown unless the counsellor asked: then the statistics count it as not stated.
		responseWish: z
			.enum(RESPONSE_WISHES, { errorMap: () => ({ message: 'errors.invalidChoice' }) })
			.optional(),
		// A checkbox: sent when ticked, absent when not.
		followUpCode: z
			.literal('yes', { errorMap: () => ({ message: 'errors.invalidChoice' }) })
			.optional()
			.transform((value) => value === 'yes'),
		consent: z.literal('yes', { errorMap: () => ({ message: 'recordCase.errors.consent' }) }),
	})
	.transform(withoutUnusedAnswers)

export type RecordedCase = z.output<typeof RecordedCaseSchema>
