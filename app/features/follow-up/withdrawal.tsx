// Withdrawing a request on the follow-up page (decision 0022): what it
// deletes and what stays, then the question (a second page state, as a
// lead's early deletion has), then the page that says it is done.
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConfirmStep } from '~/platform/ui/confirm-step'
import { IntentButton } from '~/platform/ui/form-fields'

export function WithdrawalSection() {
	const { t } = useTranslation('followup')
	const answer = useActionData() as object | undefined
	const asking = Boolean(answer && 'asking' in answer && answer.asking)
	return (
		<section className="danger-zone" aria-labelledby="withdrawal-title">
			<h2 id="withdrawal-title">{t('withdrawal.title')}</h2>
			<p>{t('withdrawal.deleted')}</p>
			<p>{t('withdrawal.read')}</p>
			<p>{t('withdrawal.statistics')}</p>
			{asking ? (
				<ConfirmStep
					title={t('withdrawal.confirmTitle')}
					intent="withdraw"
					fields={{}}
					confirmLabel={t('withdrawal.confirmSubmit')}
					cancelLabel={t('withdrawal.cancel')}
					// A query of its own: a link that differs only in its fragment would not reload the page.
					cancelTo="/follow-up?cancelled=withdrawal#withdrawal-title"
				>
					<p>{t('withdrawal.confirmText')}</p>
				</ConfirmStep>
			) : (
				<Form method="post">
					<IntentButton intent="withdraw">{t('withdrawal.submit')}</IntentButton>
				</Form>
			)}
		</section>
	)
}

/** After the withdrawal: the session has ended, and the code opens nothing any more. */
export function WithdrawalDone() {
	const { t } = useTranslation('followup')
	return (
		<>
			<p>{t('withdrawal.doneText')}</p>
			<p>
				<Link to="/request">{t('withdrawal.newRequest')}</Link>
			</p>
		</>
	)
}
