import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, TextField } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { DUE_REASON_MAX_LENGTH, DueDateSchema } from './casework-schemas'

function DueDateForm({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(DueDateSchema, {
		id: 'case-due-date',
		lastResult,
		defaultValue: { dueOn: view.due?.on, dueReason: view.due?.reason ?? undefined },
	})
	return (
		<Form method="post" className="inline-form" {...getFormProps(form)}>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
			<TextField
				field={fields.dueOn}
				type="date"
				label={t('case.dueOn')}
				namespace="staff"
				required
			/>
			{/* The reason is encrypted under the case key: without it, a date only. */}
			{view.readable ? (
				<TextField
					field={fields.dueReason}
					label={t('case.dueReason')}
					hint={t('case.dueReasonHint')}
					maxLength={DUE_REASON_MAX_LENGTH}
					namespace="staff"
				/>
			) : null}
			<IntentButton intent="due-date" primary>
				{t('case.saveDueDate')}
			</IntentButton>
		</Form>
	)
}

/** The case's follow-up date ("Wiedervorlage"), which puts it in the due queue when it comes. */
export function CaseDueDate({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const open = view.status === 'NEW' || view.status === 'IN_PROGRESS'
	return (
		<section aria-labelledby="due-date">
			<h3 id="due-date">{t('case.dueSection')}</h3>
			{view.due ? (
				<div>
					<p>
						{t('case.dueOnDay', { date: view.due.on })}
						{view.due.state === 'later' ? null : (
							<strong className={`due due--${view.due.state}`}>
								{t(`inbox.dueState.${view.due.state}`)}
							</strong>
						)}
					</p>
					{view.due.reason ? (
						<p dir="auto">{t('case.dueReasonShown', { reason: view.due.reason })}</p>
					) : null}
				</div>
			) : (
				<p>{open ? t('case.noDueDate') : t('case.noDueDateClosed')}</p>
			)}
			{open ? <DueDateForm view={view} lastResult={lastResult} /> : null}
			{view.due ? (
				<Form method="post">
					<IntentButton intent="clear-due-date">{t('case.clearDueDate')}</IntentButton>
				</Form>
			) : null}
		</section>
	)
}
