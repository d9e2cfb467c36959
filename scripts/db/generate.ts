// `npm run db:generate`: regenerates the Prisma client into app/generated/.
// The `prisma` CLI insists on a native schema engine file even though
// generating never runs it; where that engine could not be downloaded, any
// existing file satisfies the check. Elsewhere the CLI runs untouched.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const enginesDir = path.dirname(require.resolve('@prisma/engines/package.json'))
const hasNativeEngine =
	Boolean(process.env.PRISMA_SCHEMA_ENGINE_BINARY) ||
	fs.readdirSync(enginesDir).some((file) => file.startsWith('schema-engine'))

const env = hasNativeEngine
	? process.env
	: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath }
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)
