import { useTranslation } from 'react-i18next'
import type { CaseView } from './case-page.server'
import { ReportedAnswers } from './reported-answers'

/** What the reporter sent: the narrative, their answers and their files. */
export function CaseReport({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	return (
		<section aria-labelledby="report">
			<h2 id="report">{t('case.report')}</h2>
			{view.narrative !== null ? (
				<div className="narrative" dir="auto">
					{view.narrative}
				</div>
			) : null}
			<ReportedAnswers view={view} />
			{view.attachments.length ? (
				<>
					<h3>{t('case.attachments')}</h3>
					<ul>
						{view.attachments.map((attachment) => (
							<li key={attachment.id}>
								<a href={`/staff/cases/${view.reference}/attachments/${attachment.id}`} download>
									{attachment.name ?? t('case.attachmentUnnamed')}
								</a>{' '}
								({attachment.mediaType})
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}
