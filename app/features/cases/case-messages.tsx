import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, TextArea } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { MessageSchema } from './casework-schemas'

function MessageForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(MessageSchema, { id: 'case-message', lastResult })
	return (
		<Form method="post" {...getFormProps(form)}>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
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

/** The conversation with the reporter (their follow-up page shows the same), and the next message. */
export function CaseMessages({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	return (
		<section aria-labelledby="messages">
			<h2 id="messages">{t('case.messages')}</h2>
			{view.messages.length ? (
				<ol className="messages">
					{view.messages.map((message) => (
						<li key={message.id} className={message.fromReporter ? 'from-reporter' : 'from-staff'}>
							<p className="message-meta">
								{message.fromReporter
									? t('case.fromReporter')
									: (message.author ?? t('case.staff'))}{' '}
								· {message.sentOn}
								{message.unread ? (
									<>
										{' '}
										<span className="badge">{t('case.newMessage')}</span>
									</>
								) : null}
							</p>
							<div dir="auto">{message.text}</div>
						</li>
					))}
				</ol>
			) : (
				<p>{t('case.noMessages')}</p>
			)}
			{view.readable ? <MessageForm lastResult={lastResult} /> : null}
		</section>
	)
}
