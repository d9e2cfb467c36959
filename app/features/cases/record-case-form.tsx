// The recording form: how and when the request came, then the web form's
// sections in words for the counsellor (the person's view), contact details
// without the choice of anonymity, files, the follow-up code and the
// person's consent. Unfolded, unlike the public short form: a counsellor
// goes through every question in the conversation (decision 0021). Works without JavaScript; with it, the page checks early
// with the same schema (routes/staff.cases.new.tsx).
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FieldErrors, IntakeValues } from '~/features/intake/intake-schema'
import { AttachmentsSection } from '~/features/intake/attachments-consent-sections'
import { ContactDetails, InterpreterChoice } from '~/features/intake/contact-section'
import {
	ClassificationSection,
	IncidentSection,
	RequesterSection,
} from '~/features/intake/incident-sections'
import { useIntakeFields, type IntakeWording } from '~/features/intake/intake-fields'
import { PersonSection, ResponseWishChoice, WishesSection } from '~/features/intake/person-sections'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { RECORDED_CHANNELS } from '~/platform/taxonomy'
import { ChoiceGroup, ErrorSummary, TextField } from '~/platform/ui/form-fields'

const STAFF_WORDING: IntakeWording = { namespace: 'staff', keyPrefix: 'recordCase.form' }

type Props = {
	values: IntakeValues
	errors: FieldErrors
	errorValues: Record<string, Record<string, string>>
	onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void
	submitting: boolean
}

export function RecordCaseForm({ values, errors, errorValues, onSubmit, submitting }: Props) {
	const { t } = useTranslation('staff')
	const fields = useIntakeFields(values, errors, errorValues, STAFF_WORDING)
	const { common, text } = fields
	const labels: Record<string, string> = {
		channel: t('recordCase.channel'),
		receivedOn: t('recordCase.receivedOn'),
		narrative: fields.t('incident.narrative'),
		contactEmail: fields.t('contact.email'),
		contactPhone: fields.t('contact.phone'),
		attachments: fields.t('attachments.legend'),
		consent: t('recordCase.consentLegend'),
	}
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			noValidate
			onSubmit={onSubmit}
			className="intake-form"
		>
			<ErrorSummary
				title={t('recordCase.errorSummaryTitle')}
				text={t('recordCase.errorSummaryText')}
				errors={errors}
				errorValues={errorValues}
				labels={labels}
				namespace="staff"
			/>
			<p className="required-note">{t('recordCase.requiredNote')}</p>

			<div className="form-section">
				<h2>{t('recordCase.arrival')}</h2>
				<ChoiceGroup
					{...common('channel')}
					label={t('recordCase.channel')}
					required
					choices={RECORDED_CHANNELS.map((channel) => ({
						value: channel,
						label: t(`channel.${channel}`),
					}))}
					selected={values.channel}
				/>
				<TextField
					{...common('receivedOn')}
					label={t('recordCase.receivedOn')}
					hint={t('recordCase.receivedOnHint')}
					type="date"
					required
					defaultValue={text('receivedOn')}
				/>
			</div>

			<IncidentSection fields={fields} />
			<ResponseWishChoice fields={fields} asked={false} />
			<RequesterSection fields={fields} />
			<ClassificationSection fields={fields} />
			<PersonSection fields={fields} />
			<WishesSection fields={fields} />
			<div className="form-section">
				<h2>{fields.t('contact.legend')}</h2>
				<p>{t('recordCase.contactHint')}</p>
				<ContactDetails fields={fields} languages={PUBLIC_LANGUAGES} />
				<InterpreterChoice fields={fields} />
			</div>
			<AttachmentsSection fields={fields} />

			<div className="form-section">
				<h2>{t('recordCase.codeAndConsent')}</h2>
				<ChoiceGroup
					{...common('followUpCode')}
					label={t('recordCase.followUpCodeLegend')}
					hint={t('recordCase.followUpCodeHint')}
					multiple
					choices={[{ value: 'yes', label: t('recordCase.followUpCodeLabel') }]}
					selected={values.followUpCode}
				/>
				<ChoiceGroup
					{...common('consent')}
					label={t('recordCase.consentLegend')}
					required
					multiple
					choices={[{ value: 'yes', label: t('recordCase.consentLabel') }]}
					selected={values.consent}
				/>
			</div>

			<button type="submit" className="button-primary" disabled={submitting}>
				{t('recordCase.submit')}
			</button>
		</Form>
	)
}
