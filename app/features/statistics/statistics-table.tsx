// One table of the statistics with its chart: the chart shows the year's
// values, the table every quarter and the year (or only the chosen quarter).
// Hidden cells read "×", never a number, whether they are below the threshold
// or hidden to protect one that is; a note under the table says so.
import { useTranslation } from 'react-i18next'
import type { PublishedCell, PublishedTable, TrendPoint } from '~/features/statistics/report'
import { rowLabel } from '~/features/statistics/labels'
import { BarChart } from './bar-chart'

const NOTES: Partial<Record<PublishedTable['kind'], string>> = {
	mentions: 'statistics.mentionsNote',
	services: 'statistics.servicesNote',
	activities: 'statistics.activitiesNote',
}

type Line = PublishedTable['totals']

/** The columns after the counts: hours for services, participants and hours for activities. */
const EXTRA_COLUMNS: Record<
	PublishedTable['kind'],
	Array<{
		label: string
		quarters: (line: Line) => PublishedCell[] | undefined
		total: (line: Line) => PublishedCell | undefined
	}>
> = {
	cases: [],
	mentions: [],
	services: [
		{
			label: 'statistics.hours',
			quarters: (line) => line.hoursQuarters,
			total: (line) => line.hoursTotal,
		},
	],
	activities: [
		{
			label: 'statistics.participants',
			quarters: (line) => line.participantsQuarters,
			total: (line) => line.participantsTotal,
		},
		{
			label: 'statistics.hours',
			quarters: (line) => line.hoursQuarters,
			total: (line) => line.hoursTotal,
		},
	],
}

/** A published value, or "×" for the eye and a word for screen readers. */
export function PublishedValue({ value }: { value: PublishedCell | undefined }) {
	const { t } = useTranslation('staff')
	if (typeof value === 'number') return <>{value}</>
	return (
		<>
			<span aria-hidden="true">{t('statistics.suppressed')}</span>
			<span className="visually-hidden">{t('statistics.suppressedLabel')}</span>
		</>
	)
}

/** Why the table has "×" in it, linked to the table so that screen readers announce it too. */
function SuppressedNote({ id, threshold }: { id: string; threshold: number }) {
	const { t } = useTranslation('staff')
	return (
		<p id={id} className="table-note">
			{t('statistics.suppressedTableNote', { threshold })}
		</p>
	)
}

const hasSuppressed = (cells: Array<PublishedCell | undefined>) =>
	cells.some((cell) => cell === 'suppressed')

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
	const title = t(`staff:statistics.tables.${table.id}`)
	const headingId = `table-${table.id}`
	const noteId = `note-${table.id}`
	const quarters = quarter ? [quarter] : [1, 2, 3, 4]
	const lines = [...table.rows, table.totals]
	const extras = EXTRA_COLUMNS[table.kind]
	const extraValue = (column: (typeof extras)[number], line: Line) =>
		quarter ? column.quarters(line)?.[quarter - 1] : column.total(line)
	// Only what this view shows: a quarter's table can be free of "×" when the year's is not.
	const shown = lines.flatMap((line) => [
		...(quarter ? [line.quarters[quarter - 1]] : [...line.quarters, line.total]),
		...extras.map((column) => extraValue(column, line)),
	])
	const suppressed = hasSuppressed(shown)
	const chartValue = (row: PublishedTable['rows'][number]) =>
		quarter ? (row.quarters[quarter - 1] ?? 'suppressed') : row.total
	const note = NOTES[table.kind]
	return (
		<section className="statistics-table" aria-labelledby={headingId}>
			<h2 id={headingId}>{title}</h2>
			{note ? <p>{t(`staff:${note}`)}</p> : null}
			<BarChart
				caption={t('staff:statistics.chartOf', { title })}
				suppressedText={t('staff:statistics.suppressed')}
				bars={table.rows.map((row) => ({
					label: rowLabel(t, table.id, row.key),
					value: chartValue(row),
				}))}
			/>
			<div className="table-wrap">
				<table aria-describedby={suppressed ? noteId : undefined}>
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
							{extras.map((column) => (
								<th scope="col" key={column.label} className="number">
									{t(`staff:${column.label}`)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{table.rows.map((row) => (
							<tr key={row.key}>
								<th scope="row">{rowLabel(t, table.id, row.key)}</th>
								{quarters.map((q) => (
									<td key={q} className="number">
										<PublishedValue value={row.quarters[q - 1]} />
									</td>
								))}
								{quarter ? null : (
									<td className="number">
										<PublishedValue value={row.total} />
									</td>
								)}
								{extras.map((column) => (
									<td key={column.label} className="number">
										<PublishedValue value={extraValue(column, row)} />
									</td>
								))}
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t('staff:statistics.total')}</th>
							{quarters.map((q) => (
								<td key={q} className="number">
									<PublishedValue value={table.totals.quarters[q - 1]} />
								</td>
							))}
							{quarter ? null : (
								<td className="number">
									<PublishedValue value={table.totals.total} />
								</td>
							)}
							{extras.map((column) => (
								<td key={column.label} className="number">
									<PublishedValue value={extraValue(column, table.totals)} />
								</td>
							))}
						</tr>
					</tfoot>
				</table>
			</div>
			{suppressed ? <SuppressedNote id={noteId} threshold={threshold} /> : null}
		</section>
	)
}

export function TrendTable({ trend, threshold }: { trend: TrendPoint[]; threshold: number }) {
	const { t } = useTranslation('staff')
	const suppressed = hasSuppressed(trend.flatMap((point) => [point.cases, point.notDiscrimination]))
	return (
		<section className="statistics-table" aria-labelledby="table-trend">
			<h2 id="table-trend">{t('statistics.trendTitle')}</h2>
			<BarChart
				caption={t('statistics.chartOf', { title: t('statistics.trendTitle') })}
				suppressedText={t('statistics.suppressed')}
				bars={trend.map((point) => ({ label: String(point.year), value: point.cases }))}
			/>
			<div className="table-wrap">
				<table aria-describedby={suppressed ? 'note-trend' : undefined}>
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
								<td className="number">
									<PublishedValue value={point.cases} />
								</td>
								<td className="number">
									<PublishedValue value={point.notDiscrimination} />
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{suppressed ? <SuppressedNote id="note-trend" threshold={threshold} /> : null}
		</section>
	)
}
