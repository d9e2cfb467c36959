// `npm start` builds the app when the build is missing or older than the
// source it came from, so a fresh clone needs no separate build step.
// Several instances may start at once: one builds, under a lock, into a
// folder of its own that then takes the place of build/; the others wait
// for the lock and find the build fresh. A build that fails or is cut off
// leaves build/ as it was.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { BUILD_DIR, ROOT } from '../paths.ts'

/** Written by `npm run build` (scripts/build-server.ts) into the folder it built. */
export const SOURCE_HASH_FILE = '.source-hash'
const LOCK_DIR = path.join(ROOT, '.cache', 'build.lock')
const STAGING_DIR = path.join(ROOT, '.cache', 'builds')
const LOCK_WAIT_MS = 15 * 60_000
const SOURCES = [
	'app',
	'public',
	'server',
	'scripts',
	'prisma',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json',
]
// The generated Prisma client is made by the build from prisma/schema.prisma.
const IGNORED = new Set(['generated'])

/** A digest of everything the build reads. */
export function hashSources(): string {
	const hash = createHash('sha256')
	const visit = (relative: string) => {
		const absolute = path.join(ROOT, relative)
		if (!fs.existsSync(absolute)) return
		if (fs.statSync(absolute).isDirectory()) {
			for (const entry of fs.readdirSync(absolute).sort()) {
				if (!IGNORED.has(entry)) visit(path.join(relative, entry))
			}
			return
		}
		hash.update(relative).update('\0').update(fs.readFileSync(absolute)).update('\0')
	}
	SOURCES.forEach(visit)
	return hash.digest('hex')
}

function builtHash(): string | null {
	const file = path.join(BUILD_DIR, SOURCE_HASH_FILE)
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null
}

export function ensureFreshBuild(log: (message: string) => void): void {
	if (builtHash() === hashSources()) return
	withBuildLock(log, () => {
		// Another process may have built while this one waited.
		const built = builtHash()
		if (built === hashSources()) return
		log(built ? 'the source changed since the last build: building' : 'no build found: building')
		buildAndSwap()
	})
}

function buildAndSwap() {
	fs.mkdirSync(STAGING_DIR, { recursive: true })
	const id = `${process.pid}-${randomBytes(4).toString('hex')}`
	const staging = path.join(STAGING_DIR, id)
	const previous = path.join(STAGING_DIR, `${id}-previous`)
	try {
		const result = spawnSync('npm', ['run', '--silent', 'build'], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, BUILD_DIR: staging },
		})
		if (result.status !== 0) throw new Error('npm run build failed')
		// Two renames: build/ is missing only for the instant between them.
		if (fs.existsSync(BUILD_DIR)) fs.renameSync(BUILD_DIR, previous)
		fs.renameSync(staging, BUILD_DIR)
	} finally {
		fs.rmSync(staging, { recursive: true, force: true })
		fs.rmSync(previous, { recursive: true, force: true })
	}
}

/**
 * A lock folder (mkdir is atomic) holding the builder's process id, so that
 * a lock left by a build that was killed is recognised and taken over.
 */
function withBuildLock(log: (message: string) => void, work: () => void) {
	fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true })
	const deadline = Date.now() + LOCK_WAIT_MS
	let announced = false
	for (;;) {
		try {
			fs.mkdirSync(LOCK_DIR)
			fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid))
			break
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
		if (!lockHolderAlive()) {
			fs.rmSync(LOCK_DIR, { recursive: true, force: true })
			continue
		}
		if (Date.now() > deadline) throw new Error(`${LOCK_DIR} is held by another build for too long`)
		if (!announced) log('another process is building: waiting for it')
		announced = true
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250)
	}
	try {
		work()
	} finally {
		fs.rmSync(LOCK_DIR, { recursive: true, force: true })
	}
}

function lockHolderAlive(): boolean {
	let pid: number
	try {
		pid = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'))
	} catch {
		// Just created, its pid not written yet: give it the benefit of the doubt
		// unless the folder is old.
		const age = Date.now() - (fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? 0)
		return age < 10_000
	}
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}
