import { useTranslation } from 'react-i18next'
import type { CaseView } from './case-page.server'

/** The case's state at a glance, and why its content may be missing. */
export function CaseSummary({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	return (
		<>
			<dl className="case-facts">
				<dt>{t('case.status')}</dt>
				<dd>
					<span className={`status status--${view.status}`}>{t(`status.${view.status}`)}</span>
				</dd>
				<dt>{t('case.received')}</dt>
				<dd>{view.receivedOn}</dd>
				<dt>{t('case.channel')}</dt>
				<dd>{t(`channel.${view.channel}`)}</dd>
				<dt>{t('case.assignee')}</dt>
				<dd>{view.assignee?.displayName ?? t('inbox.unassigned')}</dd>
				{view.outcome ? (
					<>
						<dt>{t('case.outcome')}</dt>
						<dd>{t(`outcome.${view.outcome}`)}</dd>
					</>
				) : null}
			</dl>
			{view.personalDataDeletedAt ? (
				<p className="notice" role="note">
					{t('case.deletedNotice', {
						date: view.personalDataDeletedAt.slice(0, 10),
						reason: t(`case.deletion.${view.personalDataDeletion ?? 'retention'}`),
					})}
				</p>
			) : !view.readable ? (
				<p className="notice" role="note">
					{t('case.noKeyNotice')}
				</p>
			) : null}
		</>
	)
}
