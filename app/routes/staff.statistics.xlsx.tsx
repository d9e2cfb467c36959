import type { LoaderFunctionArgs } from '@remix-run/node'
import { periodOf } from '~/features/statistics/period'
import { getTranslator } from '~/platform/i18n/translate.server'
import { exportReport } from '~/features/statistics/statistics.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { reportToXlsx } from '~/features/statistics/export-xlsx.server'
import { reportLabelsFrom } from '~/features/statistics/labels'
import { DOWNLOAD_ROUTE } from '~/platform/download-route'

export const handle = DOWNLOAD_ROUTE

/** A workbook with one sheet per table, audited. */
export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'statistics:read')
	const { year } = periodOf(new URL(request.url))
	const report = await exportReport(actor, year, 'xlsx')
	const workbook = await reportToXlsx(report, reportLabelsFrom(getTranslator(request).t))
	return new Response(new Uint8Array(workbook), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="statistik-${year}.xlsx"`,
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
