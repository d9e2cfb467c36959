// One table of the statistics with its chart: the chart shows the year's
// values, the table every quarter and the year (or only the chosen quarter).
// Suppressed cells read "< 5" (the threshold), never a number.
import { useTranslation } from 'react-i18next'
import type { PublishedCell, PublishedTable, TrendPoint } from '~/features/statistics/report'
import { rowLabel } from '~/features/statistics/labels'
import { BarChart } from './bar-chart'

const NOTES: Partial<Record<PublishedTable['kind'], string>> = {
	mentions: 'statistics.mentionsNote',
	services: 'statistics.servicesNote',
}

export function StatisticsTable({
	table,
	threshold,
	quarter,
}: {
	table: PublishedTable
	threshold: number
	quarter: number | null
}) {
	const { t } = useTranslation(['staff', 'taxonomy'])
	const cell = (value: PublishedCell | undefined) =>
		value === null || value === undefined ? t('staff:statistics.suppressed', { threshold }) : value
	const title = t(`staff:statistics.tables.${table.id}`)
	const headingId = `table-${table.id}`
	const quarters = quarter ? [quarter] : [1, 2, 3, 4]
	const chartValue = (row: PublishedTable['rows'][number]) =>
		quarter ? (row.quarters[quarter - 1] ?? null) : row.total
	const note = NOTES[table.kind]
	return (
		<section className="statistics-table" aria-labelledby={headingId}>
			<h2 id={headingId}>{title}</h2>
			{note ? <p>{t(`staff:${note}`)}</p> : null}
			<BarChart
				caption={t('staff:statistics.chartOf', { title })}
				suppressedText={t('staff:statistics.suppressed', { threshold })}
				bars={table.rows.map((row) => ({
					label: rowLabel(t, table.id, row.key),
					value: chartValue(row),
				}))}
			/>
			<div className="table-wrap">
				<table>
					<caption className="visually-hidden">{title}</caption>
					<thead>
						<tr>
							<th scope="col">{t('staff:statistics.category')}</th>
							{quarters.map((q) => (
								<th scope="col" key={q} className="number">
									{t('staff:statistics.quarterShort', { quarter: q })}
								</th>
							))}
							{quarter ? null : (
								<th scope="col" className="number">
									{t('staff:statistics.yearColumn')}
								</th>
							)}
							{table.kind === 'services' ? (
								<th scope="col" className="number">
									{t('staff:statistics.hours')}
								</th>
							) : null}
						</tr>
					</thead>
					<tbody>
						{table.rows.map((row) => (
							<tr key={row.key}>
								<th scope="row">{rowLabel(t, table.id, row.key)}</th>
								{quarters.map((q) => (
									<td key={q} className="number">
										{cell(row.quarters[q - 1])}
									</td>
								))}
								{quarter ? null : <td className="number">{cell(row.total)}</td>}
								{table.kind === 'services' ? (
									<td className="number">
										{cell(quarter ? row.hoursQuarters?.[quarter - 1] : row.hoursTotal)}
									</td>
								) : null}
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t('staff:statistics.total')}</th>
							{quarters.map((q) => (
								<td key={q} className="number">
									{cell(table.totals.quarters[q - 1])}
								</td>
							))}
							{quarter ? null : <td className="number">{cell(table.totals.total)}</td>}
							{table.kind === 'services' ? (
								<td className="number">
									{cell(
										quarter ? table.totals.hoursQuarters?.[quarter - 1] : table.totals.hoursTotal,
									)}
								</td>
							) : null}
						</tr>
					</tfoot>
				</table>
			</div>
		</section>
	)
}

export function TrendTable({ trend, threshold }: { trend: TrendPoint[]; threshold: number }) {
	const { t } = useTranslation('staff')
	const cell = (value: PublishedCell) =>
		value === null ? t('statistics.suppressed', { threshold }) : value
	return (
		<section className="statistics-table" aria-labelledby="table-trend">
			<h2 id="table-trend">{t('statistics.trendTitle')}</h2>
			<BarChart
				caption={t('statistics.chartOf', { title: t('statistics.trendTitle') })}
				suppressedText={t('statistics.suppressed', { threshold })}
				bars={trend.map((point) => ({ label: String(point.year), value: point.cases }))}
			/>
			<div className="table-wrap">
				<table>
					<caption className="visually-hidden">{t('statistics.trendTitle')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('statistics.year')}</th>
							<th scope="col" className="number">
								{t('statistics.trendCases')}
							</th>
							<th scope="col" className="number">
								{t('statistics.trendNotDiscrimination')}
							</th>
						</tr>
					</thead>
					<tbody>
						{trend.map((point) => (
							<tr key={point.year}>
								<th scope="row">{point.year}</th>
								<td className="number">{cell(point.cases)}</td>
								<td className="number">{cell(point.notDiscrimination)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}
