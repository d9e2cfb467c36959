// The zod schemas of the case pages: the forms of a case (parsed by the
// action and, through Conform, in the browser) and the inbox's filter.
// Messages are keys of the `staff` namespace.
import { z } from 'zod'
import {
	confirmedStep,
	choice,
	optionalChoice,
	pastDay,
	recordId,
	several,
	text,
	wholeNumber,
} from '~/platform/forms/schema-fields'
import { filterDate, filterText, pageNumber } from '~/platform/forms/search-params'
import {
	ACTORS,
	AREAS_OF_LIFE,
	CASE_STATUSES,
	DISCRIMINATION_FORMS,
	MOTIVES,
	OUTCOMES,
	REQUESTER_TYPES,
	SERVICE_TYPES,
} from '~/platform/taxonomy'

export const ClassificationSchema = z.object({
	requesterType: optionalChoice(REQUESTER_TYPES),
	areas: several(AREAS_OF_LIFE),
	forms: several(DISCRIMINATION_FORMS),
	motives: several(MOTIVES),
	actors: several(ACTORS),
})

/** Closing says how the case ended: the statistics count outcomes, and a closed case without one counts as nothing. */
export const StatusSchema = z
	.object({
		status: choice(CASE_STATUSES),
		outcome: optionalChoice(OUTCOMES),
	})
	.refine((value) => value.status !== 'CLOSED' || value.outcome !== null, {
		path: ['outcome'],
		message: 'case.outcomeRequired',
	})

export const ServiceSchema = z.object({
	type: choice(SERVICE_TYPES),
	providedOn: pastDay,
	minutes: wholeNumber(1, 24 * 60, 'errors.minutes'),
})

/** The longest note or message, in characters; the case page's body limit follows from it. */
export const CASE_TEXT_MAX_LENGTH = 20_000

// Distinct field names: both forms are on the case page.
export const NoteSchema = z.object({ note: text(CASE_TEXT_MAX_LENGTH) })
export const MessageSchema = z.object({ message: text(CASE_TEXT_MAX_LENGTH) })

/** A staff member's id, or empty for "unassigned" (the feature checks who may be assigned). */
export const AssignSchema = z.object({
	assigneeId: z
		.string({ message: 'errors.invalidChoice' })
		.max(64, 'errors.invalidChoice')
		.optional()
		.transform((value) => value ?? null),
})

/** An early deletion: the first post asks, the second (`confirmed=yes`) deletes. */
export const DeletionSchema = z.object({ confirmed: confirmedStep })

/** The inbox's query string: anything unknown is ignored rather than refused. */
export const InboxFilterSchema = z.object({
	view: z.enum(['new', 'mine', 'all']).catch('new'),
	status: z.enum(CASE_STATUSES).optional().catch(undefined),
	assigneeId: filterText(64),
	area: z.enum(AREAS_OF_LIFE).optional().catch(undefined),
	requesterType: z.enum(REQUESTER_TYPES).optional().catch(undefined),
	from: filterDate,
	to: filterDate,
	reference: filterText(20),
	page: pageNumber,
})

/** When someone leaves: all open cases of one account to another, in one step. */
export const HandoverSchema = z
	.object({ fromId: recordId, toId: recordId })
	.refine((value) => value.fromId !== value.toId, {
		path: ['toId'],
		message: 'handover.sameAccount',
	})
