// The form's account of what happened: the narrative, when and where, who
// writes, and the reporter's own view of the area, form, motive and who acted.
import {
	ACTORS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	MOTIVES,
	ONGOING,
	REQUESTER_TYPES,
} from '~/platform/taxonomy'
import { ChoiceGroup, SelectField, TextArea, TextField } from '~/platform/ui/form-fields'
import { incidentYears, LIMITS } from '~/features/intake/intake-schema'
import type { IntakeFields } from './intake-fields'

/** What happened, when and where. */
export function IncidentSection({ fields }: { fields: IntakeFields }) {
	const { t, tx, text, choices, common, values } = fields
	return (
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
	)
}

/** Who writes: the person concerned, a witness, someone on their behalf. */
export function RequesterSection({ fields }: { fields: IntakeFields }) {
	const { t, choices, common, values } = fields
	return (
		<div className="form-section">
			<h2>{t('who.legend')}</h2>
			<ChoiceGroup
				{...common('requesterType')}
				label={t('who.legend')}
				choices={choices('requesterType', REQUESTER_TYPES)}
				selected={values.requesterType}
			/>
		</div>
	)
}

/** The reporter's view of the area of life, the form, the motive and who acted. */
export function ClassificationSection({ fields }: { fields: IntakeFields }) {
	const { t, choices, common, values, otherField } = fields
	return (
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
	)
}
