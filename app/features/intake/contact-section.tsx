// Anonymous or with contact, and how to reach the person.
import type { ReactNode } from 'react'
import { ChoiceGroup, SelectField, TextField } from '~/platform/ui/form-fields'
import { LIMITS } from '~/features/intake/intake-schema'
import type { IntakeFields } from './intake-fields'

type Languages = ReadonlyArray<{ code: string; nativeName: string }>

/** The choice between anonymous and with contact, and the contact details. */
export function ContactSection({
	fields,
	languages,
	offerReplyNotice,
}: {
	fields: IntakeFields
	languages: Languages
	/** Only while the office sends mail: otherwise the box would promise what never comes. */
	offerReplyNotice: boolean
}) {
	const { t, common, values } = fields
	return (
		// app.css hides the contact fields unless "with contact" is chosen
		// (:has, so without JavaScript too); the server drops what an
		// anonymous request sends there anyway.
		<div className="form-section contact-section">
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
			<div className="contact-fields">
				<ContactDetails
					fields={fields}
					languages={languages}
					afterEmail={
						offerReplyNotice ? (
							<ChoiceGroup
								{...common('replyNotice')}
								label={t('contact.replyNotice')}
								hint={t('contact.replyNoticeHint')}
								multiple
								choices={[{ value: 'yes', label: t('contact.replyNoticeLabel') }]}
								selected={values.replyNotice}
							/>
						) : null
					}
				/>
			</div>
		</div>
	)
}

/**
 * Name, e-mail, phone, when to call, the language of the counselling;
 * `afterEmail` is the public form's offer of a mail notice of answers.
 */
export function ContactDetails({
	fields,
	languages,
	afterEmail,
}: {
	fields: IntakeFields
	languages: Languages
	afterEmail?: ReactNode
}) {
	const { t, text, common } = fields
	return (
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
			{afterEmail}
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
	)
}

/** Whether an interpreter is needed, and for which language. */
export function InterpreterChoice({ fields }: { fields: IntakeFields }) {
	const { t, text, choices, common, values } = fields
	return (
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
	)
}
