import { useTranslation } from 'react-i18next'
import type { CaseView } from './case-page.server'
import { ReportedAnswers } from './reported-answers'

/** What the reporter sent: the narrative and their answers, the first entry of the timeline. */
export function CaseReport({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	return (
		<>
			{view.narrative !== null ? (
				<div className="narrative" dir="auto">
					{view.narrative}
				</div>
			) : null}
			<details className="reported-answers" open>
				<summary>{t('case.reportedAnswers')}</summary>
				<ReportedAnswers view={view} />
			</details>
		</>
	)
}
