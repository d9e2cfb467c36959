// `npm run build`'s last step: compiles the Express server and the operator
// commands to plain JavaScript in build/server-runtime/, so that production
// runs them with `node` alone (no tsx, no TypeScript at run time). The
// project's own modules (server/, app/, prisma/seed…) are bundled; packages
// stay imports of node_modules, which is why everything these files import
// must be a dependency, not a devDependency (tests/integration/bundle.test.ts).
import fs from 'node:fs'
import path from 'node:path'
import esbuild from 'esbuild'
import { hashSources, SOURCE_HASH_FILE } from '../server/dev/build.ts'
import { ROOT } from '../server/paths.ts'

// BUILD_DIR: server/dev/build.ts builds into a folder of its own, then swaps it in.
const buildDir = path.resolve(ROOT, process.env.BUILD_DIR ?? 'build')
const outdir = path.join(buildDir, 'server-runtime')

/** Output name → source. Each is run as `node build/server-runtime/<name>.js`. */
const ENTRY_POINTS = {
	index: 'server/index.ts',
	migrate: 'scripts/db/migrate.ts',
	setup: 'scripts/setup.ts',
	recovery: 'scripts/recovery.ts',
	backup: 'scripts/backup.ts',
	restore: 'scripts/restore.ts',
	'rotate-recovery-key': 'scripts/rotate-recovery-key.ts',
	retention: 'scripts/jobs/retention.ts',
}

/**
 * Every bare import (a package, `node:…`) stays an import; paths of the
 * project, including the `~/` alias of tsconfig.json, are bundled.
 */
const packagesStayExternal: esbuild.Plugin = {
	name: 'packages-stay-external',
	setup(build) {
		build.onResolve({ filter: /^[^./~]|^~[^/]/ }, (args) => ({ path: args.path, external: true }))
	},
}

const started = Date.now()
fs.rmSync(outdir, { recursive: true, force: true })
await esbuild.build({
	absWorkingDir: ROOT,
	entryPoints: ENTRY_POINTS,
	outdir,
	bundle: true,
	// Shared modules go to chunks once; dynamic imports (the embedded
	// PostgreSQL, the schema engine, the demo seed) stay separate files that
	// load only when used.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	format: 'esm',
	platform: 'node',
	target: 'node20',
	plugins: [packagesStayExternal],
	logLevel: 'warning',
})
fs.writeFileSync(path.join(buildDir, SOURCE_HASH_FILE), `${hashSources()}\n`)
console.log(
	`built ${path.relative(ROOT, outdir)}/ (${Object.keys(ENTRY_POINTS).join(', ')}) in ${Date.now() - started} ms`,
)
