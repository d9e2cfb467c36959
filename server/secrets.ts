// Secrets of the embedded default: made once, kept in `.data/secrets.json`
// (mode 0600) and reused, so sessions and keyed hashes survive a restart.
// None of them can decrypt a request (docs/security-model: case keys are
// wrapped to people's keys, never to a server secret).
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'

const SecretsSchema = z.object({
	sessionSecret: z.string().min(32),
	hashPepper: z.string().min(32),
	postgresPassword: z.string().min(16),
})

export type LocalSecrets = z.infer<typeof SecretsSchema>

export async function loadOrCreateSecrets(dataDir: string): Promise<LocalSecrets> {
	const file = path.join(dataDir, 'secrets.json')
	try {
		return SecretsSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')))
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw new Error(`${file} is unreadable or incomplete; restore it from a backup`)
		}
	}
	const secrets: LocalSecrets = {
		sessionSecret: randomBytes(48).toString('base64url'),
		hashPepper: randomBytes(48).toString('base64url'),
		postgresPassword: randomBytes(24).toString('base64url'),
	}
	await fs.mkdir(dataDir, { recursive: true, mode: 0o711 })
	// `wx`: two processes starting at once must not overwrite each other's secrets.
	await fs
		.writeFile(file, `${JSON.stringify(secrets, null, '\t')}\n`, { mode: 0o600, flag: 'wx' })
		.catch(async (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EEXIST') throw error
		})
	return SecretsSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')))
}
