// The recording form's action, apart from the page: read the body (with its
// files) under the request form's limits, validate with the shared schema,
// check the files, store. No bot trap and no timing check: only signed-in
// staff reach it. Never half-stores anything.
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
	readIntakeValues,
	type FieldErrors,
	type IntakeValues,
} from '~/features/intake/intake-schema'
import { BODY_LIMITS } from '~/features/intake/submit-intake.server'
import type { StaffActor } from '../staff-auth/staff-session.server'
import { recordCase, type RecordedCaseReceipt } from './recorded-case.server'
import { RecordedCaseSchema } from './recorded-case-schema'

export type RecordingOutcome =
	| { kind: 'stored'; receipt: RecordedCaseReceipt; preferredLanguage: string | null }
	| { kind: 'invalid'; values: IntakeValues; errors: FieldErrors; fileErrors: FileError[] }

export async function submitRecordedCase(
	actor: StaffActor,
	request: Request,
): Promise<RecordingOutcome> {
	let parsed
	try {
		parsed = await parseFormWithFiles(request, BODY_LIMITS)
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw new Response('Payload too large', { status: 413 })
		if (error instanceof MalformedBodyError) throw new Response('Bad request', { status: 400 })
		throw error
	}
	const values = readIntakeValues(parsed.fields)
	const { prepared, errors: fileErrors } = prepareAttachments(parsed.files, parsed.fileProblems)
	const result = RecordedCaseSchema.safeParse(values)
	const errors = result.success ? {} : fieldErrorsOf(result.error)
	if (fileErrors.length) errors[FILE_FIELD] = fileErrorKey(fileErrors[0]!)
	if (!result.success || Object.keys(errors).length) {
		return { kind: 'invalid', values, errors, fileErrors }
	}
	const receipt = await recordCase(actor, result.data, prepared)
	return { kind: 'stored', receipt, preferredLanguage: result.data.preferredLanguage ?? null }
}
