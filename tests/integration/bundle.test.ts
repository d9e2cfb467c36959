// What production runs after `npm ci --omit=dev`: the compiled server and
// commands (build/server-runtime/) and the Remix build (build/server/). Every
// package they import must be a dependency, since devDependencies are not
// installed there; the project's own modules, the generated Prisma client
// among them, must be inside the bundle; and the heavy modules (exceljs, the
// schema engine's WebAssembly) are imported only where they are used.
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { ensureFreshBuild } from '../../server/dev/build.ts'
import { BUILD_DIR, ROOT } from '../../server/paths.ts'

type Imports = { file: string; static: string[]; dynamic: string[] }

const STATIC_IMPORT = /^\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/gm
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g
/** Development only: `npm run dev` (NODE_ENV=development) loads Vite, from the source anyway. */
const DEVELOPMENT_ONLY = new Set(['vite'])

let files: Imports[]

beforeAll(() => {
	ensureFreshBuild((message) => console.log(message))
	const javascript = (dir: string): string[] =>
		fs
			.readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((name) => name.endsWith('.js'))
			.map((name) => path.join(dir, name))
	files = [
		...javascript(path.join(BUILD_DIR, 'server-runtime')),
		path.join(BUILD_DIR, 'server', 'index.js'),
	].map((file) => {
		const text = fs.readFileSync(file, 'utf8')
		return {
			file: path.relative(ROOT, file),
			static: [...text.matchAll(STATIC_IMPORT)].map((match) => match[1]!),
			dynamic: [...text.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]!),
		}
	})
}, 180_000)

const packageOf = (specifier: string) =>
	specifier
		.split('/')
		.slice(0, specifier.startsWith('@') ? 2 : 1)
		.join('/')
const isBuiltin = (specifier: string) =>
	specifier.startsWith('node:') || builtinModules.includes(specifier)
const isRelative = (specifier: string) => specifier.startsWith('.')
const { dependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	dependencies: Record<string, string>
}

test('every package the production build imports is a dependency, not a devDependency', () => {
	const outside = files.flatMap(({ file, static: statics, dynamic }) => [
		...statics
			.filter((s) => !isRelative(s) && !isBuiltin(s) && !(packageOf(s) in dependencies))
			.map((s) => `${file}: import "${s}"`),
		...dynamic
			.filter((s) => !isRelative(s) && !isBuiltin(s) && !(packageOf(s) in dependencies))
			.filter((s) => !DEVELOPMENT_ONLY.has(s))
			.map((s) => `${file}: import("${s}")`),
	])
	expect(outside).toEqual([])
	// The check sees the imports at all.
	const server = files.find((entry) => entry.file.endsWith('server-runtime/index.js'))
	expect(server?.dynamic.length).toBeGreaterThan(0)
	expect(files.flatMap((entry) => entry.static)).toContain('express')
})

test('the compiled server holds the project code: only packages are imported from outside', () => {
	for (const { file, static: statics, dynamic } of files) {
		for (const specifier of [...statics, ...dynamic].filter(isRelative)) {
			const target = path.resolve(ROOT, path.dirname(file), specifier)
			expect(target.startsWith(BUILD_DIR + path.sep), `${file} imports ${specifier}`).toBe(true)
			expect(fs.existsSync(target), `${file} imports ${specifier}`).toBe(true)
		}
		expect([...statics, ...dynamic].filter((s) => s.includes('generated'))).toEqual([])
	}
	// The generated Prisma client is bundled; only its runtime comes from @prisma/client.
	const all = files.flatMap((entry) => entry.static)
	expect(all).toContain('@prisma/client/runtime/client')
	expect(dependencies['@prisma/client']).toBeTruthy()
	expect(dependencies.tsx).toBeUndefined()
})

test('exceljs and the schema engine are imported only when used, never at start', () => {
	const statics = files.flatMap((entry) => entry.static.map(packageOf))
	const dynamics = files.flatMap((entry) => entry.dynamic.map(packageOf))
	expect(statics).not.toContain('exceljs')
	expect(statics).not.toContain('@prisma/schema-engine-wasm')
	expect(dynamics).toContain('exceljs')
	expect(dynamics).toContain('@prisma/schema-engine-wasm')
})
