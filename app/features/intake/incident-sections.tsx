// The form's account of what happened: the narrative, when and where, who
// writes, and the reporter's own view of the area, form, motive and who acted.
import { useEffect, useState } from 'react'
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

/** What happened, when and where: the staff's recording form, all in one section. */
export function IncidentSection({ fields }: { fields: IntakeFields }) {
	const { t } = fields
	return (
		<div className="form-section">
			<h2>{t('incident.legend')}</h2>
			<NarrativeField fields={fields} />
			<IncidentDetails fields={fields} />
		</div>
	)
}

/** Near the limit, a screen reader hears it once; not at every keystroke. */
const NEAR_LIMIT = 0.9 * LIMITS.narrative

/**
 * The narrative, in the person's words. With JavaScript a counter shows how
 * much room is left; without, the server says how far a text is over.
 */
export function NarrativeField({ fields }: { fields: IntakeFields }) {
	const { t, text, common } = fields
	const [length, setLength] = useState<number | null>(null)
	useEffect(() => {
		const area = document.getElementById('narrative')
		if (!(area instanceof HTMLTextAreaElement)) return
		const count = () => setLength(area.value.trim().length)
		count()
		area.addEventListener('input', count)
		return () => area.removeEventListener('input', count)
	}, [])
	const band =
		length === null || length < NEAR_LIMIT ? null : length > LIMITS.narrative ? 'over' : 'near'
	return (
		<div className="narrative">
			<TextArea
				{...common('narrative')}
				label={t('incident.narrative')}
				hint={t('incident.narrativeHint')}
				defaultValue={text('narrative')}
				required
				rows={10}
			/>
			{length !== null ? (
				<p className={`char-count${band === 'over' ? ' char-count--over' : ''}`}>
					{t('incident.count', { count: length, limit: LIMITS.narrative })}
				</p>
			) : null}
			{/* Its words change only when the text crosses into "near" or "over". */}
			<p className="visually-hidden" aria-live="polite" data-testid="narrative-announcement">
				{band === 'near'
					? t('incident.countNear', { limit: LIMITS.narrative })
					: band === 'over'
						? t('incident.countOver', { limit: LIMITS.narrative })
						: ''}
			</p>
		</div>
	)
}

/** When and where it happened, and whether it still goes on. */
export function IncidentDetails({ fields }: { fields: IntakeFields }) {
	const { t, tx, text, choices, common, values } = fields
	return (
		<>
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
		</>
	)
}

/** Who writes: the person concerned, a witness, someone on their behalf. */
export function RequesterSection({ fields }: { fields: IntakeFields }) {
	const { t, choices, common, values } = fields
	return (
		<div className="form-section">
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
