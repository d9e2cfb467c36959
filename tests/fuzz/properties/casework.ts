import fc from 'fast-check'
import { prisma } from '~/platform/db.server'
import {
	AssignSchema,
	ClassificationSchema,
	NoFieldsSchema,
	ComplaintOffenceSchema,
	DeletionSchema,
	DueDateSchema,
	MessageSchema,
	NoteSchema,
	ServiceSchema,
	StatusSchema,
} from '~/features/cases/casework-schemas'
import { InsertTemplateSchema } from '~/features/reply-templates/reply-template-schemas'
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
import * as caseRoute from '~/routes/staff.cases.$reference'
import { createSignedInStaff } from '../../support/staff'
import {
	choiceOrNot,
	envelope,
	extraParts,
	fieldNames,
	fieldsFor,
	hostile,
	intentOrNot,
	listOrNot,
	toParts,
} from '../arbitraries'
import { type Part, conformValues, echoedFields, refusedBy, requestOf } from '../bodies'
import { allInList, inList, newCase, setUpOffice } from '../office'
import { checkEcho, urlEncoded } from '../bodies'
import {
	type FuzzProperty,
	type InputOf,
	answerOf,
	ensure,
	ensureErrorsNamed,
	isRecord,
	locationOf,
	replyOf,
	runProperty,
} from '../runner'

// ---------------------------------------------------------------------------
// 3. A case's staff actions

export const CASE_INTENTS = [
	'classify',
	'status',
	'service',
	'note',
	'message',
	'insert-template',
	'due-date',
	'clear-due-date',
	'mark-answered',
	'complaint-offence',
	'assign',
	'delete-personal-data',
] as const
export const CASE_SCHEMAS = {
	classify: ClassificationSchema,
	status: StatusSchema,
	service: ServiceSchema,
	note: NoteSchema,
	message: MessageSchema,
	'insert-template': InsertTemplateSchema,
	'due-date': DueDateSchema,
	'clear-due-date': NoFieldsSchema,
	'mark-answered': NoFieldsSchema,
	'complaint-offence': ComplaintOffenceSchema,
	assign: AssignSchema,
	'delete-personal-data': DeletionSchema,
} as const

export const dateText = fc.oneof(
	fc
		.date({ min: new Date('2015-01-01'), max: new Date(), noInvalidDate: true })
		.map((date) => date.toISOString().slice(0, 10)),
	fc.constantFrom(
		'0000-01-01',
		'0001-01-01',
		'1900-02-29',
		'2024-02-30',
		'2020-13-01',
		'9999-12-31',
	),
	fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
	hostile,
)

export const caseInput = fc.record({
	intent: intentOrNot([...CASE_INTENTS]),
	fields: fieldsFor(Object.values(CASE_SCHEMAS).flatMap(fieldNames), {
		requesterType: choiceOrNot(REQUESTER_TYPES),
		areas: listOrNot(AREAS_OF_LIFE),
		forms: listOrNot(DISCRIMINATION_FORMS),
		motives: listOrNot(MOTIVES),
		actors: listOrNot(ACTORS),
		status: choiceOrNot(CASE_STATUSES),
		outcome: choiceOrNot(OUTCOMES),
		type: choiceOrNot(SERVICE_TYPES),
		providedOn: dateText.map((v) => [v]),
		dueOn: dateText.map((v) => [v]),
		dueReason: fc
			.oneof(fc.string({ maxLength: 210 }), fc.constant('x'.repeat(201)), hostile)
			.map((v) => [v]),
		complaintOffence: fc.oneof(fc.constant('yes'), hostile).map((v) => [v]),
		minutes: fc
			.oneof(
				fc.integer({ min: -10, max: 2000 }).map(String),
				fc.constantFrom('1e3', ' 60 ', '0x10', 'Infinity', '1.5', ''),
				hostile,
			)
			.map((v) => [v]),
		assigneeId: fc
			.oneof(fc.constantFrom('', 'counsellor', 'lead'), fc.uuid(), hostile)
			.map((v) => [v]),
		confirm: fc.oneof(fc.constant('yes'), hostile).map((v) => [v]),
		templateId: fc.oneof(fc.uuid(), hostile).map((v) => [v]),
	}),
	extras: extraParts,
	reference: fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom('real', 'lower case') },
		{ weight: 1, arbitrary: hostile },
	),
	signedIn: fc.oneof(
		{ weight: 19, arbitrary: fc.constant(true) },
		{ weight: 1, arbitrary: fc.constant(false) },
	),
	envelope,
})

/** Whether the route must refuse these fields (with 400), by the form's own schema. */
export function refusedBySchema(intent: string, parts: Part[]): boolean | null {
	if (!Object.hasOwn(CASE_SCHEMAS, intent)) return null
	return refusedBy(CASE_SCHEMAS[intent as keyof typeof CASE_SCHEMAS], parts)
}

export async function caseState(reference: string) {
	return prisma.case.findUniqueOrThrow({
		where: { reference },
		select: {
			requesterType: true,
			areas: true,
			forms: true,
			motives: true,
			actors: true,
			status: true,
			outcome: true,
			assignedToId: true,
			waitingSince: true,
			dueOn: true,
			dueReason: true,
			complaintOffence: true,
			personalDataDeletedAt: true,
			_count: { select: { notes: true, messages: true, services: true, grants: true } },
		},
	})
}

export const caseExample = (
	intent: string,
	fields: Record<string, string[]>,
	reference = 'real',
): InputOf<typeof caseInput> => ({
	intent: [intent],
	fields,
	extras: [],
	reference,
	signedIn: true,
	envelope: { kind: 'urlencoded' },
})

/** Inputs that once failed (see INTAKE_EXAMPLES): each was a 500, or worse. */
export const CASE_EXAMPLES = [
	// NUL reached PostgreSQL, which refuses it in text (22021).
	caseExample('assign', { assigneeId: ['\u0000'] }),
	caseExample('note', { note: ['A note'] }, '\u0000'),
	// A year PostgreSQL's date type does not have (22008).
	caseExample('service', { type: ['information'], providedOn: ['0000-01-01'], minutes: ['30'] }),
	// Object's own members answered as intents; "constructor" handed back the
	// signed-in actor with their private key.
	caseExample('constructor', {}),
	caseExample('__proto__', {}),
	// Conform's reserved fields, which it throws on when they hold no JSON.
	caseExample('note', { note: ['A note'], __intent__: ['garbage'] }),
	caseExample('note', { note: ['A note'], __state__: ['{'] }),
]

export const caseProperty: FuzzProperty = {
	name: 'staff case actions (POST /staff/cases/:reference)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		const lead = await createSignedInStaff('LEAD', 'fuzz-case-lead')
		const counsellor = await createSignedInStaff('COUNSELLOR', 'fuzz-case-counsellor')
		let { reference } = await newCase('Fuzz case')
		return runProperty(
			this.name,
			caseInput,
			async (input) => {
				const param =
					input.reference === 'real'
						? reference
						: input.reference === 'lower case'
							? reference.toLowerCase()
							: input.reference
				const ids = new Map([
					['counsellor', counsellor.user.id],
					['lead', lead.user.id],
				])
				const fields = {
					...input.fields,
					assigneeId: input.fields.assigneeId?.map((v) => ids.get(v) ?? v),
				}
				const parts = [...toParts({ intent: input.intent }), ...toParts(fields), ...input.extras]
				const before = await caseState(reference)
				const answer = await answerOf(
					caseRoute.action,
					requestOf(
						`http://127.0.0.1/staff/cases/${encodeURIComponent(param)}`,
						parts,
						input.envelope,
						input.signedIn ? lead.cookie : undefined,
					),
					{ reference: param },
				)
				const after = await caseState(reference)

				ensure(
					inList(REQUESTER_TYPES, after.requesterType) &&
						allInList(AREAS_OF_LIFE, after.areas) &&
						allInList(DISCRIMINATION_FORMS, after.forms) &&
						allInList(MOTIVES, after.motives) &&
						allInList(ACTORS, after.actors) &&
						inList(CASE_STATUSES, after.status) &&
						inList(OUTCOMES, after.outcome),
					'the case holds a classification outside the taxonomy',
				)
				const done = locationOf(answer)?.startsWith('/staff/cases/') ?? false
				if (!done)
					ensure(
						JSON.stringify(after) === JSON.stringify(before),
						`a ${answer.status} answer changed the case`,
					)

				const intent = input.intent[0] ?? ''
				// A body past the route's limit is refused (413) before it is read, valid or not.
				const wellFormed =
					input.envelope.kind === 'urlencoded' &&
					Buffer.byteLength(urlEncoded(parts)) <= caseRoute.handle.bodyLimit
				const refused = wellFormed && input.signedIn ? refusedBySchema(intent, parts) : null
				const data = isRecord(answer.data) ? answer.data : {}
				if (refused)
					ensure(answer.status === 400, `an invalid "${intent}" was answered ${answer.status}`)
				if (refused === false)
					ensure(answer.status !== 400, `a valid "${intent}" was refused with 400`)
				ensureErrorsNamed(answer)
				const typed = replyOf(data).initialValue
				if (answer.status === 400 && isRecord(typed))
					checkEcho(
						typed,
						parts,
						input.envelope,
						conformValues,
						echoedFields(Object.keys(input.fields), parts),
					)

				// An early deletion leaves nothing to work on: the next runs get a new case.
				if (after.personalDataDeletedAt) reference = (await newCase('Fuzz case')).reference
				return done ? `${intent} done` : String(answer.status)
			},
			numRuns,
			seed,
			CASE_EXAMPLES,
		)
	},
}
