// The public request form's schema, shared by the server (which decides) and
// the browser (which checks early). Messages are keys of the `intake`
// translation namespace, so each visitor reads them in their own language.
import { z } from 'zod'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	ONGOING,
	OTHER_VALUES,
	PREFER_NOT_TO_SAY,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	RESPONSE_WISHES,
	WISHES,
} from '../../platform/taxonomy'

export const LIMITS = {
	narrative: 20_000,
	shortText: 200,
	contactTimes: 500,
	maxFiles: 5,
	maxFileBytes: 10 * 1024 * 1024,
} as const

/**
 * The most a post of the form or of a follow-up reply may take: every file
 * at its largest, and room for the text. The routes declare it as their body
 * limit (app/platform/forms/body-limit.ts); the parser stops there.
 */
export const INTAKE_BODY_LIMIT = LIMITS.maxFiles * LIMITS.maxFileBytes + 8 * 1024 * 1024

/** Form fields that are not answers: the bot trap, the signed render time, the files. */
export const HONEYPOT_FIELD = 'website'
export const FORM_TOKEN_FIELD = 'formStarted'
export const FILE_FIELD = 'attachments'

/** The form's id: the header's language buttons submit it (routes/request.tsx). */
export const INTAKE_FORM_ID = 'intake-form'
/** What those buttons post: come back in another language with what was typed. */
export const LANGUAGE_INTENT = 'language'

/** Fields that carry several values (checkbox groups). */
export const MULTI_VALUE_FIELDS = ['areas', 'forms', 'motives', 'actors', 'wishes'] as const

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'errors.tooLong')
		.optional()
		.transform((value) => value || undefined)

/** One answer from a list, or "prefer not to say", or nothing. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.enum(
			[...values, PREFER_NOT_TO_SAY] as unknown as [
				T[number] | typeof PREFER_NOT_TO_SAY,
				...string[],
			],
			{
				errorMap: () => ({ message: 'errors.invalidChoice' }),
			},
		)
		.optional()

/** Several answers from a list; "prefer not to say" stands alone. */
const someOf = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.array(
			z.enum([...values, PREFER_NOT_TO_SAY] as unknown as [string, ...string[]], {
				errorMap: () => ({ message: 'errors.invalidChoice' }),
			}),
		)
		.default([])
		.refine(
			(chosen) => !chosen.includes(PREFER_NOT_TO_SAY) || chosen.length === 1,
			'errors.noAnswerAlone',
		)
		.transform((chosen) => [...new Set(chosen)] as Array<T[number] | typeof PREFER_NOT_TO_SAY>)

const currentYear = () => new Date().getFullYear()
export const EARLIEST_INCIDENT_YEAR_OFFSET = 10

/** What happened, and about whom: the questions before the contact section. */
const INCIDENT_ANSWERS = {
	requesterType: oneOf(REQUESTER_TYPES),
	narrative: z
		.string({ required_error: 'errors.narrativeRequired' })
		.trim()
		.min(1, 'errors.narrativeRequired')
		.max(LIMITS.narrative, 'errors.narrativeTooLong'),
	incidentMonth: z.coerce
		.number()
		.int()
		.min(1, 'errors.invalidChoice')
		.max(12, 'errors.invalidChoice')
		.optional(),
	incidentYear: z.coerce
		.number()
		.int()
		.refine(
			(year) => year >= currentYear() - EARLIEST_INCIDENT_YEAR_OFFSET && year <= currentYear(),
			'errors.invalidChoice',
		)
		.optional(),
	place: optionalText(LIMITS.shortText),
	ongoing: oneOf(ONGOING),
	areas: someOf(AREAS_OF_LIFE),
	areasOther: optionalText(LIMITS.shortText),
	forms: someOf(DISCRIMINATION_FORMS),
	formsOther: optionalText(LIMITS.shortText),
	motives: someOf(MOTIVES),
	motivesOther: optionalText(LIMITS.shortText),
	actors: someOf(ACTORS),
	ageGroup: oneOf(AGE_GROUPS),
	gender: oneOf(GENDERS),
	nationalityGroup: oneOf(NATIONALITY_GROUPS),
	residenceStatus: oneOf(RESIDENCE_STATUSES),
	wishes: someOf(WISHES),
}

/** How to reach the person, and whether they need an interpreter. */
const CONTACT_ANSWERS = {
	contactName: optionalText(LIMITS.shortText),
	contactEmail: z
		.string()
		.trim()
		.max(LIMITS.shortText, 'errors.tooLong')
		.email('errors.invalidEmail')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	contactPhone: z
		.string()
		.trim()
		.regex(/^\+?[0-9 ()./-]{6,30}$/, 'errors.invalidPhone')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	contactTimes: optionalText(LIMITS.contactTimes),
	preferredLanguage: optionalText(LIMITS.shortText),
	interpreterNeeded: oneOf(['yes', 'no'] as const),
	interpreterLanguage: optionalText(LIMITS.shortText),
}

/**
 * The answers themselves: what the web form asks, and what staff record for
 * a request that came another way (app/features/cases/recorded-case-schema.ts).
 */
export const IntakeAnswersSchema = z.object({ ...INCIDENT_ANSWERS, ...CONTACT_ANSWERS })

export type IntakeAnswers = z.output<typeof IntakeAnswersSchema>

/** "Other" texts count only when "other" was chosen, the interpreter's language only when one is needed. */
export function withoutUnusedAnswers<T extends IntakeAnswers>(answers: T): T {
	return {
		...answers,
		areasOther: answers.areas.includes(OTHER_VALUES.areas) ? answers.areasOther : undefined,
		formsOther: answers.forms.includes(OTHER_VALUES.forms) ? answers.formsOther : undefined,
		motivesOther: answers.motives.includes(OTHER_VALUES.motives) ? answers.motivesOther : undefined,
		interpreterLanguage:
			answers.interpreterNeeded === 'yes' ? answers.interpreterLanguage : undefined,
	}
}

/** What an anonymous request never keeps, whatever the fields held. */
const CONTACT_FIELDS = [
	'contactName',
	'contactEmail',
	'contactPhone',
	'contactTimes',
	'preferredLanguage',
	'replyNotice',
] as const

/**
 * An anonymous request drops the contact fields before they are checked: a
 * person who chose anonymous is not stopped by an address typed earlier (the
 * fields are hidden then), and is told that it was not kept.
 */
function withoutContactIfAnonymous(input: unknown): unknown {
	if (typeof input !== 'object' || input === null) return input
	const values = input as Record<string, unknown>
	// Whatever a post names so, this is the schema's own answer.
	if (values.contactMode !== 'anonymous') return { ...values, contactDropped: false }
	const kept = { ...values }
	let dropped = false
	for (const field of CONTACT_FIELDS) {
		if (typeof kept[field] === 'string' && (kept[field] as string).trim()) dropped = true
		delete kept[field]
	}
	return { ...kept, contactDropped: dropped }
}

const { narrative, ...INCIDENT_DETAILS } = INCIDENT_ANSWERS

// In the order of the form, so that the list of problems is too: what it
// asks first, then what "more details" holds.
const IntakeObjectSchema = z
	.object({
		narrative,
		responseWish: z.enum(RESPONSE_WISHES, {
			errorMap: () => ({ message: 'errors.responseWishRequired' }),
		}),
		contactMode: z.enum(['anonymous', 'contact'], {
			errorMap: () => ({ message: 'errors.contactModeRequired' }),
		}),
		...CONTACT_ANSWERS,
		// Off unless ticked: a mail when the office answers, saying only that it did.
		replyNotice: z
			.literal('yes', { errorMap: () => ({ message: 'errors.invalidChoice' }) })
			.optional(),
		...INCIDENT_DETAILS,
		consent: z.literal('yes', { errorMap: () => ({ message: 'errors.consentRequired' }) }),
		/** Set by withoutContactIfAnonymous, never by the form. */
		contactDropped: z.boolean().default(false),
	})
	.superRefine((intake, context) => {
		if (intake.contactMode === 'contact' && !intake.contactEmail && !intake.contactPhone) {
			context.addIssue({ code: 'custom', path: ['contactEmail'], message: 'errors.contactNeeded' })
		}
		if (intake.contactMode === 'contact' && intake.replyNotice && !intake.contactEmail) {
			context.addIssue({
				code: 'custom',
				path: ['replyNotice'],
				message: 'errors.replyNoticeNeedsEmail',
			})
		}
	})
	.transform(withoutUnusedAnswers)

export const IntakeSchema = z.preprocess(withoutContactIfAnonymous, IntakeObjectSchema)

export type Intake = z.output<typeof IntakeSchema>

/** Submitted form values as the schema reads them (text fields only). */
export type IntakeValues = Record<string, string | string[]>

/**
 * The text fields of a submitted form, with checkbox groups as arrays and
 * empty single values dropped (an unanswered question, not an answer).
 */
export function readIntakeValues(formData: FormData): IntakeValues {
	const values: IntakeValues = {}
	for (const field of MULTI_VALUE_FIELDS) {
		values[field] = formData.getAll(field).filter((v): v is string => typeof v === 'string')
	}
	for (const [key, value] of formData.entries()) {
		if (typeof value !== 'string' || (MULTI_VALUE_FIELDS as readonly string[]).includes(key))
			continue
		if (value !== '') values[key] = value
	}
	return values
}

export type FieldErrors = Record<string, string>

/**
 * The fields the short form asks first (and the form's own error): an error
 * anywhere else is in "more details", which then opens.
 */
const FIRST_FIELDS: ReadonlySet<string> = new Set([
	'form',
	'narrative',
	'responseWish',
	'contactMode',
	...CONTACT_FIELDS,
	'consent',
])

export function isInMoreDetails(field: string): boolean {
	return !FIRST_FIELDS.has(field)
}

/** The numbers a message names: how far the narrative is over its limit. */
export function narrativeErrorValues(
	errors: FieldErrors,
	values: IntakeValues,
): Record<string, Record<string, string>> {
	if (errors.narrative !== 'errors.narrativeTooLong' || typeof values.narrative !== 'string')
		return {}
	const over = values.narrative.trim().length - LIMITS.narrative
	return { narrative: { over: String(over), limit: String(LIMITS.narrative) } }
}

/** The first message per field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {}
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form')
		errors[field] ??= issue.message
	}
	return errors
}

export function incidentYears(): number[] {
	const years: number[] = []
	for (let year = currentYear(); year >= currentYear() - EARLIEST_INCIDENT_YEAR_OFFSET; year--)
		years.push(year)
	return years
}
