// The office's setup link (office-setup.server.ts, decision 0011): the
// office's details, the recovery sheet, the first lead. Each step posts and
// comes back here (works without JavaScript); the link's state in the
// database says which step is next. The lead then enrols a second factor on
// the usual page and invites the first admin at /staff/setup.
import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Argon2BusyError } from '~/platform/crypto/argon2-gate.server'
import { valueOf, type FormErrors, type FormValues } from '~/platform/forms/form-values'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import {
	FirstLeadSchema,
	OfficeDetailsSchema,
	RecoverySheetConfirmationSchema,
} from '~/platform/forms/staff-forms'
import { getTranslator } from '~/platform/i18n/translate.server'
import { staffSessionCookie } from '~/platform/sessions/token-cookie.server'
import { TextField } from '~/platform/ui/form-fields'
import { OfficeDetailsFields } from '~/features/staff-admin/office-details-fields'
import {
	confirmRecoverySheet,
	createFirstLead,
	createRecoverySheet,
	findSetupStep,
	isOfficeSetUp,
	saveSetupDetails,
} from '~/features/staff-admin/office-setup.server'
import {
	PrintButton,
	RecoverySheet,
	type RecoverySheetData,
} from '~/features/staff-admin/recovery-sheet'
import { logIn } from '~/features/staff-auth/login.server'
import { NewPasswordFields } from '~/features/staff-auth/new-password-fields'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const setup = await findSetupStep(params.token ?? '')
	return { title: t('setup:title'), setup, setUp: setup ? false : await isOfficeSetUp() }
}

// The link is in the address and one response holds the recovery key: like
// every page, never cached (server/app.ts sends no-store).

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

type Result = {
	intent: string
	errors: FormErrors
	values?: FormValues
	sheet?: RecoverySheetData
	sheetNumber?: string
}

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const formData = await readFormData(request)
	const intent = String(formData.get('intent') ?? '')
	// Wherever the link stands now, the loader shows it (a step done, the link spent).
	const here = redirect(`/setup/${encodeURIComponent(token)}`)
	const invalid = (result: Result, status = 400) => data<Result>(result, { status })

	switch (intent) {
		case 'details': {
			const form = parseForm(formData, OfficeDetailsSchema)
			if (!form.success) return invalid({ intent, errors: form.errors, values: form.values })
			await saveSetupDetails(token, form.data)
			return here
		}
		case 'recovery-sheet': {
			const sheet = await createRecoverySheet(token)
			if (!sheet) return here
			// The only response that ever holds the private key.
			return data<Result>({ intent, errors: {}, sheet })
		}
		case 'recovery-confirm': {
			const form = parseForm(formData, RecoverySheetConfirmationSchema)
			const sheetNumber = valueOf(form.values, 'sheetNumber') ?? ''
			if (!form.success) return invalid({ intent, errors: form.errors, sheetNumber })
			const confirmed = await confirmRecoverySheet(token, form.data.sheetNumber)
			if (confirmed === 'void') {
				return invalid({ intent, errors: { form: 'recovery.void' }, sheetNumber }, 409)
			}
			return here
		}
		case 'lead': {
			const form = parseForm(formData, FirstLeadSchema)
			const values = { displayName: form.values.displayName ?? '', email: form.values.email ?? '' }
			if (!form.success) return invalid({ intent, errors: form.errors, values })
			let lead
			try {
				lead = await createFirstLead(token, form.data)
			} catch (error) {
				if (!(error instanceof Argon2BusyError)) throw error
				return invalid({ intent, errors: { form: 'staff:login.busy' }, values }, 503)
			}
			if (lead === 'email-taken') {
				return invalid({ intent, errors: { email: 'users.emailTaken' }, values })
			}
			if (!lead) return here
			// Signed in to the half-open session: the usual enrolment page takes over.
			const next = '/staff/setup'
			const login = await logIn({ ...form.data, clientKey: context.clientKey })
			if (login.kind !== 'half-open') {
				return redirect(`/staff/login?redirectTo=${encodeURIComponent(next)}`)
			}
			return redirect(`/staff/two-factor?redirectTo=${encodeURIComponent(next)}`, {
				headers: { 'Set-Cookie': staffSessionCookie.serialize(request, login.token) },
			})
		}
	}
	throw new Response('Bad request', { status: 400 })
}

export default function SetupPage() {
	const { setup, setUp } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('setup')
	if (!setup) {
		return (
			<section className="narrow">
				<h1>{t('void.title')}</h1>
				<p>{setUp ? t('void.setUpText') : t('void.text')}</p>
				<p>
					<a href="/staff/login">{t('void.signIn')}</a>
				</p>
			</section>
		)
	}
	switch (setup.step) {
		case 'details':
			return (
				<StepPage step={1} title={t('details.title')}>
					<p>{t('details.text')}</p>
					<Form method="post" noValidate>
						<OfficeDetailsFields
							defaults={{
								officeName: valueOf(result?.values, 'officeName') ?? setup.details?.officeName,
								contactEmail:
									valueOf(result?.values, 'contactEmail') ?? setup.details?.contactEmail ?? '',
								contactPhone:
									valueOf(result?.values, 'contactPhone') ?? setup.details?.contactPhone ?? '',
								address: valueOf(result?.values, 'address') ?? setup.details?.address ?? '',
							}}
							errors={result?.errors ?? {}}
						/>
						<button type="submit" name="intent" value="details" className="button-primary">
							{t('details.submit')}
						</button>
					</Form>
				</StepPage>
			)
		case 'recovery':
			return <RecoveryStep result={result} />
		case 'lead':
			return <LeadStep result={result} />
	}
}

function StepPage({ step, title, children }: { step: number; title: string; children: ReactNode }) {
	const { t } = useTranslation('setup')
	return (
		<section className="narrow setup">
			<p className="setup-progress">{t('progress', { step })}</p>
			<h1>{title}</h1>
			{children}
		</section>
	)
}

function CreateSheetForm({ label }: { label: string }) {
	return (
		<Form method="post">
			<button type="submit" name="intent" value="recovery-sheet" className="button-primary">
				{label}
			</button>
		</Form>
	)
}

/**
 * The sheet, once, from the action that made it; then only its number. A
 * failed confirmation cannot show the key again: the server no longer has it.
 */
function RecoveryStep({ result }: { result?: Result }) {
	const { t } = useTranslation('setup')
	const sheetNumber = result?.sheet?.sheetNumber ?? result?.sheetNumber
	const errors = result?.errors ?? {}
	if (errors.form) {
		return (
			<StepPage step={2} title={t('recovery.title')}>
				<p className="form-error" role="alert">
					{t(errors.form)}
				</p>
				<CreateSheetForm label={t('recovery.createNew')} />
			</StepPage>
		)
	}
	if (!sheetNumber) {
		return (
			<StepPage step={2} title={t('recovery.title')}>
				<p>{t('recovery.text')}</p>
				<CreateSheetForm label={t('recovery.create')} />
			</StepPage>
		)
	}
	return (
		<StepPage step={2} title={t('recovery.title')}>
			{result?.sheet ? (
				<>
					<p>{t('recovery.print')}</p>
					<PrintButton />
					<RecoverySheet sheet={result.sheet} />
					<p className="warning">{t('recovery.onceWarning')}</p>
				</>
			) : (
				<p className="form-error" role="alert">
					{t('recovery.keptRequired')} {t('recovery.confirmAgain', { sheetNumber })}
				</p>
			)}
			{/* No noValidate: the browser itself keeps the box from being skipped,
			    so that the sheet stays on screen. */}
			<Form method="post" className="recovery-confirm">
				<input type="hidden" name="sheetNumber" value={sheetNumber} />
				<div className={`field choice${errors.kept ? ' field--invalid' : ''}`}>
					<input type="checkbox" id="kept" name="kept" value="yes" required />
					<label htmlFor="kept">{t('recovery.kept')}</label>
				</div>
				<button type="submit" name="intent" value="recovery-confirm" className="button-primary">
					{t('recovery.confirm')}
				</button>
			</Form>
			{result?.sheet ? null : <CreateSheetForm label={t('recovery.createNew')} />}
		</StepPage>
	)
}

function LeadStep({ result }: { result?: Result }) {
	const { t } = useTranslation('setup')
	const { t: ts } = useTranslation('staff')
	const errors = result?.errors ?? {}
	return (
		<StepPage step={3} title={t('lead.title')}>
			<p>{t('lead.text')}</p>
			{errors.form ? (
				<p className="form-error" role="alert">
					{ts(errors.form)}
				</p>
			) : null}
			<Form method="post" noValidate>
				<TextField
					name="displayName"
					label={ts('account.name')}
					autoComplete="name"
					defaultValue={valueOf(result?.values, 'displayName')}
					error={errors.displayName}
					namespace="staff"
					required
				/>
				<TextField
					name="email"
					type="email"
					label={ts('login.email')}
					autoComplete="username"
					defaultValue={valueOf(result?.values, 'email')}
					error={errors.email}
					namespace="staff"
					required
				/>
				<NewPasswordFields errors={errors} />
				<button type="submit" name="intent" value="lead" className="button-primary">
					{t('lead.submit')}
				</button>
			</Form>
		</StepPage>
	)
}
