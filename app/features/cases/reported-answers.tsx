import { useTranslation } from 'react-i18next'
import { PREFER_NOT_TO_SAY } from '~/platform/taxonomy'
import type { CaseView } from '~/features/cases/case-page.server'

/** What the reporter answered, as they answered it (the counsellor's view is kept apart). */
export function ReportedAnswers({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	const { t: tx } = useTranslation('taxonomy')
	const { reported } = view
	const label = (name: string, value: string) =>
		value === PREFER_NOT_TO_SAY ? tx(PREFER_NOT_TO_SAY) : tx(`${name}.${value}`)
	const list = (name: string, values: string[], other?: string) => {
		const labels = values.map((value) => label(name, value))
		if (other) labels.push(`„${other}“`)
		return labels.join(', ') || '–'
	}
	const one = (name: string, value: string | null) => (value ? label(name, value) : '–')
	const incident =
		[reported.incidentMonth ? tx(`months.${reported.incidentMonth}`) : null, reported.incidentYear]
			.filter(Boolean)
			.join(' ') || '–'
	const contact = view.contact
	return (
		<dl className="answers">
			<dt>{t('answers.requesterType')}</dt>
			<dd>{one('requesterType', reported.requesterType)}</dd>
			<dt>{t('answers.when')}</dt>
			<dd>{incident}</dd>
			<dt>{t('answers.place')}</dt>
			<dd dir="auto">{view.place ?? '–'}</dd>
			<dt>{t('answers.ongoing')}</dt>
			<dd>{one('ongoing', reported.ongoing)}</dd>
			<dt>{t('answers.areas')}</dt>
			<dd>{list('areas', reported.areas, view.otherAnswers?.areas)}</dd>
			<dt>{t('answers.forms')}</dt>
			<dd>{list('forms', reported.forms, view.otherAnswers?.forms)}</dd>
			<dt>{t('answers.motives')}</dt>
			<dd>{list('motives', reported.motives, view.otherAnswers?.motives)}</dd>
			<dt>{t('answers.actors')}</dt>
			<dd>{list('actors', reported.actors)}</dd>
			<dt>{t('answers.person')}</dt>
			<dd>
				{[
					one('ageGroup', reported.ageGroup),
					one('gender', reported.gender),
					one('nationalityGroup', reported.nationalityGroup),
					one('residenceStatus', reported.residenceStatus),
				].join(' · ')}
			</dd>
			<dt>{t('answers.wishes')}</dt>
			<dd>{list('wishes', reported.wishes)}</dd>
			<dt>{t('answers.contact')}</dt>
			<dd dir="auto">
				{contact
					? [contact.name, contact.email, contact.phone, contact.times].filter(Boolean).join(' · ')
					: view.channel === 'WEB_ANONYMOUS'
						? t('answers.anonymous')
						: view.readable
							? t('answers.noContact')
							: '–'}
			</dd>
			{contact?.preferredLanguage ? (
				<>
					<dt>{t('answers.preferredLanguage')}</dt>
					<dd>{contact.preferredLanguage}</dd>
				</>
			) : null}
			<dt>{t('answers.interpreter')}</dt>
			<dd>
				{one('interpreterNeeded', reported.interpreterNeeded)}
				{view.interpreterLanguage ? ` (${view.interpreterLanguage})` : ''}
			</dd>
		</dl>
	)
}
