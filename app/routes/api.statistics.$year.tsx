import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { findActiveApiToken } from '~/features/staff-admin/api-token.server'
import { exportReportForToken } from '~/features/statistics/statistics.server'
import { DOWNLOAD_ROUTE } from '~/platform/download-route'

export const handle = DOWNLOAD_ROUTE

const YearSchema = z.coerce.number().int().min(2000).max(2100)

/**
 * The canton's read-only access: a year's statistics after disclosure
 * control, as JSON, for a token the admin created. Every call is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }
	const token = await findActiveApiToken(request.headers.get('Authorization'))
	if (!token) {
		return Response.json(
			{ error: 'a valid token is required (Authorization: Bearer …)' },
			{ status: 401, headers: { ...headers, 'WWW-Authenticate': 'Bearer' } },
		)
	}
	const year = YearSchema.safeParse(params.year)
	if (!year.success) {
		return Response.json(
			{ error: 'the year must be a number such as 2026' },
			{ status: 400, headers },
		)
	}
	const report = await exportReportForToken(token.id, year.data)
	return Response.json(report, { headers })
}
