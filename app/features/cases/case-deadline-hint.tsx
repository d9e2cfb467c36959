import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { Checkbox, FormAlert, IntentButton } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { ComplaintOffenceSchema } from './casework-schemas'
import { complaintDeadline } from './complaint-deadline'

/** A day as staff read it, in the page's language ("1. Juni 2026", "1 June 2026"). */
function useDayFormat() {
	const { i18n } = useTranslation('staff')
	const locale = i18n.language === 'en' ? 'en-GB' : 'de-CH'
	return (day: string, parts: Intl.DateTimeFormatOptions) =>
		new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(
			new Date(`${day}T00:00:00Z`),
		)
}

function DeadlineHint({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	const format = useDayFormat()
	const deadline = complaintDeadline(view.reported.incidentMonth, view.reported.incidentYear)
	return (
		<div className="notice" role="note">
			<p>{t('case.complaint.rule')}</p>
			<p>
				{deadline
					? t('case.complaint.deadline', {
							month: format(deadline.from, { month: 'long', year: 'numeric' }),
							date: format(deadline.until, { day: 'numeric', month: 'long', year: 'numeric' }),
						})
					: t('case.complaint.noIncidentDate')}
				{deadline && deadline.until < view.today ? ` ${t('case.complaint.passed')}` : null}
			</p>
			<p>{t('case.complaint.notAdvice')}</p>
		</div>
	)
}

/**
 * The counsellor's mark "possibly an offence prosecuted only on complaint"
 * and, once marked, a hint at the complaint's deadline from the incident's
 * date. Part of the content: shown only with the case key.
 */
export function CaseDeadlineHint({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(ComplaintOffenceSchema, {
		id: 'case-complaint-offence',
		lastResult,
		defaultValue: { complaintOffence: view.complaintOffence ? 'yes' : undefined },
	})
	if (!view.readable) return null
	return (
		<section aria-labelledby="complaint-offence">
			<h2 id="complaint-offence" tabIndex={-1}>
				{t('case.complaint.title')}
			</h2>
			<Form method="post" className="inline-form" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<Checkbox
					field={fields.complaintOffence}
					value="yes"
					label={t('case.complaint.mark')}
					namespace="staff"
				/>
				<IntentButton intent="complaint-offence">{t('case.complaint.save')}</IntentButton>
			</Form>
			{view.complaintOffence ? <DeadlineHint view={view} /> : null}
		</section>
	)
}
