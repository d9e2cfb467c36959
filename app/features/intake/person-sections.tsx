// The form's optional details about the person and what they wish for.
import {
	AGE_GROUPS,
	GENDERS,
	NATIONALITY_GROUPS,
	RESIDENCE_STATUSES,
	WISHES,
} from '~/platform/taxonomy'
import { ChoiceGroup } from '~/platform/ui/form-fields'
import type { IntakeFields } from './intake-fields'

/** Age group, gender, nationality group and residence status, each optional. */
export function PersonSection({ fields }: { fields: IntakeFields }) {
	const { t, choices, common, values } = fields
	return (
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
	)
}

/** What the person would like the office to do. */
export function WishesSection({ fields }: { fields: IntakeFields }) {
	const { t, choices, common, values } = fields
	return (
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
	)
}
