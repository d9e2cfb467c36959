// Every state-changing route refuses a request sent from another site
// (server/same-origin-guard.ts), whatever the body's encoding, for the page
// URL and for the `.data` URL that Remix's fetch submissions post to. The
// routes are read from app/routes, so a new route with an action fails the
// coverage test until it is listed below with its intents.
//
// Staff routes need no session: the guard runs before anything else, and a
// guard refusal is told apart from the app's own 403s by its body.
import fs from 'node:fs'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../app/routes')
const GUARD_MESSAGE = 'Forbidden: this form can only be sent from this website.'

/**
 * Each route file with an action, and the values its forms send as
 * `intent` (empty: the route has no intents).
 */
const INTENTS: Record<string, string[]> = {
	'request.tsx': ['language'],
	'request_.code.tsx': [],
	'request_.code[.txt].tsx': [],
	'follow-up.tsx': ['open', 'reply', 'notice', 'leave', 'withdraw'],
	'staff.login.tsx': [],
	'staff.two-factor.tsx': [],
	'staff.logout.tsx': [],
	'staff.cases.new.tsx': [],
	'staff.cases.$reference.tsx': [
		'classify',
		'status',
		'service',
		'note',
		'message',
		'insert-template',
		'due-date',
		'clear-due-date',
		'mark-answered',
		'complaint-offence',
		'assign',
		'delete-personal-data',
	],
	'staff.account.tsx': ['password', 'notices'],
	'staff.admin.users.tsx': [
		'invite',
		'role',
		'deactivate',
		'reactivate',
		'reset-two-factor',
		'reset-password',
		'revoke-invitation',
	],
	'staff.key-requests.tsx': ['approve', 'refuse', 'pass-on'],
	'staff.handover.tsx': ['hand-over'],
	'staff.templates.tsx': ['create', 'change', 'delete'],
	'staff.activities.tsx': ['record', 'change', 'delete'],
	'staff.admin.settings.tsx': ['settings', 'test-mail'],
	'staff.admin.tokens.tsx': ['create', 'revoke'],
	'staff.invitation.$token.tsx': [],
	'setup.$token.tsx': ['details', 'recovery-sheet', 'recovery-confirm', 'lead'],
	'staff.setup.tsx': [],
	'exit.tsx': [],
}

/** Dummy values for route parameters: the guard answers before any look-up. */
const PARAMS: Record<string, string> = { reference: '2026-AAAAA', token: 'x' }

/** What a foreign page can make a browser (or a script) send. */
const FOREIGN: Record<string, Record<string, string>> = {
	'foreign Origin': { Origin: 'https://evil.example' },
	'foreign Origin, cross-site': { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
	'cross-site without Origin': { 'Sec-Fetch-Site': 'cross-site' },
	'Origin null': { Origin: 'null' },
	'Origin null, cross-site': { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
	'same-site (a sibling subdomain)': { 'Sec-Fetch-Site': 'same-site' },
}

const ENCODINGS = ['urlencoded', 'multipart', 'text/plain'] as const

function actionRouteFiles(): string[] {
	return fs
		.readdirSync(ROUTES_DIR)
		.filter((file) => /\.tsx?$/.test(file))
		.filter((file) =>
			/^export\s+(?:async\s+function\s+action\b|function\s+action\b|const\s+action\b|\{[^}]*\baction\b)/m.test(
				fs.readFileSync(path.join(ROUTES_DIR, file), 'utf8'),
			),
		)
		.sort()
}

/** The URL of a flat-routes file name, parameters filled with dummies. */
function urlOf(file: string): string {
	const segments = file
		.replace(/\.tsx?$/, '')
		// An escaped dot (`code[.txt]`) belongs to its segment.
		.replace(/\[\.(\w+)\]/g, '\u0000$1')
		.split('.')
		.map((segment) => segment.replace('\u0000', '.'))
		// `_index` and pathless layouts (`_auth`) add no segment.
		.filter((segment) => !segment.startsWith('_'))
		.map((segment) => segment.replace(/_$/, ''))
		.map((segment) => (segment.startsWith('$') ? (PARAMS[segment.slice(1)] ?? 'x') : segment))
	return `/${segments.join('/')}`
}

/** The URL Remix's single fetch posts a fetcher or `useSubmit` form to. */
function dataUrlOf(url: string): string {
	return url === '/' ? '/_root.data' : `${url}.data`
}

async function post(
	request: APIRequestContext,
	url: string,
	encoding: (typeof ENCODINGS)[number],
	fields: Record<string, string>,
	headers: Record<string, string>,
) {
	const body =
		encoding === 'multipart'
			? { multipart: fields }
			: encoding === 'urlencoded'
				? { form: fields }
				: {
						data: Object.entries(fields)
							.map(([k, v]) => `${k}=${v}`)
							.join('\r\n'),
						headers: { ...headers, 'Content-Type': 'text/plain' },
					}
	return request.post(url, { headers, maxRedirects: 0, ...body })
}

/**
 * A route's source with the sources of the feature modules it imports: a
 * thin route hands its post to a feature function, where the intents live.
 */
function withFeatureSources(route: string): string {
	const imported = [...route.matchAll(/from '~\/(features\/[^']+)'/g)].map((match) => match[1]!)
	const sources = imported.flatMap((module) =>
		['.ts', '.tsx']
			.map((extension) => path.join('app', module + extension))
			.filter((file) => fs.existsSync(file))
			.map((file) => fs.readFileSync(file, 'utf8')),
	)
	return [route, ...sources].join('\n')
}

test('every route with an action is covered, with every intent its source names', () => {
	const files = actionRouteFiles()
	expect(files.length).toBeGreaterThan(0)
	expect(files, 'route files with an action vs. the INTENTS table').toEqual(
		Object.keys(INTENTS).sort(),
	)
	for (const file of files) {
		const route = fs.readFileSync(path.join(ROUTES_DIR, file), 'utf8')
		const source = withFeatureSources(route)
		const intents = INTENTS[file] ?? []
		if (/\bintent\b/.test(source))
			expect(intents.length, `${file} reads an intent`).toBeGreaterThan(0)
		if (/\bdispatchIntent\(/.test(route)) {
			// The handlers of dispatchIntent's object (`note: intent(NoteSchema, …)`): exactly the table's.
			const handlers = [...route.matchAll(/^\s*['"]?([\w-]+)['"]?: intent\(/gm)].map((m) => m[1])
			expect(handlers.sort(), `${file}'s intent handlers`).toEqual([...intents].sort())
			continue
		}
		for (const intent of intents)
			expect(source, `${file} handles intent ${intent}`).toMatch(
				new RegExp(`['"\`]${intent}['"\`]|^\\s*(?:async\\s+)?['"]?${intent}['"]?\\(`, 'm'),
			)
	}
	// The URLs the checks below post to.
	expect(files.map(urlOf)).toEqual(
		expect.arrayContaining([
			'/request',
			'/follow-up',
			'/staff/login',
			'/staff/two-factor',
			'/staff/logout',
			'/staff/cases/2026-AAAAA',
			'/staff/account',
			'/staff/admin/users',
			'/staff/admin/settings',
			'/staff/admin/tokens',
			'/staff/key-requests',
			'/staff/activities',
			'/staff/invitation/x',
			'/setup/x',
			'/staff/setup',
		]),
	)
})

for (const file of actionRouteFiles()) {
	const url = urlOf(file)
	test(`${url} refuses every cross-site post (${file})`, async ({ request }) => {
		const intents = INTENTS[file]?.length ? INTENTS[file] : [undefined]
		const failures: string[] = []
		let checked = 0
		for (const target of [url, dataUrlOf(url)]) {
			for (const intent of intents) {
				const fields = { ...(intent ? { intent } : {}), text: 'forged', email: 'a@b.example' }
				for (const encoding of ENCODINGS) {
					for (const [name, headers] of Object.entries(FOREIGN)) {
						const response = await post(request, target, encoding, fields, headers)
						const text = await response.text()
						checked++
						if (response.status() !== 403 || text !== GUARD_MESSAGE) {
							failures.push(
								`${target} intent=${intent ?? '-'} ${encoding} ${name}: ${response.status()} ${text.slice(0, 80)}`,
							)
						}
					}
				}
			}
		}
		expect(failures, `${failures.length} of ${checked} forged posts got through`).toEqual([])
	})
}

test('other state-changing methods from another site are refused too', async ({ request }) => {
	for (const method of ['PUT', 'PATCH', 'DELETE']) {
		for (const url of ['/request', '/staff/cases/2026-AAAAA', '/staff/admin/users.data']) {
			const response = await request.fetch(url, {
				method,
				headers: FOREIGN['foreign Origin, cross-site']!,
				form: { intent: 'forged' },
				maxRedirects: 0,
			})
			expect(response.status(), `${method} ${url}`).toBe(403)
			expect(await response.text()).toBe(GUARD_MESSAGE)
		}
	}
})

test('a same-origin post passes the guard and reaches the route', async ({ request }) => {
	const origin = new URL(process.env.E2E_BASE_URL!).origin
	const sameOrigin = { Origin: origin, 'Sec-Fetch-Site': 'same-origin' }
	// A form post without JavaScript: no-referrer makes its Origin `null`.
	const plainFormPost = { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }
	const cases: [string, (typeof ENCODINGS)[number], Record<string, string>][] = [
		['/request', 'urlencoded', sameOrigin],
		['/request', 'multipart', plainFormPost],
		['/request.data', 'multipart', sameOrigin],
		['/staff/login', 'urlencoded', plainFormPost],
		['/staff/login.data', 'urlencoded', sameOrigin],
	]
	for (const [url, encoding, headers] of cases) {
		// Missing and invalid fields: the route itself refuses them.
		const response = await post(request, url, encoding, { email: 'not-an-address' }, headers)
		const text = await response.text()
		expect(text, `${url} ${encoding}`).not.toBe(GUARD_MESSAGE)
		expect(response.status(), `${url} ${encoding}`).not.toBe(403)
		expect(response.status(), `${url} ${encoding}`).toBeGreaterThanOrEqual(400)
		expect(response.status(), `${url} ${encoding}`).toBeLessThan(500)
	}
})
