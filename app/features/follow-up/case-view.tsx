// The follow-up page for an opened case: its status, the messages both ways,
// the reply form and the way to leave.
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FollowUpView } from './follow-up.server'
import type { FollowUpFailure } from './follow-up-schema'
import { WithdrawalSection } from './withdrawal'

export function CaseView({ view }: { view: FollowUpView }) {
	const { t, i18n } = useTranslation('followup')
	const result = useActionData() as FollowUpFailure | undefined
	const navigation = useNavigation()
	const formatDate = (isoDay: string) =>
		new Intl.DateTimeFormat(i18n.language.split('-x-')[0], {
			dateStyle: 'long',
			timeZone: 'UTC',
		}).format(new Date(`${isoDay}T00:00:00Z`))
	return (
		<>
			<section aria-labelledby="status-title">
				<h2 id="status-title">{t('statusTitle')}</h2>
				<p data-testid="request-status">{t(`status.${view.status}`)}</p>
				<p>{t('receivedOn', { date: formatDate(view.receivedOn) })}</p>
				{view.attachmentCount ? <p>{t('fileCount', { count: view.attachmentCount })}</p> : null}
			</section>

			<section aria-labelledby="messages-title">
				<h2 id="messages-title">{t('messagesTitle')}</h2>
				{view.messages.length === 0 ? (
					<p>{t('noMessages')}</p>
				) : (
					<ol className="message-list">
						{view.messages.map((message) => (
							<li
								key={message.id}
								className={`message${message.fromReporter ? ' message--reporter' : ''}`}
							>
								<p className="message-meta">
									{message.fromReporter ? t('fromYou') : t('fromOffice')} ·{' '}
									{formatDate(message.sentOn)}
								</p>
								<p className="message-text" dir="auto">
									{message.text}
								</p>
							</li>
						))}
					</ol>
				)}
			</section>

			<section aria-labelledby="reply-title">
				<h2 id="reply-title">{t('replyTitle')}</h2>
				<Form method="post" encType="multipart/form-data">
					<input type="hidden" name="intent" value="reply" />
					<div className={`field${result?.error ? ' field--invalid' : ''}`}>
						<label htmlFor="message">{t('replyLabel')}</label>
						<p className="field-hint" id="message-hint">
							{t('replyHint')}
						</p>
						{result?.error ? (
							<p className="field-error" id="message-error" role="alert">
								{t(result.error, { name: result.name })}
							</p>
						) : null}
						<textarea
							id="message"
							name="message"
							rows={6}
							dir="auto"
							defaultValue={result?.message}
							aria-describedby={result?.error ? 'message-hint message-error' : 'message-hint'}
							aria-invalid={result?.error ? true : undefined}
						/>
					</div>
					<div className="field">
						<label htmlFor="reply-attachments">{t('attachLabel')}</label>
						<input
							id="reply-attachments"
							name="attachments"
							type="file"
							multiple
							accept="image/jpeg,image/png,application/pdf,text/plain"
						/>
					</div>
					<button
						type="submit"
						className="button-primary"
						disabled={navigation.state === 'submitting'}
					>
						{t('send')}
					</button>
				</Form>
			</section>

			{view.replyNotice !== 'unavailable' ? (
				<section aria-labelledby="notice-title" className="form-section">
					<h2 id="notice-title">{t('notice.title')}</h2>
					<p>{t('notice.text')}</p>
					<Form method="post">
						<input type="hidden" name="intent" value="notice" />
						<div className="choice">
							<input
								type="checkbox"
								id="reply-notice"
								name="replyNotice"
								value="yes"
								defaultChecked={view.replyNotice === 'on'}
							/>
							<label htmlFor="reply-notice">{t('notice.label')}</label>
						</div>
						<button type="submit" className="button-secondary">
							{t('notice.save')}
						</button>
					</Form>
				</section>
			) : null}

			<WithdrawalSection />

			<section aria-labelledby="leave-title" className="form-section">
				<h2 id="leave-title" className="visually-hidden">
					{t('leave')}
				</h2>
				<p>{t('leaveHint')}</p>
				<Form method="post">
					<input type="hidden" name="intent" value="leave" />
					<button type="submit" className="button-secondary">
						{t('leave')}
					</button>
				</Form>
			</section>
		</>
	)
}
