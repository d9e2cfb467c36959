import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, SelectField } from '~/platform/ui/form-fields'
import { CASE_STATUSES, OUTCOMES } from '~/platform/taxonomy'
import type { CaseView } from './case-page.server'
import { StatusSchema } from './casework-schemas'

/** The next status, with the outcome when it closes (the timeline shows the history). */
export function CaseStatus({
	view,
	lead,
	lastResult,
}: {
	view: CaseView
	/** Only the lead may decide that a case is no discrimination. */
	lead: boolean
	lastResult: LastResult
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(StatusSchema, {
		id: 'case-status',
		lastResult,
		defaultValue: { status: view.status },
	})
	// The person ended it: reopening a case without content would only fill the queues.
	if (view.personalDataDeletion === 'withdrawn') return null
	const statuses = CASE_STATUSES.filter((value) => lead || value !== 'NOT_DISCRIMINATION')
	return (
		<section aria-labelledby="status-section">
			<h3 id="status-section">{t('case.statusSection')}</h3>
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<SelectField
					field={fields.status}
					label={t('case.newStatus')}
					options={statuses.map((value) => ({ value, label: t(`status.${value}`) }))}
					emptyLabel={t('case.choose')}
					namespace="staff"
					required
				/>
				<SelectField
					field={fields.outcome}
					label={t('case.outcome')}
					hint={t('case.outcomeHint')}
					options={OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))}
					emptyLabel={t('case.choose')}
					namespace="staff"
				/>
				<IntentButton intent="status" primary>
					{t('case.changeStatus')}
				</IntentButton>
			</Form>
		</section>
	)
}
