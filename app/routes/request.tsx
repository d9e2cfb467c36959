import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AlreadySent } from '~/features/intake/already-sent'
import { CodePage } from '~/features/intake/code-page'
import { IntakeForm } from '~/features/intake/intake-form'
import {
	FILE_FIELD,
	fieldErrorsOf,
	INTAKE_BODY_LIMIT,
	INTAKE_FORM_ID,
	IntakeSchema,
	LANGUAGE_INTENT,
	narrativeErrorValues,
	readIntakeValues,
	type FieldErrors,
} from '~/features/intake/intake-schema'
import { bodyLimitHandle } from '~/platform/forms/body-limit'
import type { LanguageFormHandle } from '~/platform/ui/language-switcher'
import { getTranslator } from '~/platform/i18n/translate.server'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { issueFormToken } from '~/features/intake/form-timing.server'
import { submitIntake } from '~/features/intake/submit-intake.server'
import { OfficeNotSetUpError } from '~/features/intake/store-request.server'
import { isOfficeSetUp } from '~/features/staff-admin/office-setup.server'
import { isMailOn } from '~/features/notifications/mail-config.server'

/**
 * The form carries files; its parser (submit-intake.server.ts) reads under
 * the same limit. The header's language choices submit the form, so that a
 * change of language keeps what was typed.
 */
export const handle: LanguageFormHandle & ReturnType<typeof bodyLimitHandle> = {
	...bodyLimitHandle(INTAKE_BODY_LIMIT),
	languageForm: INTAKE_FORM_ID,
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const title = t('intake:pageTitle')
	return data(
		{
			// After a failed post without JavaScript the title says so first.
			title: context.formErrorCount
				? t('intake:errorTitle', { count: context.formErrorCount, title })
				: title,
			formToken: issueFormToken(),
			open: await isOfficeSetUp(),
			offerReplyNotice: isMailOn(),
		},
		// The token carries the time the form was rendered: never from a cache.
		{ headers: { 'Cache-Control': 'no-store' } },
	)
}

export const meta: MetaFunction<typeof loader, { 'routes/request': typeof action }> = ({ data }) =>
	data ? [{ title: data.title }] : []

export async function action({ request, context }: ActionFunctionArgs) {
	const outcome = await submitIntake(request, context.clientKey).catch((error: unknown) => {
		// Before setup nobody could open or read the request: refuse honestly
		// instead of storing it.
		if (error instanceof OfficeNotSetUpError)
			throw new Response('Service unavailable', { status: 503 })
		throw error
	})
	const noStore = { 'Cache-Control': 'no-store' }
	switch (outcome.kind) {
		case 'rateLimited':
			throw new Response('Too many requests', { status: 429 })
		case 'tooLarge':
			throw new Response('Payload too large', { status: 413 })
		case 'malformed':
			throw new Response('Bad request', { status: 400 })
		case 'languageSwitched':
			// The same page in the language the URL names (?lang=, which the root
			// loader also keeps in the cookie), with what was typed, unchecked.
			return data(
				{
					ok: false as const,
					values: outcome.values,
					errors: {},
					errorValues: {},
					formToken: outcome.formToken ?? issueFormToken(),
				},
				{ headers: noStore },
			)
		case 'invalid':
			context.formErrorCount = Object.keys(outcome.errors).length
			return data(
				{
					ok: false as const,
					values: outcome.values,
					errors: outcome.errors,
					errorValues: {
						...fileErrorValues(outcome.fileErrors),
						...narrativeErrorValues(outcome.errors, outcome.values),
					},
					formToken: issueFormToken(),
				},
				{ status: 400, headers: noStore },
			)
		case 'alreadySent':
			// The request was stored with the first post; its code was shown then.
			return data(
				{ ok: true as const, alreadySent: true as const },
				{ status: 409, headers: noStore },
			)
		case 'stored':
			// The code is shown in this response only; it is not stored anywhere.
			return data(
				{
					ok: true as const,
					code: outcome.created.followUpCode,
					address: `${new URL(request.url).origin}/follow-up`,
					withContact: outcome.withContact,
					contactDropped: outcome.contactDropped,
				},
				{ headers: noStore },
			)
	}
}

/** The file name a file error message names ({{name}}). */
function fileErrorValues(
	fileErrors: Array<{ name: string }>,
): Record<string, Record<string, string>> {
	const first = fileErrors[0]
	return first ? { [FILE_FIELD]: { name: first.name } } : {}
}

export default function RequestPage() {
	const { formToken, open } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	if (result?.ok)
		return 'code' in result ? (
			<CodePage
				code={result.code}
				address={result.address}
				withContact={result.withContact}
				contactDropped={result.contactDropped}
			/>
		) : (
			<AlreadySent />
		)
	if (!open) return <NotOpen />
	return <RequestForm formToken={result && !result.ok ? result.formToken : formToken} />
}

function RequestForm({ formToken }: { formToken: string }) {
	const { t } = useTranslation('intake')
	const { offerReplyNotice } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const navigation = useNavigation()
	const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null)
	const [clientErrorValues, setClientErrorValues] = useState<
		Record<string, Record<string, string>>
	>({})
	const serverResult = result && !result.ok ? result : undefined
	const errors = clientErrors ?? serverResult?.errors ?? {}
	const [clientAttempt, setClientAttempt] = useState(0)

	// After a failed attempt, move focus to the list of problems so that
	// screen reader and keyboard users learn what to fix.
	useEffect(() => {
		if (serverResult || clientAttempt) document.getElementById('error-summary')?.focus()
	}, [serverResult, clientAttempt])

	// With JavaScript, the same schema checks the form before it is sent.
	// A change of language is not a submission: nothing to check.
	const validateInBrowser = (event: FormEvent<HTMLFormElement>) => {
		const submitter = (event.nativeEvent as SubmitEvent).submitter
		if (submitter?.getAttribute('value') === LANGUAGE_INTENT) {
			setClientErrors(null)
			return
		}
		const values = readIntakeValues(new FormData(event.currentTarget))
		const parsed = IntakeSchema.safeParse(values)
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
		<article className="request-page">
			<h1>{t('heading')}</h1>
			<p className="lead">{t('intro')}</p>
			<IntakeForm
				formToken={formToken}
				languages={PUBLIC_LANGUAGES}
				offerReplyNotice={offerReplyNotice}
				values={serverResult?.values ?? {}}
				errors={errors}
				errorValues={clientErrors ? clientErrorValues : (serverResult?.errorValues ?? {})}
				onSubmit={validateInBrowser}
				submitting={navigation.state === 'submitting'}
			/>
		</article>
	)
}

/** Before the office is set up the form is not offered (it would refuse to store). */
function NotOpen() {
	const { t } = useTranslation('intake')
	return (
		<article className="request-page">
			<h1>{t('heading')}</h1>
			<p className="notice">{t('common:notOpen')}</p>
			<p>
				<a href="/">{t('common:home')}</a>
			</p>
		</article>
	)
}
