import { z } from 'zod'

const secret = z.string().min(32, 'must be at least 32 characters (use `openssl rand -base64 48`)')

const postgresUrl = z
	.string()
	.url('must be a URL')
	.refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgresql://')

export const EnvSchema = z
	.object({
		NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
		PORT: z.coerce.number().int().min(1).max(65535).default(3000),
		HOST: z.string().min(1).optional(),
		DATABASE_URL: postgresUrl.optional(),
		DATA_DIR: z.string().min(1).default('.data'),
		SESSION_SECRET: secret.optional(),
		HASH_PEPPER: secret.optional(),
		LOG_LEVEL: z
			.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
			.default('info'),
		TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
		DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
		SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
	})
	.superRefine((env, context) => {
		// With its own database the app is a real deployment: its secrets must
		// come from the operator. The embedded default generates them.
		if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
			for (const key of ['SESSION_SECRET', 'HASH_PEPPER'] as const) {
				if (!env[key]) {
					context.addIssue({
						code: z.ZodIssueCode.custom,
						path: [key],
						message: 'is required in production with DATABASE_URL',
					})
				}
			}
		}
	})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {
	constructor(readonly problems: string[]) {
		super(`invalid environment:\n${problems.map((line) => `  ${line}`).join('\n')}`)
	}
}

/** One line per bad or missing variable, never the value (it may be a secret). */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
	const cleaned = Object.fromEntries(
		Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
	)
	const result = EnvSchema.safeParse(cleaned)
	if (result.success) return result.data
	throw new EnvError(
		result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
	)
}

let current: Env | undefined

/** The environment as the server validated it at start-up. */
export function getEnv(): Env {
	current ??= parseEnv(process.env)
	return current
}
