// The form that records an activity, or changes one: a day, a kind, an
// audience, participants and hours, and no text field at all, so that no name
// can be typed into it. Without JavaScript it posts as any form and the
// server's reply shows the messages with what was typed.
import { getFormProps } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import {
	ChoiceGroup,
	FormAlert,
	type BoundField,
	IntentButton,
	SelectField,
	TextField,
} from '~/platform/ui/form-fields'
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS } from '~/platform/taxonomy'
import type { ActivityRecord } from './activities.server'
import { ActivityChangeSchema, ActivitySchema } from './activity-schemas'

/** The form's fields as the page shows an activity: hours, not minutes. */
const valuesOf = (activity: ActivityRecord) => ({
	heldOn: activity.heldOn,
	kind: activity.kind,
	audience: activity.audience,
	participants: activity.participants === null ? undefined : String(activity.participants),
	hours: String(activity.minutes / 60),
})

type ActivityFieldName = 'heldOn' | 'kind' | 'audience' | 'participants' | 'hours'

function ActivityFields({ fields }: { fields: Record<ActivityFieldName, BoundField> }) {
	const { t } = useTranslation('staff')
	return (
		<>
			<TextField
				field={fields.heldOn}
				type="date"
				label={t('activities.heldOn')}
				namespace="staff"
				required
			/>
			<ChoiceGroup
				field={fields.kind}
				label={t('activities.kind')}
				choices={ACTIVITY_KINDS.map((kind) => ({
					value: kind,
					label: t(`activities.kinds.${kind}`),
				}))}
				namespace="staff"
				required
			/>
			<SelectField
				field={fields.audience}
				label={t('activities.audience')}
				options={ACTIVITY_AUDIENCES.map((audience) => ({
					value: audience,
					label: t(`activities.audiences.${audience}`),
				}))}
				emptyLabel={t('activities.choose')}
				namespace="staff"
				required
			/>
			<TextField
				field={fields.participants}
				type="number"
				label={t('activities.participants')}
				hint={t('activities.participantsHint')}
				namespace="staff"
			/>
			<TextField
				field={fields.hours}
				type="number"
				step="0.25"
				label={t('activities.hours')}
				hint={t('activities.hoursHint')}
				namespace="staff"
				required
			/>
		</>
	)
}

export function RecordActivityForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(ActivitySchema, {
		id: 'activity',
		lastResult,
		defaultValue: { heldOn: new Date().toISOString().slice(0, 10) },
	})
	return (
		<section className="activity-form" aria-labelledby="activity-form-title">
			<h2 id="activity-form-title">{t('activities.addTitle')}</h2>
			<p className="field-hint">{t('activities.noNames')}</p>
			<Form method="post" className="narrow" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<ActivityFields fields={fields} />
				<IntentButton intent="record" primary>
					{t('activities.add')}
				</IntentButton>
			</Form>
		</section>
	)
}

export function ChangeActivityForm({
	activity,
	lastResult,
	cancelTo,
}: {
	activity: ActivityRecord
	lastResult: LastResult
	cancelTo: string
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(ActivityChangeSchema, {
		id: `activity-${activity.id}`,
		lastResult,
		defaultValue: { ...valuesOf(activity), id: activity.id },
	})
	return (
		<section className="activity-form" aria-labelledby="activity-form-title">
			<h2 id="activity-form-title">{t('activities.changeTitle', { day: activity.heldOn })}</h2>
			<p className="field-hint">{t('activities.noNames')}</p>
			<Form method="post" className="narrow" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<input type="hidden" name={fields.id.name} value={activity.id} />
				<ActivityFields fields={fields} />
				<div className="row-form">
					<IntentButton intent="change" primary>
						{t('activities.save')}
					</IntentButton>
					<Link to={cancelTo} className="button-secondary">
						{t('activities.cancel')}
					</Link>
				</div>
			</Form>
		</section>
	)
}
