import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TemplatePicker } from '~/features/reply-templates/template-picker'
import type { ReplyTemplate } from '~/features/reply-templates/reply-templates.server'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, TextArea } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { MessageSchema } from './casework-schemas'

function MessageForm({
	lastResult,
	templates,
}: {
	lastResult: LastResult
	templates: ReplyTemplate[]
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(MessageSchema, { id: 'case-message', lastResult })
	return (
		<Form method="post" {...getFormProps(form)}>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
			{templates.length ? (
				<TemplatePicker templates={templates} messageFieldId={fields.message.id} />
			) : null}
			<TextArea
				field={fields.message}
				label={t('case.messageLabel')}
				hint={t('case.messageHint')}
				rows={5}
				namespace="staff"
				required
			/>
			<IntentButton intent="message" primary>
				{t('case.send')}
			</IntentButton>
		</Form>
	)
}

/** The reply box below the timeline, which shows the conversation itself. */
export function CaseReply({
	view,
	lastResult,
	templates,
}: {
	view: CaseView
	lastResult: LastResult
	templates: ReplyTemplate[]
}) {
	const { t } = useTranslation('staff')
	if (!view.readable) return null
	return (
		<section aria-labelledby="reply">
			<h2 id="reply" tabIndex={-1}>
				{t('case.reply')}
			</h2>
			<MessageForm lastResult={lastResult} templates={templates} />
		</section>
	)
}
