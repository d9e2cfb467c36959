// The zod schemas of the case pages: the forms of a case (parsed by the
// action and, through Conform, in the browser) and the inbox's filter.
// Messages are keys of the `staff` namespace.
import { z } from 'zod'
import {
	confirmedStep,
	choice,
	optionalChoice,
	pastDay,
	optionalText,
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

/** A follow-up date: a real calendar day, past or up to five years ahead. */
const dueDay = z
	.string({ message: 'errors.dueDate' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.dueDate')
	.refine((value) => {
		const date = new Date(`${value}T00:00:00Z`)
		const latest = new Date()
		latest.setUTCFullYear(latest.getUTCFullYear() + 5)
		return (
			!Number.isNaN(date.getTime()) &&
			date.toISOString().slice(0, 10) === value &&
			date.getUTCFullYear() >= 2000 &&
			date <= latest
		)
	}, 'errors.dueDate')
	.transform((value) => new Date(`${value}T00:00:00Z`))

/** The longest reason for a follow-up date, in characters. */
export const DUE_REASON_MAX_LENGTH = 200

export const DueDateSchema = z.object({
	dueOn: dueDay,
	dueReason: optionalText(DUE_REASON_MAX_LENGTH),
})

/** A form that is its button alone (clearing the follow-up date, marking a request answered). */
export const NoFieldsSchema = z.object({})

/** The deadline hint's mark: the checkbox sends "yes", or nothing when it is cleared. */
export const ComplaintOffenceSchema = z.object({
	complaintOffence: z
		.literal('yes', { errorMap: () => ({ message: 'errors.invalidChoice' }) })
		.optional()
		.transform((value) => value === 'yes'),
})

/**
 * The inbox's queues (decision 0019): what waits for triage, one's own open
 * cases, the open cases whose follow-up date has come, every open case, the
 * closed ones, and everything in scope.
 */
export const INBOX_QUEUES = ['triage', 'mine', 'due', 'open', 'closed', 'all'] as const
export type InboxQueue = (typeof INBOX_QUEUES)[number]

/** The inbox's sortable columns. */
export const INBOX_SORTS = ['received', 'waiting', 'due', 'status'] as const
export type InboxSort = (typeof INBOX_SORTS)[number]

/** The inbox's query string: anything unknown is ignored rather than refused. */
export const InboxFilterSchema = z.object({
	// No queue, or one the role does not have: the role's own (inbox.server.ts).
	// "new" is what the queue of new requests was called before the queues.
	view: z
		.preprocess((value) => (value === 'new' ? 'triage' : value), z.enum(INBOX_QUEUES))
		.optional()
		.catch(undefined),
	sort: z.enum(INBOX_SORTS).optional().catch(undefined),
	dir: z.enum(['asc', 'desc']).optional().catch(undefined),
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
