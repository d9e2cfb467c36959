import fs from 'node:fs'
import { z } from 'zod'

const secret = z.string().min(32, 'must be at least 32 characters (use `openssl rand -base64 48`)')

const postgresUrl = z
	.string()
	.url('must be a URL')
	.refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgresql://')

/** Where the app is reached from outside, as the links in mails name it: an origin, no path. */
const publicOrigin = z
	.string()
	.url('must be a URL such as https://beratung.example.ch')
	.refine((value) => /^https?:\/\//.test(value), 'must start with https:// or http://')
	.refine((value) => !URL.canParse(value) || new URL(value).pathname === '/', 'must have no path')
	.transform((value) => new URL(value).origin)

const whole = (name: string, min: number, max: number) =>
	z.coerce
		.number({ invalid_type_error: `must be ${name}` })
		.int(`must be ${name}`)
		.min(min, `must be ${name}`)
		.max(max, `must be ${name}`)

export const EnvSchema = z.object({
	NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
	PORT: whole('a port number (1 to 65535)', 1, 65535).default(3000),
	// Only this machine by default: a reverse proxy with TLS belongs in front.
	HOST: z.string().min(1).default('127.0.0.1'),
	DATABASE_URL: postgresUrl.optional(),
	DATA_DIR: z.string().min(1).default('.data'),
	SESSION_SECRET: secret.optional(),
	HASH_PEPPER: secret.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	TRUST_PROXY: whole('the number of proxies in front of the app (0 to 10)', 0, 10).default(0),
	DATABASE_POOL_SIZE: whole('a number from 1 to 200', 1, 200).default(10),
	DATABASE_STATEMENT_TIMEOUT_MS: whole('milliseconds from 100 to 600000', 100, 600_000).default(
		15_000,
	),
	// `demo` seeds demo cases and accounts into an empty database; `office` never does.
	APP_MODE: z.enum(['office', 'demo']).default('office'),
	// Where "leave this page quickly" goes: a page anyone might have open.
	QUICK_EXIT_URL: z
		.string()
		.url('must be a URL')
		.refine((value) => value.startsWith('https://'), 'must start with https://')
		.default('https://www.meteoschweiz.admin.ch/'),
	// Notifications by mail (docs/decisions/0017-notifications.md): off without SMTP_HOST.
	SMTP_HOST: z.string().min(1).optional(),
	SMTP_PORT: whole('a port number (1 to 65535)', 1, 65535).optional(),
	// `starttls` and `tls` refuse a server without TLS; `none` is for a relay on this machine.
	SMTP_TLS: z.enum(['starttls', 'tls', 'none']).default('starttls'),
	SMTP_USER: z.string().min(1).optional(),
	SMTP_PASSWORD: z.string().min(1).optional(),
	SMTP_FROM: z.string().email('must be an e-mail address').optional(),
	PUBLIC_ORIGIN: publicOrigin.optional(),
})

/**
 * With its own database the app is a real deployment: its secrets must come
 * from the operator. (The embedded default generates them.) Checked apart
 * from the schema so that it is reported together with every other problem.
 */
const PRODUCTION_SECRETS = ['SESSION_SECRET', 'HASH_PEPPER'] as const

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {
	constructor(readonly problems: string[]) {
		super(`invalid environment:\n${problems.map((line) => `  ${line}`).join('\n')}`)
	}
}

/** One line per bad or missing variable, never the value (it may be a secret). */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(
		Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
	)
	const result = EnvSchema.safeParse(cleaned)
	const problems = result.success
		? []
		: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
	if ((cleaned.NODE_ENV ?? 'production') === 'production' && cleaned.DATABASE_URL) {
		for (const key of PRODUCTION_SECRETS) {
			if (!cleaned[key]) problems.push(`${key}: is required in production with DATABASE_URL`)
		}
	}
	if (cleaned.SMTP_HOST && !cleaned.PUBLIC_ORIGIN) {
		problems.push('PUBLIC_ORIGIN: is required with SMTP_HOST (the link in every notice)')
	}
	if (Boolean(cleaned.SMTP_USER) !== Boolean(cleaned.SMTP_PASSWORD)) {
		problems.push('SMTP_USER, SMTP_PASSWORD: set both, or neither')
	}
	if (result.success && problems.length === 0) return result.data
	throw new EnvError(problems)
}

let current: Env | undefined

/** The environment as the server validated it at start-up. */
export function getEnv(): Env {
	current ??= parseEnv(process.env)
	return current
}

/** Variables from a `.env` file beside package.json, if there is one; the real environment wins. */
export function loadDotEnvFile(file = '.env'): void {
	if (fs.existsSync(file)) process.loadEnvFile(file)
}
