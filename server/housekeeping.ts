// Rows that have outlived their use, removed every few minutes by every
// instance (the deletes are idempotent, so instances need not coordinate):
// reporter and staff sessions past their time, which no cookie can open any
// more, rate-limit counters of past windows, invitation links that can no
// longer be used, and the marks of spent form tokens no form can match any
// more (decision 0020). Once a day, the retention job deletes the cases closed
// longer than the period, keeping their counts, and the audit entries older
// than it (one instance runs it; the others find its claim;
// docs/data-protection.md).
import type { Logger } from 'pino'
import { errorSummary } from '../app/platform/logger.server.ts'
import { deleteExpiredCounters } from '../app/features/rate-limit/rate-limit.server.ts'
import { deleteIdleReporterSessions } from '../app/features/follow-up/reporter-session.server.ts'
import { runDailyRetention } from '../app/features/cases/retention.server.ts'
import { deleteExpiredStaffSessions } from '../app/features/staff-auth/staff-session.server.ts'
import { deleteSpentInvitations } from '../app/features/staff-admin/invitations.server.ts'
import { deleteOldSpentFormTokens } from '../app/features/intake/spent-form-token.server.ts'

const EVERY_MS = 5 * 60_000
const RETENTION_EVERY_MS = 24 * 3_600_000

export function startHousekeeping(logger: Logger): () => void {
	let lastRetention = 0
	const run = async () => {
		try {
			const sessions = (await deleteIdleReporterSessions()) + (await deleteExpiredStaffSessions())
			const counters = await deleteExpiredCounters()
			const invitations = await deleteSpentInvitations()
			const formTokens = await deleteOldSpentFormTokens()
			if (sessions || counters || invitations || formTokens)
				logger.info({ sessions, counters, invitations, formTokens }, 'housekeeping')
			if (Date.now() - lastRetention >= RETENTION_EVERY_MS) {
				const result = await runDailyRetention()
				lastRetention = Date.now()
				if (result)
					logger.info(
						{ cases: result.deleted.length, auditEntries: result.auditEntriesDeleted },
						'retention: personal data deleted',
					)
			}
		} catch (error) {
			logger.warn({ err: errorSummary(error) }, 'housekeeping failed; will retry')
		}
	}
	const timer = setInterval(() => void run(), EVERY_MS)
	timer.unref()
	void run()
	return () => clearInterval(timer)
}
