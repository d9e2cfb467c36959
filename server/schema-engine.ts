// Prisma's schema engine compiled to WebAssembly. The native engine that the
// `prisma` CLI downloads is unavailable on some machines (no route to Prisma's
// binary host); this one ships inside an npm package and speaks the same
// migration format. Decision record: docs/decisions/0001-migrations-without-native-engine.md.
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'
import type * as SchemaEngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'

type Bindings = typeof SchemaEngineBindings

let loaded: Promise<Bindings> | undefined

/**
 * Loaded on first use only: the engine (a 5 MB WebAssembly module, some
 * 40 MB once compiled and running) serves the commands (`npm run
 * db:migrate` and the like) and the tests. The server never loads it: it
 * runs its migrations in a process of its own (migrations.ts). Once loaded,
 * the instance stays for the rest of the process, because the bindings'
 * module (which no process can unload) holds on to it.
 *
 * The package's entry imports the .wasm file as an ES module, which Node 20
 * only allows behind --experimental-wasm-modules; instantiating it by hand
 * keeps every script runnable with plain `node`.
 */
function loadBindings(): Promise<Bindings> {
	loaded ??= (async () => {
		const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg')
		const require = createRequire(import.meta.url)
		// The package exports the bindings but not the .wasm file beside them.
		const wasmPath = require
			.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
			.replace(/\.js$/, '.wasm')
		const imports: Record<string, unknown> = { ...bindings }
		// The engine sets timers (one of 10 s) that it never clears: they
		// must not keep a finished command running.
		for (const name of Object.keys(imports)) {
			if (!name.startsWith('__wbg_setTimeout_')) continue
			imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref()
		}
		const { instance } = await WebAssembly.instantiate(await fs.readFile(wasmPath), {
			'./schema_engine_bg.js': imports as WebAssembly.ModuleImports,
		})
		const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void }
		;(bindings as unknown as { __wbg_set_wasm(wasm: unknown): void }).__wbg_set_wasm(exports)
		exports.__wbindgen_start()
		return bindings
	})()
	return loaded
}

/**
 * The pg adapter runs a migration script by splitting it at every `;`,
 * which breaks any statement with a semicolon inside (a trigger function's
 * body). PostgreSQL itself runs a whole script sent as one simple query, in
 * one implicit transaction, so each migration is also all-or-nothing.
 */
class WholeScriptPrismaPg extends PrismaPg {
	constructor(private readonly scriptPool: pg.Pool) {
		super(scriptPool)
	}

	override async connect() {
		const adapter = await super.connect()
		const withErrors = adapter as unknown as { onError(error: unknown): never }
		adapter.executeScript = async (script: string) => {
			await this.scriptPool.query(script).catch((error: unknown) => withErrors.onError(error))
		}
		return adapter
	}
}

/**
 * Runs `work` with a schema engine connected to `connectionString`, then
 * frees the engine and closes its connections (a database with open
 * connections cannot serve as a template or be dropped).
 */
export async function withSchemaEngine<T>(
	schemaText: string,
	connectionString: string,
	work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
	const bindings = await loadBindings()
	const pool = new pg.Pool({ connectionString, max: 2 })
	try {
		const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool))
		const engine = await bindings.SchemaEngine.new(
			{ datamodels: [['schema.prisma', schemaText]] },
			() => {},
			adapter,
		)
		try {
			return await work(engine)
		} finally {
			engine.free()
		}
	} finally {
		await pool.end()
	}
}
