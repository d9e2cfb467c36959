import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { loadOrCreateSecrets } from '../../server/secrets.ts'
import { makeTemporaryDir } from '../support/postgres.ts'

let dir: string
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

test('the embedded default makes its secrets once, readable by the owner only, and reuses them', async () => {
	dir = await makeTemporaryDir('anlaufstelle-secrets-')
	const dataDir = path.join(dir, '.data')
	const made = await loadOrCreateSecrets(dataDir)
	expect(made.sessionSecret.length).toBeGreaterThanOrEqual(32)
	expect(made.hashPepper).not.toBe(made.sessionSecret)

	const file = path.join(dataDir, 'secrets.json')
	expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
	expect(await loadOrCreateSecrets(dataDir)).toEqual(made)
})
