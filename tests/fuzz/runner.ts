import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { ActionFunctionArgs } from '@remix-run/node'
import fc from 'fast-check'

// ---------------------------------------------------------------------------
// Results

export type FuzzFailure = { message: string; count: number; example: string }
export type FuzzResult = {
	name: string
	runs: number
	failures: number
	/** One example per kind of failure, most frequent first. */
	kinds: FuzzFailure[]
	/** How the runs that held ended (stored, opened, 400, ...): shows what the inputs reached. */
	outcomes: Record<string, number>
	seed: number
}

export type FuzzProperty = {
	name: string
	/** Runs for a given base: the login property runs a tenth (argon2 costs ~100 ms a try). */
	runs(base: number): number
	run(numRuns: number, seed?: number): Promise<FuzzResult>
}

export type InputOf<A> = A extends fc.Arbitrary<infer T> ? T : never

/** A broken promise of a property; the message is its kind. */
export class Violation extends Error {}

export function ensure(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Violation(message)
}

export async function runProperty<T>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	check: (input: T) => Promise<string>,
	numRuns: number,
	seed: number | undefined,
	examples: T[] = [],
): Promise<FuzzResult> {
	const kinds = new Map<string, FuzzFailure>()
	const outcomes: Record<string, number> = {}
	let failures = 0
	const details = await fc.check(
		fc.asyncProperty(arbitrary, async (input) => {
			try {
				const outcome = await check(input)
				outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
			} catch (error) {
				failures++
				const message = kindOf(error)
				const known = kinds.get(message)
				if (known) known.count++
				else kinds.set(message, { message, count: 1, example: summarize(input) })
			}
			return true
		}),
		{ numRuns, seed, examples: examples.map((example): [T] => [example]) },
	)
	return {
		name,
		runs: details.numRuns,
		failures,
		kinds: [...kinds.values()].sort((a, b) => b.count - a.count),
		outcomes,
		seed: details.seed,
	}
}

export function formatResult(result: FuzzResult): string {
	const outcomes = Object.entries(result.outcomes)
		.sort(([, a], [, b]) => b - a)
		.map(([outcome, count]) => `${outcome} ${count}`)
		.join(', ')
	const lines = [
		`${result.name}: ${result.runs} runs, ${result.failures} failures (seed ${result.seed})`,
		`  outcomes: ${outcomes}`,
	]
	for (const kind of result.kinds) {
		lines.push(`  ${kind.count}× ${kind.message}`, `    e.g. ${kind.example}`)
	}
	return lines.join('\n')
}

/** A failure's kind: its message and, for an error thrown by the app, where in app/ it came from. */
export function kindOf(error: unknown): string {
	if (error instanceof Violation) return error.message
	return `harness error: ${describeError(error)}`
}

export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error).slice(0, 200)
	// Prisma puts the database's own words on the message's last line.
	const lastLine = error.message.trim().split('\n').at(-1)?.slice(0, 200) ?? ''
	const frames = (error.stack ?? '')
		.split('\n')
		.filter((line) => line.includes('/app/') && !line.includes('node_modules'))
		.slice(0, 3)
		.map((line) =>
			line
				.trim()
				.replace(/^at /, '')
				.replace(/\(.*\/(app\/[^)]*)\)/, '($1)'),
		)
	return `${error.constructor.name}: ${lastLine}${frames.length ? ` [${frames.join(' < ')}]` : ''}`
}

/**
 * An input, printable on a terminal: long strings cut, and escaped what
 * would garble it (controls, bidirectional marks, lone surrogates).
 */
export function summarize(input: unknown): string {
	const json = JSON.stringify(input, (_key, value: unknown) => {
		if (typeof value === 'string' && value.length > 60)
			return `${value.slice(0, 40)}…(${value.length} chars)`
		if (value instanceof Uint8Array) return `<${value.length} bytes>`
		return value
	})
	return (json ?? 'undefined').replace(
		/[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	)
}

// ---------------------------------------------------------------------------
// Calling an action

export type Action = (args: ActionFunctionArgs) => Promise<unknown>
export type Answer = { status: number; headers: Headers; data: unknown }

/**
 * What the visitor would get. A thrown Error becomes Remix's 500 page, so it
 * fails the property like a 5xx does. Every call comes from a fresh client
 * (random clientKey), so the rate limits never stop a run.
 */
export async function answerOf(
	action: Action,
	request: Request,
	params: Record<string, string> = {},
): Promise<Answer> {
	let result: unknown
	try {
		result = await action({
			request,
			params,
			context: { clientKey: randomBytes(32), cspNonce: 'fuzz' },
		})
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw new Violation(`500: ${describeError(thrown)}`)
		result = thrown
	}
	let answer: Answer
	if (result instanceof Response) {
		answer = { status: result.status, headers: result.headers, data: undefined }
	} else if (isRecord(result) && result.type === 'DataWithResponseInit') {
		const init = result.init as ResponseInit | null
		answer = { status: init?.status ?? 200, headers: new Headers(init?.headers), data: result.data }
	} else {
		answer = { status: 200, headers: new Headers(), data: result }
	}
	ensure(answer.status < 500, `answered ${answer.status}`)
	const bytes = bytesIn(answer.data, 'data', new Set())
	ensure(bytes === null, `the answer carries raw bytes, ${bytes} (key material?)`)
	return answer
}

/** Where in an answer's data raw bytes are, if anywhere: no answer has any business with them. */
export function bytesIn(value: unknown, path: string, seen: Set<unknown>): string | null {
	if (value instanceof Uint8Array) return `${path} (${value.length} bytes)`
	if (!isRecord(value) || seen.has(value)) return null
	seen.add(value)
	for (const [key, inner] of Object.entries(value)) {
		const found = bytesIn(inner, `${path}.${key}`, seen)
		if (found) return found
	}
	return null
}

/**
 * A refusal that hands back data says what is wrong: the public form in
 * `errors`, a translation key per field; a staff form in Conform's reply,
 * whose `error` lists keys of the `staff` namespace per field ("" for the
 * whole form), never one of zod's own English messages.
 */
export function ensureErrorsNamed(answer: Answer) {
	if (answer.status < 400 || answer.data === undefined) return
	const data = isRecord(answer.data) ? answer.data : {}
	if ('errors' in data) {
		ensure(
			isRecord(data.errors) && Object.keys(data.errors).length > 0,
			`a ${answer.status} answer names no error`,
		)
		return
	}
	const errors = replyOf(data).error
	ensure(isRecord(errors), `a ${answer.status} answer names no error`)
	const messages = Object.values(errors).flatMap((list) => (Array.isArray(list) ? list : []))
	ensure(messages.length > 0, `a ${answer.status} answer names no error`)
	for (const message of messages) {
		ensure(isStaffMessage(message), `a ${answer.status} answer says "${String(message)}"`)
	}
}

/** Conform's reply in an answer: the answer itself, or under `result` where a page has several forms. */
export const replyOf = (data: Record<string, unknown>): Record<string, unknown> =>
	isRecord(data.result) ? data.result : data

export const STAFF_MESSAGES: unknown = JSON.parse(
	readFileSync(new URL('../../app/locales/de/staff.json', import.meta.url), 'utf8'),
)

/** Whether a message is a key of the staff namespace ("errors.required"). */
export function isStaffMessage(key: unknown): boolean {
	if (typeof key !== 'string') return false
	let node: unknown = STAFF_MESSAGES
	for (const part of key.split('.')) {
		node = isRecord(node) && Object.hasOwn(node, part) ? node[part] : undefined
	}
	return typeof node === 'string'
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null

export const locationOf = (answer: Answer) =>
	answer.status >= 300 && answer.status < 400 ? (answer.headers.get('Location') ?? '') : null

/** The value a Set-Cookie gives the cookie `name`, or null when it does not set it. */
export function cookieSet(answer: Answer, name: string): string | null {
	const header = answer.headers.get('Set-Cookie') ?? ''
	const match = new RegExp(`(?:^|, )${name}=([^;]*)`).exec(header)
	return match?.[1] || null
}
