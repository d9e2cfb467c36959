// The lead's part of the case page: who works the case (in the case panel),
// and deleting its personal data before the retention period ends, which
// asks first (a second step, with or without JavaScript).
import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { ConfirmStep } from '~/platform/ui/confirm-step'
import { FormAlert, IntentButton, SelectField } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { AssignSchema } from './casework-schemas'

export function CaseAssignment({
	view,
	staff,
	lastResult,
}: {
	view: CaseView
	staff: Array<{ id: string; displayName: string }>
	lastResult: LastResult
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(AssignSchema, {
		id: 'case-assignment',
		lastResult,
		defaultValue: { assigneeId: view.assignee?.id },
	})
	return (
		<section aria-labelledby="triage">
			<h3 id="triage">{t('case.triage')}</h3>
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<SelectField
					field={fields.assigneeId}
					label={t('case.assignTo')}
					hint={view.readable ? undefined : t('case.assignNeedsKey')}
					options={staff.map((member) => ({ value: member.id, label: member.displayName }))}
					emptyLabel={t('inbox.unassigned')}
					namespace="staff"
				/>
				<IntentButton intent="assign" primary>
					{t('case.assign')}
				</IntentButton>
			</Form>
		</section>
	)
}

/** The first post only asks (`asking`); the confirmation sends it again with `confirmed=yes`. */
export function EarlyDeletion({ view, asking }: { view: CaseView; asking: boolean }) {
	const { t } = useTranslation('staff')
	if (view.personalDataDeletedAt) return null
	return (
		<section className="danger-zone" aria-labelledby="early-deletion">
			<h2 id="early-deletion">{t('case.deleteTitle')}</h2>
			<p>{t('case.deleteText')}</p>
			{asking ? (
				<ConfirmStep
					title={t('case.deleteConfirmTitle', { reference: view.reference })}
					intent="delete-personal-data"
					fields={{}}
					confirmLabel={t('case.deleteConfirmSubmit')}
					// A query of its own: a link that differs from the page only in its
					// fragment would not reload it, and the question would stay.
					cancelTo={`/staff/cases/${view.reference}?cancelled=deletion#early-deletion`}
				>
					<p>{t('case.deleteConfirm')}</p>
				</ConfirmStep>
			) : (
				<Form method="post">
					<IntentButton intent="delete-personal-data">{t('case.deleteSubmit')}</IntentButton>
				</Form>
			)}
		</section>
	)
}
