// Memory under a steady load: the app's resident memory (RSS) before and
// after minutes of what the public and the staff do, mixed, at a moderate
// concurrency. A leak (a cache without a bound, a listener per request)
// shows as growth that a short throughput run never reveals.
import fs from 'node:fs'
import autocannon, { type Request } from 'autocannon'
import { generateFollowUpCode } from '../../app/platform/crypto/follow-up-code.server.ts'
import { totpCode } from '../../app/features/staff-auth/totp-code.ts'
import { DEMO_LEAD } from '../../prisma/demo-accounts.ts'
import { intakeBody } from './intake.ts'

export type SoakResult = {
	beforeMiB: number
	afterMiB: number
	growthPercent: number
	requests: number
	errors: number
	/** Unexpected answers by request and status, e.g. `GET /staff/statistics 302` (session lost). */
	unexpected: Record<string, number>
}

// A soak, not a throughput test: enough to keep the server busy, not so
// much that queues, rather than what is kept, decide the memory.
export const SOAK_CONNECTIONS = 8
const WARM_UP_SECONDS = 20
// Time for the server to settle (pending work, a garbage collection)
// before each reading.
const SETTLE_BEFORE_MS = 5_000
const SETTLE_AFTER_MS = 10_000
// The intake stores nothing from a form filled in faster than this
// (MIN_FILL_SECONDS, 3 s).
const FORM_FILL_MS = 3_100

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resident memory of a process, in MiB, as the kernel counts it. */
export function residentMiB(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
	const kB = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]
	if (!kB) throw new Error(`no VmRSS for process ${pid}`)
	return Number(kB) / 1024
}

export async function measureSoak(options: {
	url: string
	pid: number
	seconds: number
}): Promise<SoakResult> {
	const { url, pid, seconds } = options
	const page = await (await fetch(`${url}/request`)).text()
	const formToken = /name="formStarted" value="([^"]+)"/.exec(page)?.[1]
	if (!formToken) throw new Error('no form token on /request')
	const [session] = await Promise.all([signIn(url), sleep(FORM_FILL_MS)])
	// A closed case is one of the demo data's: the newest in the inbox are
	// new ones the bench's floor server wrote, sealed to a key no one holds.
	const closed = await fetch(`${url}/staff/cases?view=all&status=CLOSED`, {
		headers: { cookie: session },
	})
	const reference = /href="\/staff\/cases\/([^"/?]+)"/.exec(await closed.text())?.[1]
	const opened = await fetch(`${url}/staff/cases/${reference}`, { headers: { cookie: session } })
	if (!reference || opened.status !== 200) throw new Error('no case in the inbox opens')

	const intake = intakeBody(formToken)
	const mix = (unexpected: Record<string, number>): Request[] => {
		const step = (method: 'GET' | 'POST', path: string, options: StepOptions = {}) =>
			request(method, path, options, unexpected)
		return [
			step('GET', '/'),
			step('GET', '/request'),
			step('GET', '/follow-up'),
			step('POST', '/request', { contentType: intake.contentType, body: () => intake.body }),
			// A well-formed code that opens nothing: the lookup runs in full.
			step('POST', '/follow-up', {
				contentType: 'application/x-www-form-urlencoded',
				body: () =>
					new URLSearchParams({ intent: 'open', code: generateFollowUpCode() }).toString(),
				status: 400,
			}),
			step('GET', '/staff/cases?view=all', { cookie: session }),
			step('GET', `/staff/cases/${reference}`, { cookie: session }),
			step('GET', '/staff/statistics', { cookie: session }),
		]
	}

	await run(url, mix({}), WARM_UP_SECONDS)
	await sleep(SETTLE_BEFORE_MS)
	const beforeMiB = residentMiB(pid)
	const unexpected: Record<string, number> = {}
	const result = await run(url, mix(unexpected), seconds)
	await sleep(SETTLE_AFTER_MS)
	const afterMiB = residentMiB(pid)

	return {
		beforeMiB,
		afterMiB,
		growthPercent: ((afterMiB - beforeMiB) / beforeMiB) * 100,
		requests: result.requests.total,
		errors: result.errors + result.timeouts + Object.values(unexpected).reduce((a, b) => a + b, 0),
		unexpected,
	}
}

type StepOptions = {
	cookie?: string
	contentType?: string
	body?: () => string | Buffer
	/** The status the request must answer with; 200 unless given. */
	status?: number
}

/**
 * One request of the mix. Posts come each from another client
 * (X-Forwarded-For, one proxy is trusted), so that the rate limits that
 * protect the real forms do not end the soak.
 */
function request(
	method: 'GET' | 'POST',
	path: string,
	options: StepOptions,
	unexpected: Record<string, number>,
): Request {
	const label = `${method} ${path.split('?')[0]}`
	return {
		method,
		path,
		headers: options.cookie ? { cookie: options.cookie } : {},
		setupRequest: (request) =>
			options.body
				? {
						...request,
						headers: {
							...request.headers,
							'content-type': options.contentType,
							'x-forwarded-for': randomClient(),
						},
						body: options.body(),
					}
				: request,
		onResponse: (status) => {
			if (status === (options.status ?? 200)) return
			const key = `${label} ${status}`
			unexpected[key] = (unexpected[key] ?? 0) + 1
		},
	}
}

function run(url: string, requests: Request[], seconds: number) {
	return autocannon({ url, connections: SOAK_CONNECTIONS, duration: seconds, requests })
}

const octet = () => Math.floor(Math.random() * 254) + 1
const randomClient = () => `10.${octet()}.${octet()}.${octet()}`

/** Signs in as the demo lead, as a browser without JavaScript does: the session cookie. */
async function signIn(url: string): Promise<string> {
	const form = (fields: Record<string, string>) => ({
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual' as const,
	})
	const login = await fetch(
		`${url}/staff/login`,
		form({ email: DEMO_LEAD.email, password: DEMO_LEAD.password }),
	)
	const halfOpen = sessionCookie(login, 'login')
	const secondFactor = await fetch(`${url}/staff/two-factor`, {
		...form({ code: totpCode(DEMO_LEAD.totpSecret) }),
		headers: { cookie: halfOpen },
	})
	return sessionCookie(secondFactor, 'two-factor step')
}

function sessionCookie(response: Response, stage: string): string {
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0]!)
		.find((pair) => pair.startsWith('staff_session='))
	if (response.status !== 302 || !cookie) {
		throw new Error(`staff sign-in failed at the ${stage}: ${response.status}`)
	}
	return cookie
}
