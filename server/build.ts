// `npm start` builds the app when the build is missing or older than the
// source it came from, so a fresh clone needs no separate build step.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
export const BUILD_DIR = path.join(ROOT, 'build')
const HASH_FILE = path.join(BUILD_DIR, '.source-hash')
const GENERATED_CLIENT = path.join(ROOT, 'app', 'generated', 'prisma', 'client.ts')
const SOURCES = [
	'app',
	'public',
	'prisma/schema.prisma',
	'vite.config.ts',
	'tsconfig.json',
	'package-lock.json',
]
const IGNORED = new Set(['generated'])

function hashSources(): string {
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

function run(command: string, args: string[]) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' })
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

/** The Prisma client is generated code: made at install, remade when missing. */
export function ensurePrismaClient(log: (message: string) => void): void {
	if (fs.existsSync(GENERATED_CLIENT)) return
	log('generating the Prisma client')
	run('npx', ['--no-install', 'tsx', 'scripts/db/generate.ts'])
}

export function ensureFreshBuild(log: (message: string) => void): void {
	const current = hashSources()
	const built = fs.existsSync(HASH_FILE) ? fs.readFileSync(HASH_FILE, 'utf8').trim() : null
	if (built === current) return
	log(built ? 'the source changed since the last build: building' : 'no build found: building')
	run('npx', ['--no-install', 'tsx', 'scripts/db/generate.ts'])
	run('npx', ['--no-install', 'remix', 'vite:build'])
	fs.writeFileSync(HASH_FILE, `${current}\n`)
}
