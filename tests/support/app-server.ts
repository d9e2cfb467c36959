// Starts the production server as a child process, the way an operator runs
// it (server/start.sh, which runs `node build/server-runtime/index.js`; built
// first if the build is missing or stale), and collects its log for the
// tests to read.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureFreshBuild } from '../../server/dev/build.ts'
import { freePort } from '../../server/dev/embedded-postgres.ts'
import { BUILD_DIR, ROOT } from '../../server/paths.ts'

export const SERVER_ENTRY = path.join(BUILD_DIR, 'server-runtime', 'index.js')
const START_SCRIPT = path.join(ROOT, 'server', 'start.sh')

export type AppServer = {
	url: string
	logFile: string
	process: ChildProcess
	/** Sends SIGTERM and resolves with the exit code. */
	stop(): Promise<number | null>
}

export async function startAppServer({
	env,
	logFile,
	args = [],
	cwd = ROOT,
	timeoutMs = 120_000,
}: {
	env: Record<string, string>
	logFile: string
	/** Arguments of the server, e.g. `--demo`. */
	args?: string[]
	/**
	 * The working directory: where the server reads `.env` and, by default,
	 * keeps `.data/`. A folder of the test's own keeps the checkout's out.
	 */
	cwd?: string
	timeoutMs?: number
}): Promise<AppServer> {
	ensureFreshBuild((message) => console.log(message))
	const port = env.PORT ?? String(await freePort())
	fs.mkdirSync(path.dirname(logFile), { recursive: true })
	const log = fs.openSync(logFile, 'w')
	const child = spawn('sh', [START_SCRIPT, ...args], {
		cwd,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			NODE_ENV: 'production',
			LOG_LEVEL: 'info',
			PORT: port,
			HOST: '127.0.0.1',
			...env,
		},
		stdio: ['ignore', log, log],
	})
	fs.closeSync(log)
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	)
	const url = `http://127.0.0.1:${port}`

	const deadline = Date.now() + timeoutMs
	for (;;) {
		if (child.exitCode !== null) {
			throw new Error(`the app exited during start-up:\n${fs.readFileSync(logFile, 'utf8')}`)
		}
		const ready = await fetch(`${url}/readyz`)
			.then((r) => r.ok)
			.catch(() => false)
		if (ready) break
		if (Date.now() > deadline) {
			child.kill('SIGKILL')
			throw new Error(`the app did not become ready:\n${fs.readFileSync(logFile, 'utf8')}`)
		}
		await new Promise((resolve) => setTimeout(resolve, 200))
	}

	return {
		url,
		logFile,
		process: child,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM')
			return exited
		},
	}
}
