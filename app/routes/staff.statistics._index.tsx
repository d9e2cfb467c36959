import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatisticsTable, TrendTable } from '~/features/statistics/statistics-table'
import { YearSummaryPanel } from '~/features/statistics/year-summary-panel'
import { periodOf } from '~/features/statistics/period'
import { getTranslator } from '~/platform/i18n/translate.server'
import { getReport, reportYears } from '~/features/statistics/statistics.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'statistics:read')
	const { t } = getTranslator(request)
	const { year, quarter } = periodOf(new URL(request.url))
	const [report, years] = await Promise.all([getReport(actor, year), reportYears()])
	return { title: `${t('staff:statistics.title')} ${year}`, report, years, quarter }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export default function StatisticsPage() {
	const { report, years, quarter } = useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	const query = `year=${report.year}`
	return (
		<article className="statistics">
			<h1>{t('statistics.title')}</h1>
			<p>{t('statistics.intro')}</p>
			<Form method="get" className="filters" aria-label={t('statistics.title')}>
				<div className="field">
					<label htmlFor="year">{t('statistics.year')}</label>
					<select id="year" name="year" defaultValue={report.year}>
						{years.map((year) => (
							<option key={year} value={year}>
								{year}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="quarter">{t('statistics.quarter')}</label>
					<select id="quarter" name="quarter" defaultValue={quarter ?? ''}>
						<option value="">{t('statistics.wholeYear')}</option>
						{[1, 2, 3, 4].map((q) => (
							<option key={q} value={q}>
								{t('statistics.quarterShort', { quarter: q })}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="button-secondary">
					{t('statistics.show')}
				</button>
			</Form>
			<YearSummaryPanel summary={report.summary} year={report.year} />
			<nav aria-label={t('statistics.exports')} className="exports">
				<h2>{t('statistics.exports')}</h2>
				<ul>
					<li>
						<a href={`/staff/statistics/csv?${query}`} download>
							{t('statistics.csv')}
						</a>
					</li>
					<li>
						<a href={`/staff/statistics/xlsx?${query}`} download>
							{t('statistics.xlsx')}
						</a>
					</li>
					<li>
						<a href={`/staff/statistics/print?${query}`}>{t('statistics.print')}</a>
					</li>
				</ul>
			</nav>
			<p className="notice">{t('statistics.suppressedNote', { threshold: report.threshold })}</p>
			{report.tables.map((table) => (
				<StatisticsTable
					key={table.id}
					table={table}
					threshold={report.threshold}
					quarter={quarter}
				/>
			))}
			<TrendTable trend={report.trend} threshold={report.threshold} />
			{report.activities.map((table) => (
				<StatisticsTable
					key={table.id}
					table={table}
					threshold={report.threshold}
					quarter={quarter}
				/>
			))}
		</article>
	)
}
