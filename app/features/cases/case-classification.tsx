import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { ChoiceGroup, FormAlert, IntentButton, SelectField } from '~/platform/ui/form-fields'
import {
	ACTORS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	MOTIVES,
	REQUESTER_TYPES,
} from '~/platform/taxonomy'
import type { CaseView } from './case-page.server'
import { ClassificationSchema } from './casework-schemas'

/** The counsellor's own classification, which the statistics count. */
export function CaseClassification({
	view,
	lastResult,
}: {
	view: CaseView
	lastResult: LastResult
}) {
	const { t } = useTranslation('staff')
	const { t: tx } = useTranslation('taxonomy')
	// Until a counsellor has classified the case, the reporter's answers are the proposal.
	const current = view.classification
	const classified =
		current.requesterType !== null ||
		current.areas.length + current.forms.length + current.motives.length + current.actors.length > 0
	const proposal = classified ? current : view.reported
	const [form, fields] = useValidatedForm(ClassificationSchema, {
		id: 'case-classification',
		lastResult,
		defaultValue: {
			requesterType: proposal.requesterType ?? undefined,
			areas: proposal.areas,
			forms: proposal.forms,
			motives: proposal.motives,
			actors: proposal.actors,
		},
	})
	const choices = (name: string, values: readonly string[]) =>
		values.map((value) => ({ value, label: tx(`${name}.${value}`) }))
	return (
		<section aria-labelledby="classification">
			<h2 id="classification" tabIndex={-1}>
				{t('case.classification')}
			</h2>
			<p>{t('case.classificationHint')}</p>
			<Form method="post" className="classification" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<SelectField
					field={fields.requesterType}
					label={t('answers.requesterType')}
					options={choices('requesterType', REQUESTER_TYPES)}
					emptyLabel={t('case.notClassified')}
					namespace="staff"
				/>
				<ChoiceGroup
					field={fields.areas}
					multiple
					label={t('answers.areas')}
					choices={choices('areas', AREAS_OF_LIFE)}
					namespace="staff"
				/>
				<ChoiceGroup
					field={fields.forms}
					multiple
					label={t('answers.forms')}
					choices={choices('forms', DISCRIMINATION_FORMS)}
					namespace="staff"
				/>
				<ChoiceGroup
					field={fields.motives}
					multiple
					label={t('answers.motives')}
					choices={choices('motives', MOTIVES)}
					namespace="staff"
				/>
				<ChoiceGroup
					field={fields.actors}
					multiple
					label={t('answers.actors')}
					choices={choices('actors', ACTORS)}
					namespace="staff"
				/>
				<IntentButton intent="classify" primary>
					{t('case.saveClassification')}
				</IntentButton>
			</Form>
		</section>
	)
}
