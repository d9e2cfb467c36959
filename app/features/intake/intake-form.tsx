import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FieldErrors, IntakeValues } from '~/features/intake/intake-schema'
import {
	FORM_TOKEN_FIELD,
	HONEYPOT_FIELD,
	incidentYears,
	LIMITS,
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
	WISHES,
} from '~/platform/taxonomy'
import {
	ChoiceGroup,
	ErrorSummary,
	SelectField,
	TextArea,
	TextField,
} from '../../platform/ui/form-fields'

type Props = {
	formToken: string
	languages: ReadonlyArray<{ code: string; nativeName: string }>
	values: IntakeValues
	errors: FieldErrors
	errorValues: Record<string, Record<string, string>>
	onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void
	submitting: boolean
}

const NS = 'intake'

export function IntakeForm({
	formToken,
	languages,
	values,
	errors,
	errorValues,
	onSubmit,
	submitting,
}: Props) {
	const { t } = useTranslation(NS)
	const { t: tx } = useTranslation('taxonomy')
	const text = (name: string) =>
		typeof values[name] === 'string' ? (values[name] as string) : undefined
	const choices = (list: string, options: readonly string[], withNoAnswer = true) => [
		...options.map((value) => ({ value, label: tx(`${list}.${value}`) })),
		...(withNoAnswer ? [{ value: PREFER_NOT_TO_SAY, label: tx(PREFER_NOT_TO_SAY) }] : []),
	]
	const common = (name: string) => ({
		name,
		namespace: NS,
		error: errors[name],
		errorValues: errorValues[name],
	})
	const labels: Record<string, string> = {
		narrative: t('incident.narrative'),
		contactMode: t('contact.legend'),
		contactEmail: t('contact.email'),
		contactPhone: t('contact.phone'),
		consent: t('consent.legend'),
		attachments: t('attachments.legend'),
	}
	const otherField = (name: string) => (
		<TextField
			{...common(name)}
			label={t('classification.otherText')}
			defaultValue={text(name)}
			maxLength={LIMITS.shortText}
		/>
	)

	return (
		<Form
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
				<h2>{t('incident.legend')}</h2>
				<TextArea
					{...common('narrative')}
					label={t('incident.narrative')}
					hint={t('incident.narrativeHint')}
					defaultValue={text('narrative')}
					required
					rows={10}
				/>
				<fieldset className="field inline-fields">
					<legend>{t('incident.when')}</legend>
					<SelectField
						{...common('incidentMonth')}
						label={t('incident.month')}
						emptyLabel={t('incident.notSure')}
						defaultValue={text('incidentMonth')}
						options={Array.from({ length: 12 }, (_, i) => ({
							value: String(i + 1),
							label: tx(`months.${i + 1}`),
						}))}
					/>
					<SelectField
						{...common('incidentYear')}
						label={t('incident.year')}
						emptyLabel={t('incident.notSure')}
						defaultValue={text('incidentYear')}
						options={incidentYears().map((year) => ({ value: String(year), label: String(year) }))}
					/>
				</fieldset>
				<TextField
					{...common('place')}
					label={t('incident.place')}
					hint={t('incident.placeHint')}
					defaultValue={text('place')}
					maxLength={LIMITS.shortText}
				/>
				<ChoiceGroup
					{...common('ongoing')}
					label={t('incident.ongoing')}
					choices={choices('ongoing', ONGOING)}
					selected={values.ongoing}
				/>
			</div>

			<div className="form-section">
				<h2>{t('who.legend')}</h2>
				<ChoiceGroup
					{...common('requesterType')}
					label={t('who.legend')}
					choices={choices('requesterType', REQUESTER_TYPES)}
					selected={values.requesterType}
				/>
			</div>

			<div className="form-section">
				<p>{t('classification.intro')}</p>
				<ChoiceGroup
					{...common('areas')}
					label={t('classification.areas')}
					multiple
					choices={choices('areas', AREAS_OF_LIFE)}
					selected={values.areas}
				>
					{otherField('areasOther')}
				</ChoiceGroup>
				<ChoiceGroup
					{...common('forms')}
					label={t('classification.forms')}
					multiple
					choices={choices('forms', DISCRIMINATION_FORMS)}
					selected={values.forms}
				>
					{otherField('formsOther')}
				</ChoiceGroup>
				<ChoiceGroup
					{...common('motives')}
					label={t('classification.motives')}
					multiple
					choices={choices('motives', MOTIVES)}
					selected={values.motives}
				>
					{otherField('motivesOther')}
				</ChoiceGroup>
				<ChoiceGroup
					{...common('actors')}
					label={t('classification.actors')}
					multiple
					choices={choices('actors', ACTORS)}
					selected={values.actors}
				/>
			</div>

			<div className="form-section">
				<h2>{t('person.legend')}</h2>
				<p>{t('person.hint')}</p>
				<ChoiceGroup
					{...common('ageGroup')}
					label={t('person.ageGroup')}
					choices={choices('ageGroup', AGE_GROUPS)}
					selected={values.ageGroup}
				/>
				<ChoiceGroup
					{...common('gender')}
					label={t('person.gender')}
					choices={choices('gender', GENDERS)}
					selected={values.gender}
				/>
				<ChoiceGroup
					{...common('nationalityGroup')}
					label={t('person.nationalityGroup')}
					choices={choices('nationalityGroup', NATIONALITY_GROUPS)}
					selected={values.nationalityGroup}
				/>
				<ChoiceGroup
					{...common('residenceStatus')}
					label={t('person.residenceStatus')}
					choices={choices('residenceStatus', RESIDENCE_STATUSES)}
					selected={values.residenceStatus}
				/>
			</div>

			<div className="form-section">
				<h2>{t('wishes.legend')}</h2>
				<ChoiceGroup
					{...common('wishes')}
					label={t('wishes.legend')}
					multiple
					choices={choices('wishes', WISHES)}
					selected={values.wishes}
				/>
			</div>

			<div className="form-section">
				<h2>{t('contact.legend')}</h2>
				<ChoiceGroup
					{...common('contactMode')}
					label={t('contact.legend')}
					required
					choices={[
						{
							value: 'anonymous',
							label: (
								<>
									<strong>{t('contact.anonymous')}</strong>
									<br />
									{t('contact.anonymousHint')}
								</>
							),
						},
						{
							value: 'contact',
							label: (
								<>
									<strong>{t('contact.withContact')}</strong>
									<br />
									{t('contact.withContactHint')}
								</>
							),
						},
					]}
					selected={values.contactMode ?? 'anonymous'}
				/>
				<div className="contact-details">
					<TextField
						{...common('contactName')}
						label={t('contact.name')}
						defaultValue={text('contactName')}
						autoComplete="off"
						maxLength={LIMITS.shortText}
					/>
					<TextField
						{...common('contactEmail')}
						label={t('contact.email')}
						hint={t('contact.emailOrPhone')}
						type="email"
						defaultValue={text('contactEmail')}
						autoComplete="email"
					/>
					<TextField
						{...common('contactPhone')}
						label={t('contact.phone')}
						type="tel"
						defaultValue={text('contactPhone')}
						autoComplete="tel"
					/>
					<TextField
						{...common('contactTimes')}
						label={t('contact.times')}
						defaultValue={text('contactTimes')}
						maxLength={LIMITS.contactTimes}
					/>
					<SelectField
						{...common('preferredLanguage')}
						label={t('contact.preferredLanguage')}
						emptyLabel="—"
						defaultValue={text('preferredLanguage')}
						options={languages.map((language) => ({
							value: language.code,
							label: language.nativeName,
						}))}
					/>
				</div>
				<ChoiceGroup
					{...common('interpreterNeeded')}
					label={t('contact.interpreterNeeded')}
					choices={choices('interpreterNeeded', ['yes', 'no'])}
					selected={values.interpreterNeeded}
				>
					<TextField
						{...common('interpreterLanguage')}
						label={t('contact.interpreterLanguage')}
						defaultValue={text('interpreterLanguage')}
						maxLength={LIMITS.shortText}
					/>
				</ChoiceGroup>
			</div>

			<div className="form-section">
				<h2>{t('attachments.legend')}</h2>
				<div className={`field${errors.attachments ? ' field--invalid' : ''}`}>
					<label htmlFor="attachments">{t('attachments.label')}</label>
					<p className="field-hint" id="attachments-hint">
						{t('attachments.hint')}
						{Object.keys(errors).length ? ` ${t('filesNotKept')}` : ''}
					</p>
					{errors.attachments ? (
						<p className="field-error" id="attachments-error">
							{t(errors.attachments, errorValues.attachments)}
						</p>
					) : null}
					<input
						id="attachments"
						name="attachments"
						type="file"
						multiple
						accept="image/jpeg,image/png,application/pdf,text/plain"
						aria-describedby={
							errors.attachments ? 'attachments-hint attachments-error' : 'attachments-hint'
						}
						aria-invalid={errors.attachments ? true : undefined}
					/>
				</div>
			</div>

			<div className="form-section privacy">
				<h2>{t('privacy.title')}</h2>
				<ul>
					<li>{t('privacy.noTraces')}</li>
					<li>{t('privacy.encrypted')}</li>
					<li>{t('privacy.statistics')}</li>
					<li>{t('privacy.photos')}</li>
					<li>{t('privacy.deletion')}</li>
				</ul>
				<ChoiceGroup
					{...common('consent')}
					label={t('consent.legend')}
					hint={t('consent.hint')}
					required
					multiple
					choices={[{ value: 'yes', label: t('consent.label') }]}
					selected={values.consent}
				/>
			</div>

			<button type="submit" className="button-primary" disabled={submitting}>
				{t('submit')}
			</button>
		</Form>
	)
}
