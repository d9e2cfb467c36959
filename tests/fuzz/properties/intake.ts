import fc from 'fast-check'
import { prisma } from '~/platform/db.server'
import {
	FILE_FIELD,
	FORM_TOKEN_FIELD,
	HONEYPOT_FIELD,
	IntakeSchema,
	LIMITS,
	MULTI_VALUE_FIELDS,
} from '~/features/intake/intake-schema'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	ONGOING,
	PREFER_NOT_TO_SAY,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	RESPONSE_WISHES,
	WISHES,
} from '~/platform/taxonomy'
import { issueFormToken } from '~/features/intake/form-timing.server'
import {
	endReporterSession,
	getReporter,
	openReporterSession,
} from '~/features/follow-up/reporter-session.server'
import * as requestRoute from '~/routes/request'
import {
	PHOTO,
	envelope,
	extraName,
	fieldNames,
	filePart,
	fitting,
	hostile,
	shortHostile,
	toParts,
} from '../arbitraries'
import { type FilePart, type Part, isControl, requestOf, sentAsBrowsersDo } from '../bodies'
import { allInList, inList, setUpOffice } from '../office'
import {
	type FuzzProperty,
	type InputOf,
	answerOf,
	ensure,
	ensureErrorsNamed,
	isRecord,
	runProperty,
} from '../runner'
import { one, optional } from '../arbitraries'
import { checkEcho } from '../bodies'

// ---------------------------------------------------------------------------
// 1. The public request form

/** The intake schema's own field names. */
export const INTAKE_FIELDS = fieldNames(IntakeSchema)

export const INTAKE_CHOICES: Record<string, readonly string[]> = {
	requesterType: REQUESTER_TYPES,
	ongoing: ONGOING,
	ageGroup: AGE_GROUPS,
	gender: GENDERS,
	nationalityGroup: NATIONALITY_GROUPS,
	residenceStatus: RESIDENCE_STATUSES,
	interpreterNeeded: ['yes', 'no'],
}
export const INTAKE_LISTS: Record<(typeof MULTI_VALUE_FIELDS)[number], readonly string[]> = {
	areas: AREAS_OF_LIFE,
	forms: DISCRIMINATION_FORMS,
	motives: MOTIVES,
	actors: ACTORS,
	wishes: WISHES,
}

/**
 * A request the schema accepts, hostile only where any text is allowed. Texts
 * stay within half their limit: multipart turns each line break into two
 * characters.
 */
export const validIntake: fc.Arbitrary<Part[]> = fc
	.record({
		narrative: fitting(LIMITS.narrative - 1).map((text) => [`x${text}`]),
		incidentMonth: one(fc.integer({ min: 1, max: 12 }).map(String)),
		incidentYear: one(
			fc.integer({ min: new Date().getFullYear() - 10, max: new Date().getFullYear() }).map(String),
		),
		place: one(fitting(LIMITS.shortText / 2)),
		areasOther: one(fitting(LIMITS.shortText / 2)),
		formsOther: one(fitting(LIMITS.shortText / 2)),
		motivesOther: one(fitting(LIMITS.shortText / 2)),
		interpreterLanguage: one(fitting(LIMITS.shortText / 2)),
		consent: fc.constant(['yes']),
		responseWish: fc.constantFrom(...RESPONSE_WISHES).map((wish) => [wish]),
		...Object.fromEntries(
			Object.entries(INTAKE_CHOICES).map(([field, values]) => [
				field,
				one(fc.constantFrom(...values, PREFER_NOT_TO_SAY)),
			]),
		),
		...Object.fromEntries(
			Object.entries(INTAKE_LISTS).map(([field, values]) => [
				field,
				fc.oneof(fc.constant([PREFER_NOT_TO_SAY]), fc.subarray([...values])),
			]),
		),
	})
	.chain((fields) =>
		fc
			.oneof(
				fc.constant({ contactMode: ['anonymous'] }),
				fc.record({
					contactMode: fc.constant(['contact']),
					contactEmail: fc.constantFrom(['a@example.ch'], ['first.last+tag@sub.example.org']),
					contactPhone: one(fc.constantFrom('+41 71 000 00 00', '071/000.00.00')),
					contactName: one(fitting(LIMITS.shortText / 2)),
					contactTimes: one(fitting(LIMITS.contactTimes / 2)),
					preferredLanguage: one(fitting(LIMITS.shortText / 2)),
				}),
			)
			.map((contact) => toParts({ ...fields, ...contact })),
	)

export type IntakeMutation =
	| { kind: 'set' | 'repeat' | 'extra'; name: string; value: string }
	| { kind: 'drop'; name: string }
	| { kind: 'file'; name: string; file: FilePart }

export const intakeField = fc.constantFrom(...INTAKE_FIELDS)
export const intakeMutation: fc.Arbitrary<IntakeMutation> = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), name: intakeField, value: hostile }),
	fc.record({ kind: fc.constant('repeat' as const), name: intakeField, value: hostile }),
	fc.record({ kind: fc.constant('extra' as const), name: extraName, value: hostile }),
	fc.record({
		kind: fc.constant('extra' as const),
		name: fc.constant(HONEYPOT_FIELD),
		value: shortHostile,
	}),
	fc.record({ kind: fc.constant('drop' as const), name: intakeField }),
	fc.record({
		kind: fc.constant('file' as const),
		name: fc.oneof(fc.constant(FILE_FIELD), extraName),
		file: filePart,
	}),
)

export function mutate(parts: Part[], mutation: IntakeMutation): Part[] {
	switch (mutation.kind) {
		case 'set':
			return [
				...parts.filter((part) => part.name !== mutation.name),
				{ name: mutation.name, value: mutation.value },
			]
		case 'repeat':
		case 'extra':
			return [...parts, { name: mutation.name, value: mutation.value }]
		case 'drop':
			return parts.filter((part) => part.name !== mutation.name)
		case 'file':
			return [...parts, { name: mutation.name, file: mutation.file }]
	}
}

/** The signed render time: old enough, just issued (too fast), forged, junk, absent or twice. */
export type TokenKind = 'old' | 'fresh' | 'forged' | 'junk' | 'none' | 'twice'

export function tokenParts(kind: TokenKind, junk: string): Part[] {
	const old = issueFormToken(Date.now() - 60_000)
	const value = {
		old,
		fresh: issueFormToken(),
		forged: `${Date.now() - 60_000}.${old.split('.')[1]!.slice(1)}A`,
		junk,
		none: '',
		twice: old,
	}[kind]
	if (kind === 'none') return []
	const token = { name: FORM_TOKEN_FIELD, value }
	return kind === 'twice' ? [token, { name: FORM_TOKEN_FIELD, value: junk }] : [token]
}

export const intakeInput = fc.record({
	fields: validIntake,
	mutations: fc.oneof(
		{ weight: 2, arbitrary: fc.constant<IntakeMutation[]>([]) },
		{ weight: 3, arbitrary: fc.array(intakeMutation, { minLength: 1, maxLength: 4 }) },
	),
	token: fc.oneof(
		{ weight: 4, arbitrary: fc.constant<TokenKind>('old') },
		{
			weight: 1,
			arbitrary: fc.constantFrom<TokenKind>('fresh', 'forged', 'junk', 'none', 'twice'),
		},
	),
	junk: shortHostile,
	// A real photo, named as people name files (a browser sends a file's name,
	// never an empty one or a path); it travels with multipart only.
	photo: optional(
		fc.oneof(
			fc.constantFrom('photo.png', 'Bericht; Kopie.png', 'a=b.png', 'صورة شاشة.png'),
			shortHostile
				.map((name) => [...name].filter((char) => !isControl(char)).join(''))
				.filter((name) => /[^/\\]$/.test(name)),
		),
	),
	envelope,
})

/** What the invalid answer must hand back: the text fields as posted (readIntakeValues). */
export function expectedIntakeValues(parts: Part[]) {
	const values: Record<string, string | string[]> = {}
	for (const field of MULTI_VALUE_FIELDS) values[field] = []
	for (const part of parts) {
		if (!('value' in part)) continue
		const value = part.value
		const list = values[part.name]
		if ((MULTI_VALUE_FIELDS as readonly string[]).includes(part.name) && Array.isArray(list))
			list.push(value)
		else if (value !== '') values[part.name] = value
	}
	return values
}

/**
 * Cases whose personal data are kept but which miss one of their key grants:
 * the recovery key's, a staff member's and, where the person got a code (a
 * recorded case may have none), the reporter's.
 */
export async function casesMissingAGrant() {
	return prisma.case.findMany({
		where: {
			personalDataDeletedAt: null,
			OR: [
				{ grants: { none: { holder: 'RECOVERY' } } },
				{ grants: { none: { holder: 'STAFF' } } },
				{ followUpLookup: { not: null }, grants: { none: { holder: 'REPORTER' } } },
			],
		},
		select: { reference: true },
		take: 3,
	})
}

/**
 * Inputs that once failed, run first every time so that a regression shows
 * in the smallest sample (here: a photo whose name the multipart parser
 * split apart, refusing the whole request).
 */
export const INTAKE_EXAMPLES: Array<InputOf<typeof intakeInput>> = [
	{
		fields: toParts({
			narrative: ['x'],
			responseWish: ['ANSWER'],
			contactMode: ['anonymous'],
			consent: ['yes'],
		}),
		mutations: [],
		token: 'old',
		junk: '',
		photo: 'Bericht; Kopie.png',
		envelope: { kind: 'multipart' },
	},
]

export const intakeProperty: FuzzProperty = {
	name: 'intake (POST /request)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		return runProperty(
			this.name,
			intakeInput,
			async (input) => {
				const photo: Part[] =
					input.photo === undefined
						? []
						: [{ name: FILE_FIELD, file: { filename: input.photo, bytes: PHOTO } }]
				const parts = [
					...input.mutations.reduce(mutate, input.fields),
					...tokenParts(input.token, input.junk),
					...photo,
				]
				const before = await prisma.case.count()
				const answer = await answerOf(
					requestRoute.action,
					requestOf('http://127.0.0.1/request', parts, input.envelope),
				)
				const after = await prisma.case.count()
				const data = isRecord(answer.data) ? answer.data : {}
				const confirmed = answer.status === 200 && data.ok === true
				ensure(
					after - before === (confirmed ? 1 : 0),
					`${after - before} cases stored for a ${answer.status} answer (confirmed: ${confirmed})`,
				)
				const clean =
					sentAsBrowsersDo(input.envelope, parts) &&
					input.mutations.length === 0 &&
					input.token === 'old'
				const withPhoto = input.envelope.kind === 'multipart' && input.photo !== undefined
				if (clean)
					ensure(
						confirmed,
						`a valid request${withPhoto ? ' with a photo' : ''} was refused with ${answer.status}`,
					)

				if (confirmed) {
					ensure(typeof data.code === 'string', 'the confirmation has no code')
					// The code shown is the one that opens the new request.
					const token = await openReporterSession(data.code)
					ensure(token, 'the code on the confirmation opens nothing')
					const reporter = await getReporter(token)
					await endReporterSession(token)
					const stored = await prisma.case.findUniqueOrThrow({
						where: { id: reporter!.caseId },
						include: { _count: { select: { attachments: true } } },
					})
					if (clean)
						ensure(
							stored._count.attachments === (withPhoto ? 1 : 0),
							`a request with ${withPhoto ? 1 : 0} photos was stored with ${stored._count.attachments}`,
						)
					ensure(
						inList([...REQUESTER_TYPES, PREFER_NOT_TO_SAY], stored.reportedRequesterType) &&
							allInList([...AREAS_OF_LIFE, PREFER_NOT_TO_SAY], stored.reportedAreas) &&
							allInList([...DISCRIMINATION_FORMS, PREFER_NOT_TO_SAY], stored.reportedForms) &&
							allInList([...MOTIVES, PREFER_NOT_TO_SAY], stored.reportedMotives) &&
							allInList([...ACTORS, PREFER_NOT_TO_SAY], stored.reportedActors) &&
							allInList([...WISHES, PREFER_NOT_TO_SAY], stored.reportedWishes),
						'a stored request has answers outside the taxonomy',
					)
					const missing = await casesMissingAGrant()
					ensure(
						missing.length === 0,
						`cases without their grants: ${missing.map((c) => c.reference).join(', ')}`,
					)
				}

				ensureErrorsNamed(answer)
				if (answer.status === 400 && isRecord(data.values)) {
					checkEcho(
						data.values,
						parts,
						input.envelope,
						(sent) =>
							expectedIntakeValues(
								sent.filter(
									(part) => part.name !== FORM_TOKEN_FIELD && part.name !== HONEYPOT_FIELD,
								),
							),
						INTAKE_FIELDS,
					)
				}
				return confirmed ? 'stored' : String(answer.status)
			},
			numRuns,
			seed,
			INTAKE_EXAMPLES,
		)
	},
}
