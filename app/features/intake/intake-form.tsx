// The public request form, short first (decision 0021): what happened,
// whether the person wants an answer, anonymous or with contact, consent,
// send. Everything else is folded under "more details, voluntary", which
// opens by itself when it holds an error or an answer. The form token and
// the honeypot. Works without JavaScript; with it, the page checks early
// with the same schema (see routes/request.tsx).
import { Form } from '@remix-run/react'
import type { FieldErrors, IntakeValues } from '~/features/intake/intake-schema'
import {
	FORM_TOKEN_FIELD,
	HONEYPOT_FIELD,
	INTAKE_FORM_ID,
	isInMoreDetails,
} from '~/features/intake/intake-schema'
import { ErrorSummary } from '~/platform/ui/form-fields'
import { AttachmentsSection, PrivacyConsentSection } from './attachments-consent-sections'
import { ContactSection, InterpreterChoice } from './contact-section'
import {
	ClassificationSection,
	IncidentDetails,
	NarrativeField,
	RequesterSection,
} from './incident-sections'
import { NS, useIntakeFields } from './intake-fields'
import { PersonSection, ResponseWishChoice, WishesSection } from './person-sections'

type Props = {
	formToken: string
	languages: ReadonlyArray<{ code: string; nativeName: string }>
	/** Only when the office sends mail: a box the reporter ticks to hear of answers. */
	offerReplyNotice: boolean
	values: IntakeValues
	errors: FieldErrors
	errorValues: Record<string, Record<string, string>>
	onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void
	submitting: boolean
}

export function IntakeForm({
	formToken,
	languages,
	offerReplyNotice,
	values,
	errors,
	errorValues,
	onSubmit,
	submitting,
}: Props) {
	const fields = useIntakeFields(values, errors, errorValues)
	const { t } = fields
	const labels: Record<string, string> = {
		narrative: t('incident.narrative'),
		responseWish: t('responseWish.legend'),
		contactMode: t('contact.legend'),
		contactEmail: t('contact.email'),
		contactPhone: t('contact.phone'),
		replyNotice: t('contact.replyNotice'),
		consent: t('consent.legend'),
		attachments: t('attachments.legend'),
	}
	// Open when something in it needs fixing, so that the summary's link
	// lands on a visible field, or when it holds answers already (after a
	// change of language), so that the person sees them.
	const moreOpen =
		Object.keys(errors).some(isInMoreDetails) ||
		Object.entries(values).some(([field, value]) => isInMoreDetails(field) && value.length > 0)
	return (
		<Form
			id={INTAKE_FORM_ID}
			method="post"
			encType="multipart/form-data"
			noValidate
			onSubmit={onSubmit}
			className="intake-form"
		>
			<ErrorSummary
				title={t('errorSummaryTitle')}
				text={t('errorSummaryText')}
				errors={errors}
				errorValues={errorValues}
				labels={labels}
				namespace={NS}
			/>
			{errors.form ? (
				<p className="form-error" id="form">
					{t(errors.form)}
				</p>
			) : null}

			<input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />
			<div className="honeypot" aria-hidden="true">
				<label htmlFor={HONEYPOT_FIELD}>{t('honeypot')}</label>
				<input
					id={HONEYPOT_FIELD}
					name={HONEYPOT_FIELD}
					type="text"
					tabIndex={-1}
					autoComplete="off"
				/>
			</div>

			<p className="required-note">{t('requiredNote')}</p>

			<div className="form-section">
				<NarrativeField fields={fields} />
			</div>
			<ResponseWishChoice fields={fields} />
			<ContactSection fields={fields} languages={languages} offerReplyNotice={offerReplyNotice} />
			<details className="more-details" open={moreOpen}>
				<summary>{t('more.summary')}</summary>
				<div className="form-section">
					<IncidentDetails fields={fields} />
				</div>
				<RequesterSection fields={fields} />
				<ClassificationSection fields={fields} />
				<PersonSection fields={fields} />
				<WishesSection fields={fields} />
				<div className="form-section">
					<InterpreterChoice fields={fields} />
				</div>
				<AttachmentsSection fields={fields} />
			</details>
			<PrivacyConsentSection fields={fields} />

			<button type="submit" className="button-primary" disabled={submitting}>
				{t('submit')}
			</button>
		</Form>
	)
}
