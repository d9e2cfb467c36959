// Hand-edited addresses never make a 500 (issue 11, L-7): a filter's query
// string that makes no sense falls back to no filter, and where to go after
// signing in is only ever a path under /staff on this site, whatever
// `redirectTo` holds (line breaks that would start a header among them).
// Against the production server, signed in as a lead.
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startAppServer, type AppServer } from '../support/app-server.ts'
import { createSignedInStaff, PASSWORD } from '../support/staff.ts'

const SECRET = 'hostile-addresses-secret-that-is-long-enough'
let app: AppServer
let lead: Awaited<ReturnType<typeof createSignedInStaff>>

beforeAll(async () => {
	app = await startAppServer({
		env: { DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: SECRET, HASH_PEPPER: SECRET },
		logFile: path.join(os.tmpdir(), `anlaufstelle-hostile-addresses-${process.pid}.log`),
	})
	lead = await createSignedInStaff('LEAD', 'hostile-lead')
}, 240_000)

afterAll(async () => {
	await app?.stop()
})

const get = (address: string, cookie?: string) =>
	fetch(`${app.url}${address}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })

const HEADER_INJECTION = '/staff%0d%0aSet-Cookie:x=1'

test('a filter with an impossible day and a negative page shows the inbox and the audit log', async () => {
	for (const address of [
		'/staff/cases?view=all&from=2026-13-45&page=-1',
		'/staff/cases?view=all&from=2026-02-30&to=0000-00-00',
		'/staff/cases?view=all&to=9999-99-99&page=1e400',
		'/staff/cases?view=all&from=0000-01-01',
		'/staff/audit?from=2026-13-45&to=2026-02-30&page=-1',
		'/staff/cases.data?view=all&from=2026-13-45&page=-1',
	]) {
		expect((await get(address, lead.cookie)).status, address).toBe(200)
	}
})

test('redirectTo with a line break, another site or a path outside /staff is replaced by /staff', async () => {
	for (const redirectTo of [
		'%0d%0aSet-Cookie:x=1',
		HEADER_INJECTION,
		'/staff/%0d%0aSet-Cookie:x=1',
		'//evil.example/staff',
		'/staff/..//evil.example',
		'/\\evil.example',
		'https://evil.example/staff',
		'/staffevil',
	]) {
		// Signed in, the sign-in page sends the person on at once.
		const signedIn = await get(`/staff/login?redirectTo=${redirectTo}`, lead.cookie)
		expect(signedIn.status, redirectTo).toBe(302)
		expect(signedIn.headers.get('location'), redirectTo).toBe('/staff')
		expect(signedIn.headers.get('set-cookie'), redirectTo).toBeNull()
		// Signed out, the form carries the replacement.
		const page = await get(`/staff/login?redirectTo=${redirectTo}`)
		expect(page.status, redirectTo).toBe(200)
		expect(await page.text(), redirectTo).toContain('name="redirectTo" value="/staff"')
	}
	// A path under /staff is kept.
	const kept = await get(
		`/staff/login?redirectTo=${encodeURIComponent('/staff/cases?view=all')}`,
		lead.cookie,
	)
	expect(kept.headers.get('location')).toBe('/staff/cases?view=all')
})

test('a posted redirectTo with a line break leads on to the second factor without it', async () => {
	const login = await fetch(`${app.url}/staff/login`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({
			email: lead.user.email,
			password: PASSWORD,
			redirectTo: '/staff\r\nSet-Cookie: x=1',
		}),
	})
	expect(login.status).toBe(302)
	expect(login.headers.get('location')).toBe('/staff/two-factor?redirectTo=%2Fstaff')
	// The second factor's page, reached with the line break, goes on to the lead's home instead.
	const half = (login.headers.get('set-cookie') ?? '').split(';')[0]!
	const secondFactor = await get(`/staff/two-factor?redirectTo=${HEADER_INJECTION}`, half)
	expect(secondFactor.status).toBe(200)
	expect(await secondFactor.text()).toContain('name="redirectTo" value="/staff/cases"')
})
