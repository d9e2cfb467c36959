// The words of the statistics (table titles, row labels) from the
// translations, for the page and the exports alike, so that both show the
// same labels. `t` must reach the `staff` and `taxonomy` namespaces.
import type { TFunction } from 'i18next'
import type { TableId } from '~/features/statistics/report'
import { PREFER_NOT_TO_SAY } from '~/platform/taxonomy'
import type { ReportLabels } from './report-labels'

const NOT_STATED = 'not_stated'
const TAXONOMY_TABLES: ReadonlySet<TableId> = new Set([
	'requesterType',
	'ageGroup',
	'gender',
	'nationalityGroup',
	'residenceStatus',
	'areas',
	'forms',
	'motives',
	'actors',
])

export function rowLabel(t: TFunction, id: TableId, key: string): string {
	if (key === NOT_STATED) return t('staff:statistics.rows.not_stated')
	if (key === PREFER_NOT_TO_SAY) return t('taxonomy:prefer_not_to_say')
	if (TAXONOMY_TABLES.has(id)) return t(`taxonomy:${id}.${key}`)
	if (id === 'services') return t(`staff:service.${key}`)
	// The channels' words are the case page's.
	if (id === 'channel') return t(`staff:channel.${key}`)
	if (id === 'responseWish') return t(`staff:responseWish.${key}`)
	if (id === 'activityKinds') return t(`staff:activities.kinds.${key}`)
	if (id === 'activityAudiences') return t(`staff:activities.audiences.${key}`)
	if (key.startsWith('CLOSED:')) {
		const outcome = key.slice('CLOSED:'.length)
		return t('staff:statistics.rows.CLOSED', {
			outcome:
				outcome === NOT_STATED
					? t('staff:statistics.rows.not_stated')
					: t(`staff:outcome.${outcome}`),
		})
	}
	return t(`staff:statistics.rows.${key}`)
}

export function reportLabelsFrom(t: TFunction): ReportLabels {
	return {
		tableTitle: (id) => t(`staff:statistics.tables.${id}`),
		rowLabel: (id, key) => rowLabel(t, id, key),
		total: t('staff:statistics.total'),
		year: t('staff:statistics.yearColumn'),
		quarter: (quarter) => t('staff:statistics.quarterShort', { quarter }),
		hours: t('staff:statistics.hours'),
		participants: t('staff:statistics.participants'),
		suppressed: t('staff:statistics.suppressed'),
		suppressedNote: (threshold) => t('staff:statistics.suppressedTableNote', { threshold }),
		trendTitle: t('staff:statistics.trendTitle'),
		trendCases: t('staff:statistics.trendCases'),
		trendNotDiscrimination: t('staff:statistics.trendNotDiscrimination'),
		reportTitle: t('staff:statistics.reportTitle'),
		generatedOn: t('staff:statistics.generatedOn'),
		thresholdNote: (threshold) => t('staff:statistics.thresholdNote', { threshold }),
	}
}
