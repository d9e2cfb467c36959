import { pino, type Logger } from 'pino'

/**
 * The one structured logger of the process, shared by the Express server and
 * the Remix build (like the Prisma client, it lives on globalThis). What goes
 * in: events, paths, statuses, durations, error kinds. What never goes in:
 * IP addresses, user agents, cookies, headers, request bodies, query strings
 * or anything a person typed.
 */
const globalForLogger = globalThis as unknown as { anlaufstelleLogger?: Logger }

export function getLogger(): Logger {
	globalForLogger.anlaufstelleLogger ??= pino({
		level: process.env.LOG_LEVEL ?? 'info',
		base: undefined,
	})
	return globalForLogger.anlaufstelleLogger
}

/**
 * An error as it may be logged. Prisma's messages quote the arguments of the
 * failed query, which can be a person's words, so only its code is kept.
 */
export function errorSummary(error: unknown): { name: string; code?: string; message?: string } {
	if (!(error instanceof Error)) return { name: typeof error }
	const code = (error as { code?: unknown }).code
	if (error.name.startsWith('PrismaClient') || error.name === 'DriverAdapterError') {
		return { name: error.name, ...(typeof code === 'string' ? { code } : {}) }
	}
	return {
		name: error.name,
		...(typeof code === 'string' ? { code } : {}),
		message: error.message.split('\n')[0]?.slice(0, 200),
	}
}
