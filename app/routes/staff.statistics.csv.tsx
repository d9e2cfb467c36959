import type { LoaderFunctionArgs } from '@remix-run/node'
import { periodOf } from '~/features/statistics/period'
import { getTranslator } from '~/platform/i18n/translate.server'
import { exportReport } from '~/features/statistics/statistics.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { reportToCsv } from '~/features/statistics/export-csv.server'
import { reportLabelsFrom } from '~/features/statistics/labels'
import { DOWNLOAD_ROUTE } from '~/platform/download-route'

export const handle = DOWNLOAD_ROUTE

/** All tables of a year in one CSV file (UTF-8 with BOM, `;`), audited. */
export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'statistics:read')
	const { year } = periodOf(new URL(request.url))
	const report = await exportReport(actor, year, 'csv')
	const csv = reportToCsv(report, reportLabelsFrom(getTranslator(request).t))
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="statistik-${year}.csv"`,
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
