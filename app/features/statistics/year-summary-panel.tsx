// The year's page opens with this: five figures, each with its change
// against the year before, as a list of terms and values that reflows into
// one column on a phone and stays whole in print. A hidden figure reads "×"
// like any hidden cell; a change that cannot be given reads "—".
import { useTranslation } from 'react-i18next'
import type { SummaryFigure, YearSummary } from './report'
import { PublishedValue } from './statistics-table'
import { changeInPercent } from './year-summary'

const FIGURES: Array<keyof YearSummary> = [
	'cases',
	'mentions',
	'counsellingHours',
	'activities',
	'participants',
]

function Change({ figure, year }: { figure: SummaryFigure; year: number }) {
	const { t } = useTranslation('staff')
	const percent = changeInPercent(figure)
	if (percent === null) {
		return (
			<>
				<span aria-hidden="true">—</span>
				<span className="visually-hidden">{t('statistics.summary.noComparison', { year })}</span>
			</>
		)
	}
	// A real minus sign, and "±0" rather than "+0" for no change.
	const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±'
	return <>{t('statistics.summary.change', { change: `${sign}${Math.abs(percent)}`, year })}</>
}

export function YearSummaryPanel({ summary, year }: { summary: YearSummary; year: number }) {
	const { t } = useTranslation('staff')
	return (
		<section className="year-summary" aria-labelledby="year-summary-title">
			<h2 id="year-summary-title">{t('statistics.summary.title', { year })}</h2>
			<dl>
				{FIGURES.map((key) => (
					<div key={key} className="summary-figure">
						<dt>{t(`statistics.summary.${key}`)}</dt>
						<dd className="summary-value">
							<PublishedValue value={summary[key].current} />
						</dd>
						<dd className="summary-change">
							<Change figure={summary[key]} year={year - 1} />
						</dd>
					</div>
				))}
			</dl>
		</section>
	)
}
