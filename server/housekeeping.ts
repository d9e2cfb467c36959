// Rows that have outlived their use, removed every few minutes by every
// instance (the deletes are idempotent, so instances need not coordinate):
// reporter sessions idle past their 30 minutes, which no cookie can open any
// more, and rate-limit counters of past windows.
import type { Logger } from 'pino'
import { errorSummary } from '../app/logger.server.ts'
import { deleteExpiredCounters } from '../app/models/rate-limit.server.ts'
import { deleteIdleReporterSessions } from '../app/models/reporter-session.server.ts'

const EVERY_MS = 5 * 60_000

export function startHousekeeping(logger: Logger): () => void {
	const run = async () => {
		try {
			const sessions = await deleteIdleReporterSessions()
			const counters = await deleteExpiredCounters()
			if (sessions || counters) logger.info({ sessions, counters }, 'housekeeping')
		} catch (error) {
			logger.warn({ err: errorSummary(error) }, 'housekeeping failed; will retry')
		}
	}
	const timer = setInterval(() => void run(), EVERY_MS)
	timer.unref()
	void run()
	return () => clearInterval(timer)
}
