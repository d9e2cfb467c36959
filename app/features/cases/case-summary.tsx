import { useTranslation } from 'react-i18next'
import { PREFER_NOT_TO_SAY } from '~/platform/taxonomy'
import type { CaseView } from './case-page.server'

/** The case's state at a glance: the top of the case panel. */
export function CaseSummary({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	const { t: tx } = useTranslation('taxonomy')
	const minutes = view.services.reduce((sum, service) => sum + service.minutes, 0)
	const interpreter = view.reported.interpreterNeeded
	return (
		<dl className="case-facts">
			<dt>{t('case.status')}</dt>
			<dd>
				<span className={`status status--${view.status}`}>{t(`status.${view.status}`)}</span>
				{view.outcome ? ` · ${t(`outcome.${view.outcome}`)}` : null}
				{view.personalDataDeletion === 'withdrawn' ? ` · ${t('case.withdrawnByPerson')}` : null}
			</dd>
			<dt>{t('case.assignee')}</dt>
			<dd>{view.assignee?.displayName ?? t('inbox.unassigned')}</dd>
			<dt>{t('case.received')}</dt>
			<dd>{view.receivedOn}</dd>
			<dt>{t('case.channel')}</dt>
			<dd>{t(`channel.${view.channel}`)}</dd>
			<dt>{t('case.responseWish')}</dt>
			<dd>{view.responseWish ? t(`responseWish.${view.responseWish}`) : '–'}</dd>
			<dt>{t('answers.interpreter')}</dt>
			<dd dir="auto">
				{interpreter
					? interpreter === PREFER_NOT_TO_SAY
						? tx(PREFER_NOT_TO_SAY)
						: tx(`interpreterNeeded.${interpreter}`)
					: '–'}
				{view.interpreterLanguage ? ` (${view.interpreterLanguage})` : ''}
			</dd>
			<dt>{t('case.services')}</dt>
			<dd>
				{t('case.servicesTotal', { count: view.services.length, hours: (minutes / 60).toFixed(1) })}
			</dd>
		</dl>
	)
}

/** Why the case's content may be missing. */
export function CaseContentNotice({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	if (view.personalDataDeletedAt) {
		return (
			<p className="notice" role="note">
				{t('case.deletedNotice', {
					date: view.personalDataDeletedAt.slice(0, 10),
					reason: t(`case.deletion.${view.personalDataDeletion ?? 'retention'}`),
				})}
			</p>
		)
	}
	if (!view.readable) {
		return (
			<p className="notice" role="note">
				{t('case.noKeyNotice')}
			</p>
		)
	}
	return null
}
