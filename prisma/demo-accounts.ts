// The demo accounts, one per role, with known passwords and TOTP secrets
// (demo data only; `npm run demo` prints them). Plain Node, so the end-to-end
// tests can sign in with them.
import { createHash } from 'node:crypto'
import { base32nopad } from '@scure/base'
import type { StaffRoleName } from '../app/platform/permissions.ts'

export type DemoAccount = {
	email: string
	displayName: string
	password: string
	role: StaffRoleName
	totpSecret: string
}

/** Fixed so that the README and the tests can name them; demo data only. */
const demoTotpSecret = (email: string) =>
	base32nopad.encode(
		createHash('sha256').update(`anlaufstelle-demo-totp:${email}`).digest().subarray(0, 20),
	)

const account = (
	role: StaffRoleName,
	email: string,
	displayName: string,
	password: string,
): DemoAccount => ({ role, email, displayName, password, totpSecret: demoTotpSecret(email) })

export const DEMO_ACCOUNTS = {
	lead: account(
		'LEAD',
		'leitung@anlaufstelle.example',
		'Demo-Leitung',
		'Leitung mit Tee am Fenster',
	),
	counsellor: account(
		'COUNSELLOR',
		'beratung@anlaufstelle.example',
		'Demo-Beratung',
		'Beratung mit Kaffee im Garten',
	),
	admin: account(
		'ADMIN',
		'admin@anlaufstelle.example',
		'Demo-Administration',
		'Administration mit Velo im Regen',
	),
	statistics: account(
		'STATISTICS',
		'statistik@anlaufstelle.example',
		'Demo-Statistik',
		'Statistik mit Kuchen am Abend',
	),
} satisfies Record<string, DemoAccount>

/** Kept for the tests and docs that name the lead alone. */
export const DEMO_LEAD = DEMO_ACCOUNTS.lead
