// What the person wishes for, and the optional details about them.
import {
	AGE_GROUPS,
	GENDERS,
	NATIONALITY_GROUPS,
	RESIDENCE_STATUSES,
	RESPONSE_WISHES,
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

/**
 * Only to report, or an answer: the short form asks it first; the statistics
 * count it. "An answer" is chosen until the person says otherwise: it costs
 * them nothing (it waits on the follow-up page, or comes by the contact they
 * give), and "only report" is one click (decision 0021).
 */
export function ResponseWishChoice({
	fields,
	asked = true,
}: {
	fields: IntakeFields
	/** false on the staff's recording form: optional, and nothing chosen unless the person said. */
	asked?: boolean
}) {
	const { t, common, values } = fields
	return (
		<div className="form-section">
			<ChoiceGroup
				{...common('responseWish')}
				label={t('responseWish.legend')}
				required={asked}
				choices={RESPONSE_WISHES.map((wish) => ({ value: wish, label: t(`responseWish.${wish}`) }))}
				selected={values.responseWish ?? (asked ? 'ANSWER' : undefined)}
			/>
		</div>
	)
}
