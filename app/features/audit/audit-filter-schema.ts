import { z } from 'zod'
import { filterDate, filterText, pageNumber } from '~/platform/forms/search-params'

/** The audit log's query string: anything unknown is ignored rather than refused. */
export const AuditFilterSchema = z.object({
	action: filterText(60),
	actorId: z.string().uuid().optional().catch(undefined),
	targetUserId: z.string().uuid().optional().catch(undefined),
	caseReference: filterText(20),
	from: filterDate,
	to: filterDate,
	page: pageNumber,
})
