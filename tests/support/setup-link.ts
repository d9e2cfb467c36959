// A setup link for a test's own app server, issued the way the server does
// at start (office-setup.server.ts), in a process of its own so that the
// test process never connects the app's database client.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const ROOT = path.resolve(import.meta.dirname, '../..')

export async function issueSetupLinkFor(env: {
	DATABASE_URL: string
	HASH_PEPPER: string
}): Promise<string | null> {
	const script = `
		const { issueSetupLink } = await import('./app/features/staff-admin/office-setup.server.ts')
		const { disconnectPrisma } = await import('./app/platform/db.server.ts')
		console.log(JSON.stringify(await issueSetupLink()))
		await disconnectPrisma()`
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', '--input-type=module', '--eval', script],
		{ cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env } },
	)
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as string | null
}
