import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'

/**
 * One client per process. The Express server (run by tsx) and the Remix
 * build (bundled by Vite) each load this module, so the instance lives on
 * globalThis: both then share one pool, which the server closes on shutdown.
 */
const globalForPrisma = globalThis as unknown as { anlaufstellePrisma?: PrismaClient }

function createClient(): PrismaClient {
	const connectionString = process.env.DATABASE_URL
	if (!connectionString) throw new Error('DATABASE_URL is not set')
	const adapter = new PrismaPg({
		connectionString,
		max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
		// Fail fast when the database is unreachable, so that a page shows
		// an error instead of hanging.
		connectionTimeoutMillis: 5_000,
		idleTimeoutMillis: 30_000,
		// A statement stuck behind a lock or a runaway query ends with an
		// error page after this long instead of holding the request forever.
		statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000),
	})
	return new PrismaClient({ adapter })
}

export function getPrisma(): PrismaClient {
	globalForPrisma.anlaufstellePrisma ??= createClient()
	return globalForPrisma.anlaufstellePrisma
}

/** The shared client, created on first use (after start-up has set DATABASE_URL). */
export const prisma = new Proxy({} as PrismaClient, {
	get(_target, property) {
		const client = getPrisma()
		const value: unknown = Reflect.get(client, property)
		return typeof value === 'function' ? value.bind(client) : value
	},
})

export async function disconnectPrisma(): Promise<void> {
	const client = globalForPrisma.anlaufstellePrisma
	globalForPrisma.anlaufstellePrisma = undefined
	await client?.$disconnect()
}

/** Prisma's Bytes columns take a Uint8Array over a plain ArrayBuffer. */
export function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
	return new Uint8Array(data)
}
