// The lead's part of the case page: who works the case, and deleting its
// personal data before the retention period ends.
import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { Checkbox, FormAlert, IntentButton, SelectField } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { AssignSchema, DeletionSchema } from './casework-schemas'

function AssignmentForm({
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
		<Form method="post" className="inline-form" {...getFormProps(form)}>
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
	)
}

function DeletionForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(DeletionSchema, { id: 'case-deletion', lastResult })
	return (
		<Form method="post" className="danger-zone" {...getFormProps(form)}>
			<h3>{t('case.deleteTitle')}</h3>
			<p>{t('case.deleteText')}</p>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
			<Checkbox
				field={fields.confirm}
				value="yes"
				label={t('case.deleteConfirm')}
				namespace="staff"
			/>
			<IntentButton intent="delete-personal-data">{t('case.deleteSubmit')}</IntentButton>
		</Form>
	)
}

export function CaseTriage({
	view,
	staff,
	results,
}: {
	view: CaseView
	staff: Array<{ id: string; displayName: string }>
	results: { assign: LastResult; deletion: LastResult }
}) {
	const { t } = useTranslation('staff')
	return (
		<section aria-labelledby="triage">
			<h2 id="triage">{t('case.triage')}</h2>
			<AssignmentForm view={view} staff={staff} lastResult={results.assign} />
			{!view.personalDataDeletedAt ? <DeletionForm lastResult={results.deletion} /> : null}
		</section>
	)
}
