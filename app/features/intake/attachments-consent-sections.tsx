// Files, the privacy promises and the consent.
import { ChoiceGroup } from '~/platform/ui/form-fields'
import type { IntakeFields } from './intake-fields'

/** Files (photos, screenshots, letters), checked and stripped of metadata on the server. */
export function AttachmentsSection({ fields }: { fields: IntakeFields }) {
	const { t, errors, errorValues } = fields
	return (
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
	)
}

/** What happens to the request, and the consent to it. */
export function PrivacyConsentSection({ fields }: { fields: IntakeFields }) {
	const { t, common, values } = fields
	return (
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
	)
}
