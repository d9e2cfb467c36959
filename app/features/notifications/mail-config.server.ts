// Whether the office sends notices at all, and through which SMTP server:
// from the environment only (README, "Configuration"). The password never
// reaches the database, a log line or a page; the settings page is told
// whether mail is on, and the server's name.
import { getEnv } from '~/platform/env.server'

export type MailConfig = {
	host: string
	port: number
	tls: 'starttls' | 'tls' | 'none'
	auth: { user: string; pass: string } | null
	/** The From address when the SMTP server insists on one; else the office address. */
	from: string | null
	/** The origin the links in the notices point to. */
	publicOrigin: string
}

const DEFAULT_PORTS = { starttls: 587, tls: 465, none: 25 } as const

/** The SMTP settings, or null: without SMTP_HOST no notice is queued or sent. */
export function getMailConfig(): MailConfig | null {
	const env = getEnv()
	if (!env.SMTP_HOST || !env.PUBLIC_ORIGIN) return null
	return {
		host: env.SMTP_HOST,
		port: env.SMTP_PORT ?? DEFAULT_PORTS[env.SMTP_TLS],
		tls: env.SMTP_TLS,
		auth:
			env.SMTP_USER && env.SMTP_PASSWORD ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : null,
		from: env.SMTP_FROM ?? null,
		publicOrigin: env.PUBLIC_ORIGIN,
	}
}

/** Whether notices are sent at all: the public pages offer a reporter's notice only then. */
export function isMailOn(): boolean {
	return getMailConfig() !== null
}

/** Where a staff notice sends its reader: the inbox, behind the sign-in. */
export function inboxLink(config: MailConfig): string {
	return `${config.publicOrigin}/staff/cases`
}

/** Where a reporter's notice sends its reader: the code form. */
export function followUpLink(config: MailConfig): string {
	return `${config.publicOrigin}/follow-up`
}
