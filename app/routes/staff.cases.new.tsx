import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { RecordCaseForm } from '~/features/cases/record-case-form'
import { RecordedCaseReceipt } from '~/features/cases/recorded-case-receipt'
import { RecordedCaseSchema } from '~/features/cases/recorded-case-schema'
import { followUpSlip } from '~/features/cases/follow-up-slip.server'
import { submitRecordedCase } from '~/features/cases/submit-recorded-case.server'
import {
	FILE_FIELD,
	fieldErrorsOf,
	INTAKE_BODY_LIMIT,
	narrativeErrorValues,
	readIntakeValues,
	type FieldErrors,
} from '~/features/intake/intake-schema'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { calendarDay } from '~/platform/calendar-day'
import { bodyLimitHandle } from '~/platform/forms/body-limit'
import { getTranslator } from '~/platform/i18n/translate.server'
import { RECORDS_CASES } from '~/platform/permissions'

/** The form carries files, as the public form does, under the same limit. */
export const handle = bodyLimitHandle(INTAKE_BODY_LIMIT)

export async function loader({ request, context }: LoaderFunctionArgs) {
	await requireStaffActor(request, RECORDS_CASES)
	const { t } = getTranslator(request)
	const title = t('staff:recordCase.title')
	return {
		// After a failed post without JavaScript the title says so first.
		title: context.formErrorCount
			? t('staff:recordCase.errorTitle', { count: context.formErrorCount, title })
			: title,
		today: calendarDay(new Date()).toISOString().slice(0, 10),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, RECORDS_CASES)
	const outcome = await submitRecordedCase(actor, request)
	// What was typed, and the code, are in this response only: never from a cache.
	const noStore = { 'Cache-Control': 'no-store' }
	if (outcome.kind === 'invalid') {
		context.formErrorCount = Object.keys(outcome.errors).length
		const first = outcome.fileErrors[0]
		// The file a file error message names ({{name}}), how far the narrative is over.
		const errorValues: Record<string, Record<string, string>> = {
			...(first ? { [FILE_FIELD]: { name: first.name } } : {}),
			...narrativeErrorValues(outcome.errors, outcome.values),
		}
		return data(
			{
				ok: false as const,
				values: outcome.values,
				errors: outcome.errors,
				errorValues,
			},
			{ status: 400, headers: noStore },
		)
	}
	const { reference, followUpCode } = outcome.receipt
	const slip = followUpCode
		? await followUpSlip(
				request,
				followUpCode,
				outcome.preferredLanguage,
				getTranslator(request).language,
			)
		: null
	return data({ ok: true as const, reference, slip }, { headers: noStore })
}

export default function RecordCasePage() {
	const { today } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('staff')
	const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null)
	const [clientErrorValues, setClientErrorValues] = useState<
		Record<string, Record<string, string>>
	>({})
	const [clientAttempt, setClientAttempt] = useState(0)
	const serverResult = result && !result.ok ? result : undefined

	// After a failed attempt, move focus to the list of problems.
	useEffect(() => {
		if (serverResult || clientAttempt) document.getElementById('error-summary')?.focus()
	}, [serverResult, clientAttempt])

	if (result?.ok) return <RecordedCaseReceipt reference={result.reference} slip={result.slip} />

	// With JavaScript, the same schema checks the form before it is sent.
	const validateInBrowser = (event: FormEvent<HTMLFormElement>) => {
		const values = readIntakeValues(new FormData(event.currentTarget))
		const parsed = RecordedCaseSchema.safeParse(values)
		if (parsed.success) {
			setClientErrors(null)
			return
		}
		event.preventDefault()
		const errors = fieldErrorsOf(parsed.error)
		setClientErrors(errors)
		setClientErrorValues(narrativeErrorValues(errors, values))
		setClientAttempt((attempt) => attempt + 1)
	}

	return (
		<section className="record-case">
			<h1>{t('recordCase.heading')}</h1>
			<p className="lead">{t('recordCase.intro')}</p>
			<RecordCaseForm
				// A new form starts with today and a code for the person.
				values={serverResult?.values ?? { receivedOn: today, followUpCode: 'yes' }}
				errors={clientErrors ?? serverResult?.errors ?? {}}
				errorValues={clientErrors ? clientErrorValues : (serverResult?.errorValues ?? {})}
				onSubmit={validateInBrowser}
				submitting={navigation.state === 'submitting'}
			/>
		</section>
	)
}
