// The zod schemas of the activities page, parsed by the action and, through
// Conform, in the browser. Messages are keys of the `staff` namespace. There
// is no free text on purpose: an activity is counted, not described, so no
// name of a person or an institution can end up stored.
import { z } from 'zod'
import { choice, pastDay, recordId } from '~/platform/forms/schema-fields'
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS } from '~/platform/taxonomy'

/** The longest activity the form takes, in hours (a training over several days). */
export const MAX_ACTIVITY_HOURS = 100
export const MAX_PARTICIPANTS = 100_000

/** Hours in quarter hours (1.5, 0.25); stored as minutes. */
const hours = z
	.number({ message: 'activities.errors.hours' })
	.min(0.25, 'activities.errors.hours')
	.max(MAX_ACTIVITY_HOURS, 'activities.errors.hours')
	.refine((value) => Number.isInteger(value * 4), 'activities.errors.hours')

const participants = z
	.number({ message: 'activities.errors.participants' })
	.int('activities.errors.participants')
	.min(0, 'activities.errors.participants')
	.max(MAX_PARTICIPANTS, 'activities.errors.participants')
	.optional()
	.transform((value) => value ?? null)

const ActivityFieldsSchema = z.object({
	heldOn: pastDay,
	kind: choice(ACTIVITY_KINDS),
	audience: choice(ACTIVITY_AUDIENCES),
	participants,
	hours,
})

/** An event or a training has an audience to count; advice to an institution may not. */
function participantsCounted(
	value: { kind: string; participants: number | null },
	context: z.RefinementCtx,
) {
	if (value.kind !== 'institution_advice' && value.participants === null) {
		context.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['participants'],
			message: 'activities.errors.participantsRequired',
		})
	}
}

export const ActivitySchema = ActivityFieldsSchema.superRefine(participantsCounted)

/** A change names the activity it changes. */
export const ActivityChangeSchema = ActivityFieldsSchema.extend({ id: recordId }).superRefine(
	participantsCounted,
)

/** A deletion: the first post asks, the second (`confirmed`) deletes. */
export const ActivityDeletionSchema = z.object({
	id: recordId,
	// An error map, not `message`: zod 3 gives `message` to a missing value only, not a wrong one.
	confirmed: z.literal('yes', { errorMap: () => ({ message: 'errors.invalidChoice' }) }).optional(),
})

export type ActivityInput = z.output<typeof ActivitySchema>

/** What a list page's post did, for the notice after the redirect. */
export const ACTIVITY_DONE = ['recorded', 'changed', 'deleted'] as const

/** The list's query string: the year, the activity being changed, what was just done. */
export const ActivityListQuerySchema = z.object({
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
	edit: z.string().uuid().optional().catch(undefined),
	done: z.enum(ACTIVITY_DONE).optional().catch(undefined),
})
