import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntentButton } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'

/** Since when the reporter waits for an answer, and a way to say they were answered elsewhere. */
export function CaseWaiting({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	if (!view.waitingSince) return null
	return (
		<section aria-labelledby="waiting">
			<h3 id="waiting">{t('case.waitingSection')}</h3>
			<p>{t('case.waitingSince', { date: view.waitingSince })}</p>
			<Form method="post">
				<p className="field-hint">{t('case.markAnsweredHint')}</p>
				<IntentButton intent="mark-answered">{t('case.markAnswered')}</IntentButton>
			</Form>
		</section>
	)
}
