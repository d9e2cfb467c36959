// The settings page's part on notices: whether mail is on, how delivery went
// (the last failure as its kind, explained), and the test mail.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChoiceGroup, FormAlert, IntentButton } from '~/platform/ui/form-fields'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { TestMailSchema } from './notification-schemas'

type Status = {
	server: { host: string; port: number; tls: string } | null
	fixedSender: string | null
	lastDeliveredAt: string | null
	lastFailureAt: string | null
	lastFailure: string | null
}

type TestMailAnswer = {
	result: SubmissionResult<string[]>
	testMail?: { delivered: true } | { delivered: false; failure: string } | null
}

const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/** "EAUTH 535" in words: the kind's explanation, then the kind itself for whoever asks the provider. */
function FailureInWords({ kind }: { kind: string }) {
	const { t } = useTranslation('staff')
	const code = kind.split(' ')[0] ?? ''
	return (
		<>
			{t(`notifications.failures.${code}`, { defaultValue: t('notifications.failures.other') })} (
			<code>{kind}</code>)
		</>
	)
}

export function NotificationSettings({
	status,
	ownEmail,
	officeEmail,
	answer,
}: {
	status: Status
	ownEmail: string
	officeEmail: string | null
	answer?: TestMailAnswer
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(TestMailSchema, {
		id: 'test-mail',
		lastResult: answer?.result,
		defaultValue: { to: 'own' },
	})
	const testMail = answer?.testMail
	return (
		<section aria-labelledby="notifications-title" className="form-section">
			<h2 id="notifications-title">{t('notifications.title')}</h2>
			{status.server ? (
				<>
					<p>{t('notifications.on')}</p>
					<dl className="case-facts">
						<dt>{t('notifications.server')}</dt>
						<dd>
							{status.server.host}:{status.server.port} (
							{t(`notifications.tls.${status.server.tls}`)})
						</dd>
						<dt>{t('notifications.sender')}</dt>
						<dd>{status.fixedSender ?? officeEmail ?? t('notifications.noSender')}</dd>
						<dt>{t('notifications.lastDelivered')}</dt>
						<dd>
							{status.lastDeliveredAt ? minute(status.lastDeliveredAt) : t('notifications.never')}
						</dd>
						<dt>{t('notifications.lastFailure')}</dt>
						<dd data-testid="last-mail-failure">
							{status.lastFailure && status.lastFailureAt ? (
								<>
									{minute(status.lastFailureAt)}: <FailureInWords kind={status.lastFailure} />
								</>
							) : (
								t('notifications.none')
							)}
						</dd>
					</dl>
				</>
			) : (
				<p>{t('notifications.off')}</p>
			)}
			<h3>{t('notifications.test.title')}</h3>
			{testMail ? (
				<p className={testMail.delivered ? 'notice' : 'form-error'} role="status">
					{testMail.delivered ? (
						t('notifications.test.delivered')
					) : (
						<>
							{t('notifications.test.failed')} <FailureInWords kind={testMail.failure} />
						</>
					)}
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<ChoiceGroup
					field={fields.to}
					label={t('notifications.test.to')}
					namespace="staff"
					choices={[
						{ value: 'own', label: t('notifications.test.own', { email: ownEmail }) },
						{
							value: 'office',
							label: officeEmail
								? t('notifications.test.office', { email: officeEmail })
								: t('notifications.test.officeUnset'),
						},
					]}
				/>
				<IntentButton intent="test-mail">{t('notifications.test.send')}</IntentButton>
			</Form>
		</section>
	)
}
