import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatisticsTable, TrendTable } from '~/features/statistics/statistics-table'
import { YearSummaryPanel } from '~/features/statistics/year-summary-panel'
import { periodOf } from '~/features/statistics/period'
import { getTranslator } from '~/platform/i18n/translate.server'
import { exportReport } from '~/features/statistics/statistics.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

/** The report as a page to print (the browser saves it as PDF); counted as an export. */
export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'statistics:read')
	const { t } = getTranslator(request)
	const { year } = periodOf(new URL(request.url))
	const report = await exportReport(actor, year, 'print')
	return { title: t('staff:statistics.printTitle', { year }), report }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export default function PrintableReport() {
	const { report } = useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	return (
		<article className="statistics print-report">
			<header>
				<p className="office-name">{report.officeName}</p>
				<h1>{t('statistics.printTitle', { year: report.year })}</h1>
				<p>
					{t('statistics.generatedOn')} {report.generatedAt.slice(0, 10)} ·{' '}
					{t('statistics.thresholdNote', { threshold: report.threshold })}
				</p>
			</header>
			<YearSummaryPanel summary={report.summary} year={report.year} />
			{report.tables.map((table) => (
				<StatisticsTable key={table.id} table={table} threshold={report.threshold} quarter={null} />
			))}
			<TrendTable trend={report.trend} threshold={report.threshold} />
			{report.activities.map((table) => (
				<StatisticsTable key={table.id} table={table} threshold={report.threshold} quarter={null} />
			))}
		</article>
	)
}
