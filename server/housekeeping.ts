// Rows that have outlived their use, removed every few minutes by every
// instance (the deletes are idempotent, so instances need not coordinate):
// reporter and staff sessions past their time, which no cookie can open any
// more, and rate-limit counters of past windows. Once a day, the retention
// job deletes the personal data of cases closed longer than the period (one
// instance runs it; the others find its claim).
import type { Logger } from 'pino'
import { errorSummary } from '../app/platform/logger.server.ts'
import { deleteExpiredCounters } from '../app/features/rate-limit/rate-limit.server.ts'
import { deleteIdleReporterSessions } from '../app/features/follow-up/reporter-session.server.ts'
import { runDailyRetention } from '../app/features/cases/retention.server.ts'
import { deleteExpiredStaffSessions } from '../app/features/staff-auth/staff-session.server.ts'

const EVERY_MS = 5 * 60_000
const RETENTION_EVERY_MS = 24 * 3_600_000

export function startHousekeeping(logger: Logger): () => void {
	let lastRetention = 0
	const run = async () => {
		try {
			const sessions = (await deleteIdleReporterSessions()) + (await deleteExpiredStaffSessions())
			const counters = await deleteExpiredCounters()
			if (sessions || counters) logger.info({ sessions, counters }, 'housekeeping')
			if (Date.now() - lastRetention >= RETENTION_EVERY_MS) {
				const result = await runDailyRetention()
				lastRetention = Date.now()
				if (result)
					logger.info({ cases: result.deleted.length }, 'retention: personal data deleted')
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
