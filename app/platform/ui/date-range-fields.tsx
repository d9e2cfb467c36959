import { useTranslation } from 'react-i18next'

/**
 * The "from" and "to" dates of a filter form (GET), as typed before. The
 * labels say which date they filter: the inbox's by arrival, by default.
 */
export function DateRangeFields({
	from,
	to,
	labels,
}: {
	from: string
	to: string
	labels?: { from: string; to: string }
}) {
	const { t } = useTranslation('staff')
	return (
		<>
			<div className="field">
				<label htmlFor="from">{labels?.from ?? t('inbox.from')}</label>
				<input id="from" name="from" type="date" defaultValue={from} />
			</div>
			<div className="field">
				<label htmlFor="to">{labels?.to ?? t('inbox.to')}</label>
				<input id="to" name="to" type="date" defaultValue={to} />
			</div>
		</>
	)
}
