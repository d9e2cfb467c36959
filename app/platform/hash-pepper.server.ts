import { getEnv } from './env.server'

/**
 * The server pepper for keyed hashes. The embedded default and production
 * always set it (server/main.ts, env.server.ts); only a misconfigured
 * development or test process lacks it, and then nothing may be hashed.
 */
export function getHashPepper(): string {
	const pepper = getEnv().HASH_PEPPER ?? process.env.HASH_PEPPER
	if (!pepper) throw new Error('HASH_PEPPER is not set')
	return pepper
}
