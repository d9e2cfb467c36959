// The steps of the office's setup link (app/routes/setup.$token.tsx): the
// office's details, the recovery sheet, the first lead. Each is a form that
// posts its intent to the page's action.
import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, TextField } from '~/platform/ui/form-fields'
import { NewPasswordFields } from '~/features/staff-auth/new-password-fields'
import { FirstLeadSchema, OfficeDetailsSchema } from './admin-schemas'
import { OfficeDetailsFields } from './office-details-fields'
import { PrintButton, RecoverySheet, type RecoverySheetData } from './recovery-sheet'

export function StepPage({
	step,
	title,
	children,
}: {
	step: number
	title: string
	children: ReactNode
}) {
	const { t } = useTranslation('setup')
	return (
		<section className="narrow setup">
			<p className="setup-progress">{t('progress', { step })}</p>
			<h1>{title}</h1>
			{children}
		</section>
	)
}

export function DetailsStep({
	details,
	lastResult,
}: {
	details: {
		officeName: string
		contactEmail: string | null
		contactPhone: string | null
		address: string | null
	} | null
	lastResult: LastResult
}) {
	const { t } = useTranslation('setup')
	const [form, fields] = useValidatedForm(OfficeDetailsSchema, {
		id: 'setup-details',
		lastResult,
		defaultValue: details ?? undefined,
	})
	return (
		<StepPage step={1} title={t('details.title')}>
			<p>{t('details.text')}</p>
			<Form method="post" {...getFormProps(form)}>
				{/* Named here, in the form's own render (useValidatedForm says why). */}
				<OfficeDetailsFields
					fields={{
						officeName: fields.officeName,
						contactEmail: fields.contactEmail,
						contactPhone: fields.contactPhone,
						address: fields.address,
					}}
				/>
				<IntentButton intent="details" primary>
					{t('details.submit')}
				</IntentButton>
			</Form>
		</StepPage>
	)
}

function CreateSheetForm({ label }: { label: string }) {
	return (
		<Form method="post">
			<IntentButton intent="recovery-sheet" primary>
				{label}
			</IntentButton>
		</Form>
	)
}

/**
 * The sheet, once, from the action that made it; then only its number. A
 * failed confirmation cannot show the key again: the server no longer has it.
 */
export function RecoveryStep({
	sheet,
	lastResult,
}: {
	sheet?: RecoverySheetData
	lastResult: LastResult
}) {
	const { t } = useTranslation('setup')
	const typed = lastResult?.initialValue?.sheetNumber
	const sheetNumber = sheet?.sheetNumber ?? (typeof typed === 'string' ? typed : undefined)
	const formErrors = lastResult?.error?.['']
	if (formErrors?.length) {
		return (
			<StepPage step={2} title={t('recovery.title')}>
				<FormAlert id="recovery-error" errors={formErrors} namespace="setup" />
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
			{sheet ? (
				<>
					<p>{t('recovery.print')}</p>
					<PrintButton />
					<RecoverySheet sheet={sheet} />
					<p className="warning">{t('recovery.onceWarning')}</p>
				</>
			) : (
				<p className="form-error" role="alert">
					{t('recovery.keptRequired')} {t('recovery.confirmAgain', { sheetNumber })}
				</p>
			)}
			{/* No noValidate, and no validation by script: the browser itself keeps
			    the box from being skipped, so that the sheet stays on screen (a
			    refusal from the server could not show it again). The action still
			    parses the post with RecoverySheetConfirmationSchema. */}
			<Form method="post" className="recovery-confirm">
				<input type="hidden" name="sheetNumber" value={sheetNumber} />
				<div className={`field choice${lastResult?.error?.kept ? ' field--invalid' : ''}`}>
					<input type="checkbox" id="kept" name="kept" value="yes" required />
					<label htmlFor="kept">{t('recovery.kept')}</label>
				</div>
				<IntentButton intent="recovery-confirm" primary>
					{t('recovery.confirm')}
				</IntentButton>
			</Form>
			{sheet ? null : <CreateSheetForm label={t('recovery.createNew')} />}
		</StepPage>
	)
}

export function LeadStep({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('setup')
	const { t: ts } = useTranslation('staff')
	const [form, fields] = useValidatedForm(FirstLeadSchema, { id: 'setup-lead', lastResult })
	return (
		<StepPage step={3} title={t('lead.title')}>
			<p>{t('lead.text')}</p>
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="setup" />
				<TextField
					field={fields.displayName}
					label={ts('account.name')}
					autoComplete="name"
					namespace="staff"
					required
				/>
				<TextField
					field={fields.email}
					type="email"
					label={ts('login.email')}
					autoComplete="username"
					namespace="staff"
					required
				/>
				<NewPasswordFields password={fields.password} confirmation={fields.confirmation} />
				<IntentButton intent="lead" primary>
					{t('lead.submit')}
				</IntentButton>
			</Form>
		</StepPage>
	)
}
