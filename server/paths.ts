// Where the project's folders are. This code runs from its source (server/,
// scripts/: tsx, Vitest) and from the compiled bundle (build/server-runtime/),
// so the project root is found by walking up to package.json rather than
// by a fixed number of `..`.
import fs from 'node:fs'
import path from 'node:path'

function findRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'package.json'))) return dir
		if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`)
	}
}

export const ROOT = findRoot(import.meta.dirname)
/** `npm run build`'s output: client/ and server/ (Remix), server-runtime/ (this server). */
export const BUILD_DIR = path.join(ROOT, 'build')
export const PRISMA_DIR = path.join(ROOT, 'prisma')
