// The intake action's work, apart from the page: read the body under limits,
// refuse bots and floods, validate with the shared schema, check files,
// store. Returns what the page shows; never half-stores anything.
import {
	fileErrorKey,
	prepareAttachments,
	type FileError,
} from '~/features/attachments/prepare.server'
import {
	BodyTooLargeError,
	MalformedBodyError,
	parseFormWithFiles,
} from '~/features/attachments/multipart.server'
import {
	fieldErrorsOf,
	FILE_FIELD,
	FORM_TOKEN_FIELD,
	HONEYPOT_FIELD,
	INTAKE_BODY_LIMIT,
	IntakeSchema,
	LANGUAGE_INTENT,
	LIMITS,
	readIntakeValues,
	type FieldErrors,
	type IntakeValues,
} from '~/features/intake/intake-schema'
import {
	RATE_LIMITS,
	record,
	refundAttempt,
	takeAttempt,
} from '~/features/rate-limit/rate-limit.server'
import { createRequest, type CreatedRequest } from '~/features/intake/store-request.server'
import { getLanguage } from '~/platform/i18n/language.server'
import { checkFormToken } from './form-timing.server'
import { FormAlreadySentError, isFormTokenSpent } from './spent-form-token.server'

export const BODY_LIMITS = {
	fileField: FILE_FIELD,
	maxFiles: LIMITS.maxFiles,
	maxFileBytes: LIMITS.maxFileBytes,
	// Generous for text: a pasted megabyte is read and then refused with a
	// clear message rather than cut off unseen.
	maxTextBytes: 2 * 1024 * 1024,
	maxBodyBytes: INTAKE_BODY_LIMIT,
}

/** The form's submit buttons other than "send" name their intent here. */
const INTENT_FIELD = 'intent'

export type IntakeOutcome =
	| {
			kind: 'stored'
			created: CreatedRequest
			withContact: boolean
			/** Anonymous, yet contact details were sent: they were not kept, and the page says so. */
			contactDropped: boolean
	  }
	| { kind: 'languageSwitched'; values: IntakeValues; formToken: string | null }
	| { kind: 'invalid'; values: IntakeValues; errors: FieldErrors; fileErrors: FileError[] }
	/** The same form was stored before (a reload, a double click): nothing more is. */
	| { kind: 'alreadySent' }
	| { kind: 'rateLimited' }
	| { kind: 'tooLarge' }
	| { kind: 'malformed' }

export async function submitIntake(request: Request, clientKey: Buffer): Promise<IntakeOutcome> {
	// Every attempt counts, stored or not, so a flood of junk is refused too.
	const takenAt = new Date()
	if ((await record(RATE_LIMITS.submission, clientKey, takenAt)) > RATE_LIMITS.submission.limit) {
		return { kind: 'rateLimited' }
	}

	let parsed
	try {
		parsed = await parseFormWithFiles(request, BODY_LIMITS)
	} catch (error) {
		if (error instanceof BodyTooLargeError) return { kind: 'tooLarge' }
		if (error instanceof MalformedBodyError) return { kind: 'malformed' }
		throw error
	}
	// A file in its place is no token either.
	const formToken = String(parsed.fields.get(FORM_TOKEN_FIELD) ?? '')
	const tokenCheck = checkFormToken(formToken)
	if (tokenCheck === 'person' && (await isFormTokenSpent(formToken))) {
		return { kind: 'alreadySent' }
	}
	const values = readIntakeValues(parsed.fields)
	delete values[FORM_TOKEN_FIELD]
	delete values[HONEYPOT_FIELD]
	delete values[INTENT_FIELD]

	// A change of language posts what was typed so that the page comes back
	// with it in the other language: nothing is checked or stored, and it
	// counts under its own, more generous limit instead of as a submission.
	if (parsed.fields.get(INTENT_FIELD) === LANGUAGE_INTENT) {
		await refundAttempt(RATE_LIMITS.submission, clientKey, takenAt)
		if (!(await takeAttempt(RATE_LIMITS.languageSwitch, clientKey))) return { kind: 'rateLimited' }
		const token = parsed.fields.get(FORM_TOKEN_FIELD)
		return { kind: 'languageSwitched', values, formToken: typeof token === 'string' ? token : null }
	}

	const { prepared, errors: fileErrors } = prepareAttachments(parsed.files, parsed.fileProblems)
	const result = IntakeSchema.safeParse(values)
	const errors = result.success ? {} : fieldErrorsOf(result.error)
	if (fileErrors.length) errors[FILE_FIELD] = fileErrorKey(fileErrors[0]!)

	// A filled honeypot or a too-quick submission: a bot, or a person who
	// should look once more. Either way nothing is stored and nothing is lost.
	if (parsed.fields.get(HONEYPOT_FIELD)) errors.form = 'errors.rejected'
	else if (tokenCheck === 'tooFast') errors.form = 'errors.tooFast'
	// Older than its spent mark is kept: sending it once more must not store
	// a second request after the mark is gone. A fresh form keeps the answers.
	else if (tokenCheck === 'expired') errors.form = 'code:formExpired'

	if (!result.success || Object.keys(errors).length) {
		return { kind: 'invalid', values, errors, fileErrors }
	}
	let created
	try {
		created = await createRequest(result.data, prepared, {
			language: getLanguage(request, 'public'),
			formToken,
		})
	} catch (error) {
		// The same form, posted twice at once: the other post stored it.
		if (error instanceof FormAlreadySentError) return { kind: 'alreadySent' }
		throw error
	}
	return {
		kind: 'stored',
		created,
		withContact: result.data.contactMode === 'contact',
		contactDropped: result.data.contactDropped,
	}
}
