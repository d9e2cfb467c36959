// The account page's choice: a content-free mail for each new thing, or one
// digest a day at 07:00.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChoiceGroup, IntentButton } from '~/platform/ui/form-fields'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { NOTICE_MODES, NoticeModeSchema } from './notification-schemas'

export function NoticeModeForm({
	noticeMode,
	mailOn,
	lastResult,
}: {
	noticeMode: (typeof NOTICE_MODES)[number]
	mailOn: boolean
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(NoticeModeSchema, {
		id: 'notice-mode',
		lastResult,
		defaultValue: { noticeMode },
	})
	return (
		<section aria-labelledby="notices-title">
			<h2 id="notices-title">{t('account.notices.title')}</h2>
			<p>{mailOn ? t('account.notices.text') : t('account.notices.off')}</p>
			{lastResult?.status === 'success' ? (
				<p className="notice" role="status">
					{t('account.notices.saved')}
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				<ChoiceGroup
					field={fields.noticeMode}
					label={t('account.notices.label')}
					namespace="staff"
					choices={NOTICE_MODES.map((mode) => ({
						value: mode,
						label: t(`account.notices.modes.${mode}`),
					}))}
				/>
				<IntentButton intent="notices">{t('account.notices.save')}</IntentButton>
			</Form>
		</section>
	)
}
