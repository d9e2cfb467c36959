// Which PostgreSQL the app uses: the operator's (DATABASE_URL) or, by
// default, an embedded cluster started here: the office's under
// `.data/postgres`, the demo's under `.data/demo/postgres`, each with the
// secrets of its own folder. A deployment with DATABASE_URL never loads the
// embedded cluster's code.
import path from 'node:path'
import type { Env } from '../app/platform/env.server.ts'
import type { LocalSecrets } from './secrets.ts'

const EMBEDDED_DATABASE = 'anlaufstelle'

export type Database = {
	url: string
	embedded: boolean
	/** Secrets generated for the embedded default; none with DATABASE_URL. */
	localSecrets?: LocalSecrets
	/** Stops the embedded cluster, if this process started one. */
	close(): Promise<void>
}

export async function openDatabase(env: Env, onLog: (line: string) => void): Promise<Database> {
	if (env.DATABASE_URL) {
		return { url: env.DATABASE_URL, embedded: false, close: async () => {} }
	}
	const { ensureDatabase, startEmbeddedPostgres } = await import('./dev/embedded-postgres.ts')
	const { loadOrCreateSecrets } = await import('./secrets.ts')
	const dataDir = path.resolve(env.DATA_DIR, env.APP_MODE === 'demo' ? 'demo' : '.')
	const localSecrets = await loadOrCreateSecrets(dataDir)
	const cluster = await startEmbeddedPostgres({
		dataDir: path.join(dataDir, 'postgres'),
		password: localSecrets.postgresPassword,
		onLog,
	})
	try {
		await ensureDatabase(cluster.adminUrl, EMBEDDED_DATABASE)
	} catch (error) {
		await cluster.stop()
		throw error
	}
	return {
		url: cluster.urlFor(EMBEDDED_DATABASE),
		embedded: true,
		localSecrets,
		close: cluster.stop,
	}
}
