// Fuzzing the actions that take input from outside: the public request form,
// the follow-up page, the staff login, a case's staff actions and the admin's
// pages. fast-check builds random and hostile posts (megabyte strings,
// control characters with NUL and the right-to-left override, Arabic,
// Tigrinya and emoji, invalid choices, repeated fields, markup and SQL,
// missing fields, broken multipart bodies, wrong content types) and each
// property states what must hold whatever arrives: never a 5xx, nothing
// half-stored, nothing opened without the right secret.
//
// Rendering is not run here: where a refusal hands typed values back for the
// page, they must be the strings as typed (React escapes them, and the
// end-to-end tests check that in a browser).
//
// The route modules are called in-process, as Remix calls them. Every run is
// counted and a failing run does not stop the others, so a report says how
// often each property failed and shows one example per kind of failure
// (fast-check's shrinking would minimise only the first and cost minutes on
// megabyte inputs). tests/integration/fuzz.test.ts runs a small sample with
// `npm test`; `npm run fuzz` runs thousands.
import { randomBytes } from 'node:crypto'
import type { ActionFunctionArgs } from '@remix-run/node'
import fc from 'fast-check'
import { z } from 'zod'
import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { prisma } from '~/platform/db.server'
import {
	FILE_FIELD,
	FORM_TOKEN_FIELD,
	HONEYPOT_FIELD,
	IntakeSchema,
	LIMITS,
	MULTI_VALUE_FIELDS,
} from '~/features/intake/intake-schema'
import { STAFF_ROLES } from '~/platform/permissions'
import {
	AssignSchema,
	ClassificationSchema,
	InvitationSchema,
	MessageSchema,
	NoteSchema,
	RoleChangeSchema,
	ServiceSchema,
	SettingsSchema,
	StatusSchema,
} from '~/platform/forms/staff-forms'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	CASE_STATUSES,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	ONGOING,
	OUTCOMES,
	PREFER_NOT_TO_SAY,
	REQUESTER_TYPES,
	RESIDENCE_STATUSES,
	SERVICE_TYPES,
	WISHES,
} from '~/platform/taxonomy'
import { issueFormToken } from '~/features/intake/form-timing.server'
import { BODY_LIMITS } from '~/features/intake/submit-intake.server'
import { forgetFailedLogins } from '~/features/staff-auth/login.server'
import { getRecoveryPublicKey, setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import {
	endReporterSession,
	getReporter,
	openReporterSession,
} from '~/features/follow-up/reporter-session.server'
import { readStaffSession } from '~/features/staff-auth/staff-session.server'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import * as followUpRoute from '~/routes/follow-up'
import * as requestRoute from '~/routes/request'
import * as adminSettingsRoute from '~/routes/staff.admin.settings'
import * as adminUsersRoute from '~/routes/staff.admin.users'
import * as caseRoute from '~/routes/staff.cases.$reference'
import * as loginRoute from '~/routes/staff.login'
import { createSignedInStaff, PASSWORD } from '../support/staff'
import { pngWithText } from '../support/sample-files'

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

type InputOf<A> = A extends fc.Arbitrary<infer T> ? T : never

/** A broken promise of a property; the message is its kind. */
class Violation extends Error {}

function ensure(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Violation(message)
}

async function runProperty<T>(
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
function kindOf(error: unknown): string {
	if (error instanceof Violation) return error.message
	return `harness error: ${describeError(error)}`
}

function describeError(error: unknown): string {
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
function summarize(input: unknown): string {
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

type Action = (args: ActionFunctionArgs) => Promise<unknown>
type Answer = { status: number; headers: Headers; data: unknown }

/**
 * What the visitor would get. A thrown Error becomes Remix's 500 page, so it
 * fails the property like a 5xx does. Every call comes from a fresh client
 * (random clientKey), so the rate limits never stop a run.
 */
async function answerOf(
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
function bytesIn(value: unknown, path: string, seen: Set<unknown>): string | null {
	if (value instanceof Uint8Array) return `${path} (${value.length} bytes)`
	if (!isRecord(value) || seen.has(value)) return null
	seen.add(value)
	for (const [key, inner] of Object.entries(value)) {
		const found = bytesIn(inner, `${path}.${key}`, seen)
		if (found) return found
	}
	return null
}

/** A refusal that hands back data says what is wrong (`errors`, a translation key per field). */
function ensureErrorsNamed(answer: Answer) {
	if (answer.status < 400 || answer.data === undefined) return
	const errors = isRecord(answer.data) ? answer.data.errors : undefined
	ensure(
		isRecord(errors) && Object.keys(errors).length > 0,
		`a ${answer.status} answer names no error`,
	)
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null

const locationOf = (answer: Answer) =>
	answer.status >= 300 && answer.status < 400 ? (answer.headers.get('Location') ?? '') : null

/** The value a Set-Cookie gives the cookie `name`, or null when it does not set it. */
function cookieSet(answer: Answer, name: string): string | null {
	const header = answer.headers.get('Set-Cookie') ?? ''
	const match = new RegExp(`(?:^|, )${name}=([^;]*)`).exec(header)
	return match?.[1] || null
}

// ---------------------------------------------------------------------------
// Bodies

type Part = { name: string; value: string } | { name: string; file: FilePart }
type FilePart = { filename: string; bytes: Uint8Array }

/**
 * How the parts travel: as a browser sends them (URL-encoded or multipart),
 * or as a raw body that no browser sends (broken multipart, JSON, other
 * content types, bad percent escapes, UTF-16).
 */
type Envelope = { kind: 'urlencoded' } | { kind: 'multipart' } | { kind: 'raw'; raw: RawBody }
type RawBody = { template: number; contentType: string; garbage: string }

const RAW_TEMPLATES = 12

function requestOf(url: string, parts: Part[], envelope: Envelope, cookie?: string): Request {
	const headers = new Headers()
	if (cookie) headers.set('Cookie', cookie)
	if (envelope.kind === 'urlencoded') {
		headers.set('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8')
		return new Request(url, { method: 'POST', headers, body: urlEncoded(parts) })
	}
	if (envelope.kind === 'multipart') {
		const form = new FormData()
		for (const part of parts) {
			if ('file' in part)
				form.append(part.name, new Blob([new Uint8Array(part.file.bytes)]), part.file.filename)
			else form.append(part.name, part.value)
		}
		return new Request(url, { method: 'POST', headers, body: form })
	}
	const { contentType, body } = rawBody(envelope.raw, parts)
	if (contentType !== null) headers.set('Content-Type', contentType)
	return new Request(url, { method: 'POST', headers, body: new Uint8Array(body) })
}

const urlEncoded = (parts: Part[]) =>
	new URLSearchParams(
		parts.flatMap((part) => ('value' in part ? [[part.name, part.value] as [string, string]] : [])),
	).toString()

function rawBody(raw: RawBody, parts: Part[]): { contentType: string | null; body: Buffer } {
	const text = urlEncoded(parts)
	const { garbage } = raw
	const multipart = (boundary: string) => `multipart/form-data; boundary=${boundary}`
	switch (raw.template % RAW_TEMPLATES) {
		case 0:
			return {
				contentType: 'application/json',
				body: Buffer.from(JSON.stringify(Object.fromEntries(new URLSearchParams(text)))),
			}
		case 1:
			return { contentType: 'text/plain;charset=UTF-8', body: Buffer.from(text) }
		case 2:
			return { contentType: null, body: Buffer.from(text) }
		case 3:
			return { contentType: 'multipart/form-data', body: Buffer.from(text) }
		case 4: // a part that never ends
			return {
				contentType: multipart('fuzz'),
				body: Buffer.from(
					`--fuzz\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${garbage}`,
				),
			}
		case 5:
			return { contentType: multipart('fuzz'), body: Buffer.from(garbage) }
		case 6: // a boundary the body does not use (a header holds Latin-1 only)
			return {
				contentType: multipart(garbage.replace(/[^\x20-\x7e]/g, '').slice(0, 70) || '""'),
				body: Buffer.from(text),
			}
		case 7: // headers that are not headers
			return {
				contentType: multipart('fuzz'),
				body: Buffer.from(`--fuzz\r\n${garbage}\r\n\r\nvalue\r\n--fuzz--\r\n`),
			}
		case 8: // odd dispositions around well-formed parts
			return {
				contentType: multipart('fuzz'),
				body: Buffer.from(
					[...new URLSearchParams(text)]
						.map(
							([name, value]) =>
								`--fuzz\r\nContent-Disposition: form-data; name="${name}"; filename*=UTF-8''%FF${garbage}\r\n\r\n${value}\r\n`,
						)
						.join('') + '--fuzz--\r\n',
				),
			}
		case 9:
			return {
				contentType: 'application/x-www-form-urlencoded',
				body: Buffer.from(`${text}&intent=%FF%FE%C0%AE&code=%&%E2%80%AE=${garbage}%`),
			}
		case 10:
			return {
				contentType: 'application/x-www-form-urlencoded; charset=utf-16le',
				body: Buffer.from(text, 'utf16le'),
			}
		default:
			return { contentType: raw.contentType, body: randomBytes(garbage.length * 3) }
	}
}

/**
 * A body as a browser could send it: URL-encoded, or multipart with the
 * names a form has (never empty, no ";" or "=") and file names as people
 * give them (any script, spaces, ";" or "=", but no control characters,
 * which a header cannot carry).
 */
const sentAsBrowsersDo = (envelope: Envelope, parts: Part[]) =>
	envelope.kind === 'urlencoded' ||
	(envelope.kind === 'multipart' &&
		parts.every(
			(part) =>
				/^[^;=]+$/.test(part.name) &&
				!hasControl(part.name) &&
				(!('file' in part) || !hasControl(part.file.filename)),
		))

/** ASCII control characters other than the tab. */
const isControl = (char: string) => {
	const code = char.charCodeAt(0)
	return (code < 0x20 && char !== '\t') || code === 0x7f
}
const hasControl = (text: string) => [...text].some(isControl)

/** What a browser's multipart encoding does to a value (line breaks become CRLF). */
const multipartValue = (value: string) => value.replace(/\r\n|\r|\n/g, '\r\n')
/** Names a browser's multipart encoding leaves alone and every parser reads back. */
const plainName = (name: string) => /^[A-Za-z0-9_-]*$/.test(name)

/** The posted text values as parseForm reads them: `lists` as arrays, every other field its first value. */
function formValues(parts: Part[], lists: readonly string[] = []) {
	const values: Record<string, string | string[]> = {}
	for (const part of parts) {
		if (!('value' in part)) continue
		const known = Object.hasOwn(values, part.name) ? values[part.name] : undefined
		if (lists.includes(part.name))
			values[part.name] = [...(Array.isArray(known) ? known : []), part.value]
		else if (known === undefined) values[part.name] = part.value
	}
	return values
}

const firstValues = (parts: Part[]) => formValues(parts) as Record<string, string>

// ---------------------------------------------------------------------------
// Hostile values

const SNIPPETS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'\'; DROP TABLE "Case"; --',
	"' OR '1'='1",
	'\u0000',
	'\u202e', // right-to-left override
	'\u200f\u061c', // right-to-left and Arabic letter marks
	'\ufeff',
	'\r\n',
	'\t\v\f\b',
	'%00%0d%0a',
	'{{7*7}}${7*7}',
	'__proto__',
	'../../etc/passwd',
	'تعرضت للتمييز في العمل', // Arabic
	'ኣብ ስራሕ ኣድልዎ ኣጋጢሙኒ', // Tigrinya
	'👩🏽‍⚖️🏳️‍🌈🇨🇭',
	'Grüezi mitenand',
	'e\u0301\u0308\u20dd', // combining marks
	'NaN',
	'-1',
	'1e309',
] as const

const snippet = fc.constantFrom(...SNIPPETS)

/** Short hostile text: snippets mixed with random code points of every kind. */
const shortHostile = fc
	.array(
		fc.oneof(
			{ weight: 3, arbitrary: snippet },
			{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
		),
		{ maxLength: 6 },
	)
	.map((parts) => parts.join(''))

/** Up to about a megabyte: one piece repeated, which costs nothing to generate. */
const hugeHostile = fc
	.tuple(
		fc.oneof(snippet, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })),
		fc.integer({ min: 20_001, max: 1_000_000 }),
	)
	.map(([piece, length]) => piece.repeat(Math.max(1, Math.floor(length / piece.length))))

const hostile = fc.oneof(
	{ weight: 30, arbitrary: shortHostile },
	{ weight: 1, arbitrary: hugeHostile },
)

/** Text that stays within a length limit (counted in UTF-16 units, as zod counts). */
const fitting = (max: number) =>
	shortHostile.map((text) => {
		let fitted = ''
		for (const char of text) {
			if (fitted.length + char.length > max) break
			fitted += char
		}
		return fitted
	})

/** What every plain object answers to: a lookup by a posted name must not find them. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']

/** Field names a form never has, some chosen to upset plain objects. */
const extraName = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'areas[]', 'form', ''), shortHostile)

const extraParts = fc.array(
	fc.record({ name: extraName, value: hostile }).map((part): Part => part),
	{ maxLength: 3 },
)

const PHOTO = new Uint8Array(pngWithText('fuzz'))

/** Files: a real PNG, real text, broken images behind real signatures, noise, no name. */
const filePart: fc.Arbitrary<FilePart> = fc.record({
	filename: fc.oneof(fc.constantFrom('photo.png', 'brief.txt', ''), shortHostile),
	bytes: fc.oneof(
		fc.constant(PHOTO),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }).map((t) => Buffer.from(t)),
		fc
			.tuple(
				fc.constantFrom([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff]),
				fc.uint8Array({ maxLength: 64 }),
			)
			.map(([signature, rest]) => new Uint8Array([...signature, ...rest])),
		fc.uint8Array({ maxLength: 256 }),
	),
})

const envelope: fc.Arbitrary<Envelope> = fc.oneof(
	{ weight: 5, arbitrary: fc.constant({ kind: 'urlencoded' as const }) },
	{ weight: 3, arbitrary: fc.constant({ kind: 'multipart' as const }) },
	{
		weight: 2,
		arbitrary: fc
			.record({
				template: fc.nat(RAW_TEMPLATES - 1),
				contentType: fc.oneof(
					fc.constantFrom('application/xml', 'multipart/mixed; boundary=x', 'text/html', ''),
					fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
				),
				garbage: fc.oneof(shortHostile, fc.string({ unit: 'grapheme-ascii', maxLength: 80 })),
			})
			.map((raw) => ({ kind: 'raw' as const, raw })),
	},
)

/** A choice from a list, or something that is not one, or several where one belongs. */
const choiceOrNot = (values: readonly string[]): fc.Arbitrary<string[]> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...values).map((v) => [v]) },
		{ weight: 1, arbitrary: fc.constant<string[]>(['']) },
		{ weight: 2, arbitrary: hostile.map((v) => [v]) },
		{ weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((v) => [v]) },
		{
			weight: 1,
			arbitrary: fc.array(fc.oneof(fc.constantFrom(...values), hostile), {
				minLength: 2,
				maxLength: 3,
			}),
		},
	)

/** The intent of a form with several buttons: mostly a real one, so that the fields are reached. */
const intentOrNot = (values: readonly string[]) =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...values).map((v) => [v]) },
		{ weight: 1, arbitrary: choiceOrNot(values) },
	)

/** Checkboxes: some of a list's values, or those mixed with values not in it, repeats included. */
const listOrNot = (values: readonly string[]) =>
	fc.oneof(
		fc.subarray([...values]),
		fc.array(
			fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom(...values) },
				{ weight: 1, arbitrary: hostile },
			),
			{ maxLength: values.length + 2 },
		),
	)

/** A form schema's field names, through refinements and transforms. */
function fieldNames(schema: z.ZodTypeAny): string[] {
	if (schema instanceof z.ZodEffects) return fieldNames(schema.innerType())
	return schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
}

/**
 * Values for named fields, from `known` where a field has its own and
 * hostile text otherwise; each field is missing now and then.
 */
function fieldsFor(names: string[], known: Record<string, fc.Arbitrary<string[]>>) {
	const text = fc.oneof(hostile, fc.constantFrom('', ' \n ')).map((v) => [v])
	return fc.record(
		Object.fromEntries(
			[...new Set(names)].map((name) => [
				name,
				fc.option(Object.hasOwn(known, name) ? known[name]! : text, { nil: undefined, freq: 6 }),
			]),
		),
	)
}

const toParts = (fields: Record<string, readonly string[] | undefined>): Part[] =>
	Object.entries(fields).flatMap(([name, values]) =>
		(values ?? []).map((value): Part => ({ name, value })),
	)

// ---------------------------------------------------------------------------
// The office every property works in

let office: Promise<void> | undefined

/** A recovery key and a lead, or the form refuses every request (OfficeNotSetUpError). */
export function setUpOffice(): Promise<void> {
	office ??= (async () => {
		if (await getRecoveryPublicKey()) return
		await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
		await createStaffUser({
			email: 'fuzz-office-lead@example.ch',
			displayName: 'Fuzz lead',
			role: 'LEAD',
			password: PASSWORD,
		})
	})()
	return office
}

async function newCase(narrative: string) {
	return createRequest(
		IntakeSchema.parse({ narrative, areas: ['work'], contactMode: 'anonymous', consent: 'yes' }),
		[],
	)
}

const inList = (list: readonly string[], value: string | null) =>
	value === null || list.includes(value)
const allInList = (list: readonly string[], values: string[]) =>
	values.every((v) => list.includes(v))

// ---------------------------------------------------------------------------
// 1. The public request form

/** The intake schema's own field names. */
const INTAKE_FIELDS = fieldNames(IntakeSchema)

const INTAKE_CHOICES: Record<string, readonly string[]> = {
	requesterType: REQUESTER_TYPES,
	ongoing: ONGOING,
	ageGroup: AGE_GROUPS,
	gender: GENDERS,
	nationalityGroup: NATIONALITY_GROUPS,
	residenceStatus: RESIDENCE_STATUSES,
	interpreterNeeded: ['yes', 'no'],
}
const INTAKE_LISTS: Record<(typeof MULTI_VALUE_FIELDS)[number], readonly string[]> = {
	areas: AREAS_OF_LIFE,
	forms: DISCRIMINATION_FORMS,
	motives: MOTIVES,
	actors: ACTORS,
	wishes: WISHES,
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const one = (arbitrary: fc.Arbitrary<string>) => optional(arbitrary.map((v) => [v]))

/**
 * A request the schema accepts, hostile only where any text is allowed. Texts
 * stay within half their limit: multipart turns each line break into two
 * characters.
 */
const validIntake: fc.Arbitrary<Part[]> = fc
	.record({
		narrative: fitting(LIMITS.narrative - 1).map((text) => [`x${text}`]),
		incidentMonth: one(fc.integer({ min: 1, max: 12 }).map(String)),
		incidentYear: one(
			fc.integer({ min: new Date().getFullYear() - 10, max: new Date().getFullYear() }).map(String),
		),
		place: one(fitting(LIMITS.shortText / 2)),
		areasOther: one(fitting(LIMITS.shortText / 2)),
		formsOther: one(fitting(LIMITS.shortText / 2)),
		motivesOther: one(fitting(LIMITS.shortText / 2)),
		interpreterLanguage: one(fitting(LIMITS.shortText / 2)),
		consent: fc.constant(['yes']),
		...Object.fromEntries(
			Object.entries(INTAKE_CHOICES).map(([field, values]) => [
				field,
				one(fc.constantFrom(...values, PREFER_NOT_TO_SAY)),
			]),
		),
		...Object.fromEntries(
			Object.entries(INTAKE_LISTS).map(([field, values]) => [
				field,
				fc.oneof(fc.constant([PREFER_NOT_TO_SAY]), fc.subarray([...values])),
			]),
		),
	})
	.chain((fields) =>
		fc
			.oneof(
				fc.constant({ contactMode: ['anonymous'] }),
				fc.record({
					contactMode: fc.constant(['contact']),
					contactEmail: fc.constantFrom(['a@example.ch'], ['first.last+tag@sub.example.org']),
					contactPhone: one(fc.constantFrom('+41 71 000 00 00', '071/000.00.00')),
					contactName: one(fitting(LIMITS.shortText / 2)),
					contactTimes: one(fitting(LIMITS.contactTimes / 2)),
					preferredLanguage: one(fitting(LIMITS.shortText / 2)),
				}),
			)
			.map((contact) => toParts({ ...fields, ...contact })),
	)

type IntakeMutation =
	| { kind: 'set' | 'repeat' | 'extra'; name: string; value: string }
	| { kind: 'drop'; name: string }
	| { kind: 'file'; name: string; file: FilePart }

const intakeField = fc.constantFrom(...INTAKE_FIELDS)
const intakeMutation: fc.Arbitrary<IntakeMutation> = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), name: intakeField, value: hostile }),
	fc.record({ kind: fc.constant('repeat' as const), name: intakeField, value: hostile }),
	fc.record({ kind: fc.constant('extra' as const), name: extraName, value: hostile }),
	fc.record({
		kind: fc.constant('extra' as const),
		name: fc.constant(HONEYPOT_FIELD),
		value: shortHostile,
	}),
	fc.record({ kind: fc.constant('drop' as const), name: intakeField }),
	fc.record({
		kind: fc.constant('file' as const),
		name: fc.oneof(fc.constant(FILE_FIELD), extraName),
		file: filePart,
	}),
)

function mutate(parts: Part[], mutation: IntakeMutation): Part[] {
	switch (mutation.kind) {
		case 'set':
			return [
				...parts.filter((part) => part.name !== mutation.name),
				{ name: mutation.name, value: mutation.value },
			]
		case 'repeat':
		case 'extra':
			return [...parts, { name: mutation.name, value: mutation.value }]
		case 'drop':
			return parts.filter((part) => part.name !== mutation.name)
		case 'file':
			return [...parts, { name: mutation.name, file: mutation.file }]
	}
}

/** The signed render time: old enough, just issued (too fast), forged, junk, absent or twice. */
type TokenKind = 'old' | 'fresh' | 'forged' | 'junk' | 'none' | 'twice'

function tokenParts(kind: TokenKind, junk: string): Part[] {
	const old = issueFormToken(Date.now() - 60_000)
	const value = {
		old,
		fresh: issueFormToken(),
		forged: `${Date.now() - 60_000}.${old.split('.')[1]!.slice(1)}A`,
		junk,
		none: '',
		twice: old,
	}[kind]
	if (kind === 'none') return []
	const token = { name: FORM_TOKEN_FIELD, value }
	return kind === 'twice' ? [token, { name: FORM_TOKEN_FIELD, value: junk }] : [token]
}

const intakeInput = fc.record({
	fields: validIntake,
	mutations: fc.oneof(
		{ weight: 2, arbitrary: fc.constant<IntakeMutation[]>([]) },
		{ weight: 3, arbitrary: fc.array(intakeMutation, { minLength: 1, maxLength: 4 }) },
	),
	token: fc.oneof(
		{ weight: 4, arbitrary: fc.constant<TokenKind>('old') },
		{
			weight: 1,
			arbitrary: fc.constantFrom<TokenKind>('fresh', 'forged', 'junk', 'none', 'twice'),
		},
	),
	junk: shortHostile,
	// A real photo, named as people name files (a browser sends a file's name,
	// never an empty one or a path); it travels with multipart only.
	photo: optional(
		fc.oneof(
			fc.constantFrom('photo.png', 'Bericht; Kopie.png', 'a=b.png', 'صورة شاشة.png'),
			shortHostile
				.map((name) => [...name].filter((char) => !isControl(char)).join(''))
				.filter((name) => /[^/\\]$/.test(name)),
		),
	),
	envelope,
})

/** What the invalid answer must hand back: the text fields as posted (readIntakeValues). */
function expectedIntakeValues(parts: Part[]) {
	const values: Record<string, string | string[]> = {}
	for (const field of MULTI_VALUE_FIELDS) values[field] = []
	for (const part of parts) {
		if (!('value' in part)) continue
		const value = part.value
		const list = values[part.name]
		if ((MULTI_VALUE_FIELDS as readonly string[]).includes(part.name) && Array.isArray(list))
			list.push(value)
		else if (value !== '') values[part.name] = value
	}
	return values
}

/** Cases whose personal data are kept but which miss one of the three key grants. */
async function casesMissingAGrant() {
	const holders = ['RECOVERY', 'REPORTER', 'STAFF'] as const
	return prisma.case.findMany({
		where: {
			personalDataDeletedAt: null,
			OR: holders.map((holder) => ({ grants: { none: { holder } } })),
		},
		select: { reference: true },
		take: 3,
	})
}

/**
 * Inputs that once failed, run first every time so that a regression shows
 * in the smallest sample (here: a photo whose name the multipart parser
 * split apart, refusing the whole request).
 */
const INTAKE_EXAMPLES: Array<InputOf<typeof intakeInput>> = [
	{
		fields: toParts({ narrative: ['x'], contactMode: ['anonymous'], consent: ['yes'] }),
		mutations: [],
		token: 'old',
		junk: '',
		photo: 'Bericht; Kopie.png',
		envelope: { kind: 'multipart' },
	},
]

const intakeProperty: FuzzProperty = {
	name: 'intake (POST /request)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		return runProperty(
			this.name,
			intakeInput,
			async (input) => {
				const photo: Part[] =
					input.photo === undefined
						? []
						: [{ name: FILE_FIELD, file: { filename: input.photo, bytes: PHOTO } }]
				const parts = [
					...input.mutations.reduce(mutate, input.fields),
					...tokenParts(input.token, input.junk),
					...photo,
				]
				const before = await prisma.case.count()
				const answer = await answerOf(
					requestRoute.action,
					requestOf('http://127.0.0.1/request', parts, input.envelope),
				)
				const after = await prisma.case.count()
				const data = isRecord(answer.data) ? answer.data : {}
				const confirmed = answer.status === 200 && data.ok === true
				ensure(
					after - before === (confirmed ? 1 : 0),
					`${after - before} cases stored for a ${answer.status} answer (confirmed: ${confirmed})`,
				)
				const clean =
					sentAsBrowsersDo(input.envelope, parts) &&
					input.mutations.length === 0 &&
					input.token === 'old'
				const withPhoto = input.envelope.kind === 'multipart' && input.photo !== undefined
				if (clean)
					ensure(
						confirmed,
						`a valid request${withPhoto ? ' with a photo' : ''} was refused with ${answer.status}`,
					)

				if (confirmed) {
					ensure(typeof data.code === 'string', 'the confirmation has no code')
					// The code shown is the one that opens the new request.
					const token = await openReporterSession(data.code)
					ensure(token, 'the code on the confirmation opens nothing')
					const reporter = await getReporter(token)
					await endReporterSession(token)
					const stored = await prisma.case.findUniqueOrThrow({
						where: { id: reporter!.caseId },
						include: { _count: { select: { attachments: true } } },
					})
					if (clean)
						ensure(
							stored._count.attachments === (withPhoto ? 1 : 0),
							`a request with ${withPhoto ? 1 : 0} photos was stored with ${stored._count.attachments}`,
						)
					ensure(
						inList([...REQUESTER_TYPES, PREFER_NOT_TO_SAY], stored.reportedRequesterType) &&
							allInList([...AREAS_OF_LIFE, PREFER_NOT_TO_SAY], stored.reportedAreas) &&
							allInList([...DISCRIMINATION_FORMS, PREFER_NOT_TO_SAY], stored.reportedForms) &&
							allInList([...MOTIVES, PREFER_NOT_TO_SAY], stored.reportedMotives) &&
							allInList([...ACTORS, PREFER_NOT_TO_SAY], stored.reportedActors) &&
							allInList([...WISHES, PREFER_NOT_TO_SAY], stored.reportedWishes),
						'a stored request has answers outside the taxonomy',
					)
					const missing = await casesMissingAGrant()
					ensure(
						missing.length === 0,
						`cases without their three grants: ${missing.map((c) => c.reference).join(', ')}`,
					)
				}

				ensureErrorsNamed(answer)
				if (answer.status === 400 && isRecord(data.values)) {
					checkEcho(data.values, parts, input.envelope, (sent) =>
						expectedIntakeValues(
							sent.filter((part) => part.name !== FORM_TOKEN_FIELD && part.name !== HONEYPOT_FIELD),
						),
					)
				}
				return confirmed ? 'stored' : String(answer.status)
			},
			numRuns,
			seed,
			INTAKE_EXAMPLES,
		)
	},
}

/**
 * The values an invalid answer hands back are the strings as typed: the page
 * shows them again, and React escapes them (the end-to-end tests check the
 * escaping in a browser). Compared for the form's own fields, which every
 * encoding carries unchanged; multipart turns line breaks into CRLF, as
 * browsers do, and cuts a text beyond 2 MB.
 */
function checkEcho(
	returned: Record<string, unknown>,
	parts: Part[],
	envelope: Envelope,
	expected: (parts: Part[]) => Record<string, string | string[]>,
	fields: readonly string[] = INTAKE_FIELDS,
) {
	if (envelope.kind === 'raw') return
	if (envelope.kind === 'multipart') {
		const readable = parts.every(
			(part) =>
				plainName(part.name) &&
				(!('value' in part) || Buffer.byteLength(part.value) <= 2 * 1024 * 1024),
		)
		if (!readable) return
	}
	const sent =
		envelope.kind === 'multipart'
			? parts.map((part) =>
					'value' in part ? { ...part, value: multipartValue(part.value) } : part,
				)
			: parts
	// Undici's multipart parser (request.formData()) drops a leading byte-order
	// mark, busboy keeps it: compared without any. NUL bytes are dropped on
	// purpose (parseForm: PostgreSQL text cannot hold them).
	const comparable = (value: unknown) =>
		JSON.stringify(value, (_key, v: unknown) => {
			if (typeof v !== 'string') return v
			const text = v.replaceAll('\u0000', '')
			return envelope.kind === 'multipart' ? text.replace(/^\ufeff+/, '') : text
		})
	const wanted = expected(sent)
	for (const field of fields) {
		if (!(field in wanted)) continue
		ensure(
			comparable(returned[field]) === comparable(wanted[field]),
			`the answer changed what was typed in "${field}"`,
		)
	}
}

// ---------------------------------------------------------------------------
// 2. The follow-up page

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

type CodeInput =
	| { kind: 'hostile' | 'random'; text: string }
	| { kind: 'near'; index: number; shift: number }
	| { kind: 'right'; style: 'as shown' | 'lower case' | 'no dashes' | 'spaced' }

const codeInput: fc.Arbitrary<CodeInput> = fc.oneof(
	fc.record({ kind: fc.constant('hostile' as const), text: hostile }),
	fc.record({
		kind: fc.constant('random' as const),
		text: fc.string({
			unit: fc.constantFrom(...CROCKFORD, '-', ' '),
			minLength: 16,
			maxLength: 30,
		}),
	}),
	// The right request's lookup part with one wrong character after it.
	fc.record({
		kind: fc.constant('near' as const),
		index: fc.integer({ min: 8, max: 19 }),
		shift: fc.integer({ min: 1, max: CROCKFORD.length - 1 }),
	}),
	fc.record({
		kind: fc.constant('right' as const),
		style: fc.constantFrom('as shown', 'lower case', 'no dashes', 'spaced'),
	}),
)

function codeText(input: CodeInput, rightCode: string): string {
	const plain = rightCode.replaceAll('-', '')
	switch (input.kind) {
		case 'hostile':
		case 'random':
			return input.text
		case 'near': {
			const wrong = CROCKFORD[(CROCKFORD.indexOf(plain[input.index]!) + input.shift) % 32]!
			return plain.slice(0, input.index) + wrong + plain.slice(input.index + 1)
		}
		case 'right':
			return {
				'as shown': rightCode,
				'lower case': rightCode.toLowerCase(),
				'no dashes': plain,
				spaced: ` ${rightCode.replaceAll('-', ' ')} `,
			}[input.style]
	}
}

const followUpInput = fc.record({
	intent: intentOrNot(['open', 'reply', 'leave']),
	code: codeInput,
	session: fc.constantFrom('none', 'garbage', 'open', 'ended'),
	message: fc.oneof(hostile, fc.constantFrom('', ' \n\t ')),
	files: fc.array(filePart, { maxLength: 6 }),
	extras: extraParts,
	envelope,
})

const followUpProperty: FuzzProperty = {
	name: 'follow-up (POST /follow-up)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		const { followUpCode } = await newCase('Fuzz follow-up')
		return runProperty(
			this.name,
			followUpInput,
			async (input) => {
				const code = codeText(input.code, followUpCode)
				let cookie: string | undefined
				if (input.session === 'garbage') {
					const junk = Buffer.from(code).toString('base64url')
					cookie = `follow_up=${junk}.${junk}`
				}
				if (input.session === 'open' || input.session === 'ended') {
					const token = (await openReporterSession(followUpCode))!
					if (input.session === 'ended') await endReporterSession(token)
					cookie = `follow_up=${token.id}.${token.key.toString('base64url')}`
				}
				const parts: Part[] = [
					...input.intent.map((value) => ({ name: 'intent', value })),
					{ name: 'code', value: code },
					{ name: 'message', value: input.message },
					...input.files.map((file) => ({ name: FILE_FIELD, file })),
					...input.extras,
				]
				const [sessionsBefore, messagesBefore] = await Promise.all([
					prisma.reporterSession.count(),
					prisma.message.count(),
				])
				const answer = await answerOf(
					followUpRoute.action,
					requestOf('http://127.0.0.1/follow-up', parts, input.envelope, cookie),
				)
				const [sessionsAfter, messagesAfter] = await Promise.all([
					prisma.reporterSession.count(),
					prisma.message.count(),
				])

				const opened = cookieSet(answer, 'follow_up') !== null
				const rightCode = input.code.kind === 'right'
				const asksToOpen = input.intent[0] === 'open'
				ensure(!opened || rightCode, 'a wrong code opened a session')
				ensure(!opened || asksToOpen, `intent "${input.intent[0]}" opened a session`)
				// A URL-encoded body beyond the text limit is refused (413) before it is read.
				const readable =
					input.envelope.kind !== 'urlencoded' ||
					Buffer.byteLength(urlEncoded(parts)) <= BODY_LIMITS.maxTextBytes
				if (sentAsBrowsersDo(input.envelope, parts) && readable && rightCode && asksToOpen)
					ensure(opened, `the right code was refused with ${answer.status}`)
				const left = locationOf(answer) === '/follow-up?left=1'
				ensure(
					sessionsAfter - sessionsBefore === (opened ? 1 : 0) - (left ? 1 : 0),
					`sessions went from ${sessionsBefore} to ${sessionsAfter} (opened: ${opened}, left: ${left})`,
				)
				const sent = locationOf(answer) === '/follow-up?sent=1'
				ensure(
					messagesAfter - messagesBefore === (sent ? 1 : 0),
					`${messagesAfter - messagesBefore} messages stored for a ${answer.status} answer`,
				)

				const data = isRecord(answer.data) ? answer.data : {}
				if (answer.data !== undefined)
					ensure(typeof data.error === 'string', `a ${answer.status} answer names no error`)
				if (answer.status === 400 && typeof data.error === 'string') {
					checkEcho(
						data,
						parts,
						input.envelope,
						(posted): Record<string, string> => {
							const first = (name: string) => firstValues(posted)[name] ?? ''
							// The code comes back as far as it was read, the message trimmed.
							return 'code' in data
								? { code: first('code').slice(0, 100) }
								: { message: first('message').trim() }
						},
						['code', 'message'],
					)
				}
				if (opened) return 'session opened'
				if (sent) return 'reply stored'
				return left ? 'session left' : String(answer.status)
			},
			numRuns,
			seed,
		)
	},
}

// ---------------------------------------------------------------------------
// 3. A case's staff actions

const CASE_INTENTS = [
	'classify',
	'status',
	'service',
	'note',
	'message',
	'assign',
	'delete-personal-data',
] as const
const CASE_SCHEMAS = {
	classify: ClassificationSchema,
	status: StatusSchema,
	service: ServiceSchema,
	note: NoteSchema,
	message: MessageSchema,
	assign: AssignSchema,
} as const
/** The fields the route reads as lists: the classification's checkboxes, for that intent only. */
const caseLists = (intent: string) =>
	intent === 'classify' ? ['areas', 'forms', 'motives', 'actors'] : []

const dateText = fc.oneof(
	fc
		.date({ min: new Date('2015-01-01'), max: new Date(), noInvalidDate: true })
		.map((date) => date.toISOString().slice(0, 10)),
	fc.constantFrom(
		'0000-01-01',
		'0001-01-01',
		'1900-02-29',
		'2024-02-30',
		'2020-13-01',
		'9999-12-31',
	),
	fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
	hostile,
)

const caseInput = fc.record({
	intent: intentOrNot([...CASE_INTENTS]),
	fields: fieldsFor([...Object.values(CASE_SCHEMAS).flatMap(fieldNames), 'confirm'], {
		requesterType: choiceOrNot(REQUESTER_TYPES),
		areas: listOrNot(AREAS_OF_LIFE),
		forms: listOrNot(DISCRIMINATION_FORMS),
		motives: listOrNot(MOTIVES),
		actors: listOrNot(ACTORS),
		status: choiceOrNot(CASE_STATUSES),
		outcome: choiceOrNot(OUTCOMES),
		type: choiceOrNot(SERVICE_TYPES),
		providedOn: dateText.map((v) => [v]),
		minutes: fc
			.oneof(
				fc.integer({ min: -10, max: 2000 }).map(String),
				fc.constantFrom('1e3', ' 60 ', '0x10', 'Infinity', '1.5', ''),
				hostile,
			)
			.map((v) => [v]),
		assigneeId: fc
			.oneof(fc.constantFrom('', 'counsellor', 'lead'), fc.uuid(), hostile)
			.map((v) => [v]),
		confirm: fc.oneof(fc.constant('yes'), hostile).map((v) => [v]),
	}),
	extras: extraParts,
	reference: fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom('real', 'lower case') },
		{ weight: 1, arbitrary: hostile },
	),
	signedIn: fc.oneof(
		{ weight: 19, arbitrary: fc.constant(true) },
		{ weight: 1, arbitrary: fc.constant(false) },
	),
	envelope,
})

/** Whether the route must refuse these fields (with 400), by the form's own schema. */
function refusedBySchema(intent: string, parts: Part[]): boolean | null {
	if (!Object.hasOwn(CASE_SCHEMAS, intent)) return null
	const lists = caseLists(intent)
	const values = formValues(parts, lists)
	for (const list of lists) values[list] ??= []
	return !CASE_SCHEMAS[intent as keyof typeof CASE_SCHEMAS].safeParse(values).success
}

async function caseState(reference: string) {
	return prisma.case.findUniqueOrThrow({
		where: { reference },
		select: {
			requesterType: true,
			areas: true,
			forms: true,
			motives: true,
			actors: true,
			status: true,
			outcome: true,
			assignedToId: true,
			personalDataDeletedAt: true,
			_count: { select: { notes: true, messages: true, services: true, grants: true } },
		},
	})
}

const caseExample = (
	intent: string,
	fields: Record<string, string[]>,
	reference = 'real',
): InputOf<typeof caseInput> => ({
	intent: [intent],
	fields,
	extras: [],
	reference,
	signedIn: true,
	envelope: { kind: 'urlencoded' },
})

/** Inputs that once failed (see INTAKE_EXAMPLES): each was a 500, or worse. */
const CASE_EXAMPLES = [
	// NUL reached PostgreSQL, which refuses it in text (22021).
	caseExample('assign', { assigneeId: ['\u0000'] }),
	caseExample('note', { note: ['A note'] }, '\u0000'),
	// A year PostgreSQL's date type does not have (22008).
	caseExample('service', { type: ['information'], providedOn: ['0000-01-01'], minutes: ['30'] }),
	// Object's own members answered as intents; "constructor" handed back the
	// signed-in actor with their private key.
	caseExample('constructor', {}),
	caseExample('__proto__', {}),
]

const caseProperty: FuzzProperty = {
	name: 'staff case actions (POST /staff/cases/:reference)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		const lead = await createSignedInStaff('LEAD', 'fuzz-case-lead')
		const counsellor = await createSignedInStaff('COUNSELLOR', 'fuzz-case-counsellor')
		let { reference } = await newCase('Fuzz case')
		return runProperty(
			this.name,
			caseInput,
			async (input) => {
				const param =
					input.reference === 'real'
						? reference
						: input.reference === 'lower case'
							? reference.toLowerCase()
							: input.reference
				const ids = new Map([
					['counsellor', counsellor.user.id],
					['lead', lead.user.id],
				])
				const fields = {
					...input.fields,
					assigneeId: input.fields.assigneeId?.map((v) => ids.get(v) ?? v),
				}
				const parts = [...toParts({ intent: input.intent }), ...toParts(fields), ...input.extras]
				const before = await caseState(reference)
				const answer = await answerOf(
					caseRoute.action,
					requestOf(
						`http://127.0.0.1/staff/cases/${encodeURIComponent(param)}`,
						parts,
						input.envelope,
						input.signedIn ? lead.cookie : undefined,
					),
					{ reference: param },
				)
				const after = await caseState(reference)

				ensure(
					inList(REQUESTER_TYPES, after.requesterType) &&
						allInList(AREAS_OF_LIFE, after.areas) &&
						allInList(DISCRIMINATION_FORMS, after.forms) &&
						allInList(MOTIVES, after.motives) &&
						allInList(ACTORS, after.actors) &&
						inList(CASE_STATUSES, after.status) &&
						inList(OUTCOMES, after.outcome),
					'the case holds a classification outside the taxonomy',
				)
				const done = locationOf(answer)?.startsWith('/staff/cases/') ?? false
				if (!done)
					ensure(
						JSON.stringify(after) === JSON.stringify(before),
						`a ${answer.status} answer changed the case`,
					)

				const intent = input.intent[0] ?? ''
				const wellFormed = input.envelope.kind === 'urlencoded'
				const refused = wellFormed && input.signedIn ? refusedBySchema(intent, parts) : null
				const data = isRecord(answer.data) ? answer.data : {}
				if (refused)
					ensure(answer.status === 400, `an invalid "${intent}" was answered ${answer.status}`)
				if (refused === false)
					ensure(answer.status !== 400, `a valid "${intent}" was refused with 400`)
				ensureErrorsNamed(answer)
				// An unconfirmed deletion has nothing typed to hand back.
				if (answer.status === 400 && isRecord(data.values) && intent !== 'delete-personal-data')
					checkEcho(
						data.values,
						parts,
						input.envelope,
						(sent) => formValues(sent, caseLists(intent)),
						Object.keys(input.fields),
					)

				// An early deletion leaves nothing to work on: the next runs get a new case.
				if (after.personalDataDeletedAt) reference = (await newCase('Fuzz case')).reference
				return done ? `${intent} done` : String(answer.status)
			},
			numRuns,
			seed,
			CASE_EXAMPLES,
		)
	},
}

// ---------------------------------------------------------------------------
// 4. The staff login

const LOGIN_EMAIL = 'fuzz-login@example.ch'

const loginInput = fc.record({
	email: fc.oneof(
		{ weight: 2, arbitrary: fc.constantFrom(LOGIN_EMAIL, ` ${LOGIN_EMAIL.toUpperCase()} `) },
		{ weight: 1, arbitrary: fc.constantFrom('nobody@example.ch') },
		{ weight: 1, arbitrary: fc.emailAddress() },
		{ weight: 1, arbitrary: hostile },
	),
	password: fc.oneof(
		{ weight: 2, arbitrary: fc.constant(PASSWORD) },
		{ weight: 1, arbitrary: fc.constantFrom(`${PASSWORD} `, PASSWORD.toUpperCase(), '') },
		{ weight: 1, arbitrary: hostile },
	),
	redirectTo: optional(
		fc.oneof(
			fc.constantFrom(
				'/staff/cases',
				'//evil.example/staff',
				'https://evil.example',
				'/staff/../..',
			),
			hostile,
		),
	),
	// Without a reset, nine failures on the account throttle it for 15 minutes.
	resetThrottle: fc.boolean(),
	extras: extraParts,
	envelope,
})

/** Inputs that once failed (see INTAKE_EXAMPLES): a body that is no form was a 500. */
const LOGIN_EXAMPLES: Array<InputOf<typeof loginInput>> = [
	{
		email: LOGIN_EMAIL,
		password: PASSWORD,
		redirectTo: undefined,
		resetThrottle: true,
		extras: [],
		envelope: { kind: 'raw', raw: { template: 1, contentType: '', garbage: '' } },
	},
]

const loginProperty: FuzzProperty = {
	name: 'staff login (POST /staff/login)',
	runs: (base) => Math.max(4, Math.round(base / 10)),
	async run(numRuns, seed) {
		await createStaffUser({
			email: LOGIN_EMAIL,
			displayName: 'Fuzz login',
			role: 'COUNSELLOR',
			password: PASSWORD,
		})
		return runProperty(
			this.name,
			loginInput,
			async (input) => {
				if (input.resetThrottle) await forgetFailedLogins(LOGIN_EMAIL)
				const parts: Part[] = [
					{ name: 'email', value: input.email },
					{ name: 'password', value: input.password },
					...(input.redirectTo === undefined
						? []
						: [{ name: 'redirectTo', value: input.redirectTo }]),
					...input.extras,
				]
				const answer = await answerOf(
					loginRoute.action,
					requestOf('http://127.0.0.1/staff/login', parts, input.envelope),
				)
				const session = cookieSet(answer, 'staff_session') !== null
				const rightAccount = input.email.trim().toLowerCase() === LOGIN_EMAIL
				const rightPassword = input.password === PASSWORD
				ensure(!session || (rightAccount && rightPassword), 'a wrong password opened a session')
				if (
					sentAsBrowsersDo(input.envelope, parts) &&
					rightAccount &&
					rightPassword &&
					answer.status !== 429
				)
					ensure(session, `the right password was refused with ${answer.status}`)
				const location = locationOf(answer)
				if (location !== null) {
					const next = new URL(location, 'http://127.0.0.1').searchParams.get('redirectTo') ?? ''
					ensure(
						location.startsWith('/staff/two-factor?') &&
							next.startsWith('/staff') &&
							!next.startsWith('//'),
						`the login sends to ${location.slice(0, 100)}`,
					)
				}
				ensureErrorsNamed(answer)
				const data = isRecord(answer.data) ? answer.data : {}
				if (answer.status === 400 && 'email' in data && data.email !== undefined)
					checkEcho(data, parts, input.envelope, (sent) => formValues(sent), ['email'])
				return session ? 'half-open session' : String(answer.status)
			},
			numRuns,
			seed,
			LOGIN_EXAMPLES,
		)
	},
}

// ---------------------------------------------------------------------------
// 5. The admin's pages (staff accounts and settings)

/** A number field: mostly in its range, sometimes just outside, sometimes not a number. */
const numberOrNot = (min: number, max: number) =>
	fc
		.oneof(
			{ weight: 3, arbitrary: fc.integer({ min, max }).map(String) },
			{ weight: 1, arbitrary: fc.integer({ min: min - 5, max: max + 5 }).map(String) },
			{ weight: 1, arbitrary: hostile },
		)
		.map((v) => [v])

const adminInput = fc.record({
	page: fc.constantFrom('users', 'settings'),
	intent: intentOrNot([
		'invite',
		'role',
		'deactivate',
		'reactivate',
		'reset-two-factor',
		'reset-password',
		'revoke-invitation',
	]),
	fields: fieldsFor(
		[
			...[InvitationSchema, RoleChangeSchema, SettingsSchema].flatMap(fieldNames),
			'userId',
			'invitationId',
		],
		{
			userId: fc.oneof(fc.constantFrom('bystander', 'self'), fc.uuid(), hostile).map((v) => [v]),
			invitationId: fc.oneof(fc.uuid(), hostile).map((v) => [v]),
			email: fc.oneof(fc.emailAddress(), hostile).map((v) => [v]),
			role: choiceOrNot(STAFF_ROLES),
			contactEmail: fc
				.oneof(fc.constantFrom('', 'office@example.ch'), fc.emailAddress(), hostile)
				.map((v) => [v]),
			contactPhone: fc.oneof(fitting(60), hostile).map((v) => [v]),
			retentionMonths: numberOrNot(1, 240),
			statisticsThreshold: numberOrNot(1, 100),
		},
	),
	extras: extraParts,
	envelope,
})

const adminExample = (
	page: 'users' | 'settings',
	intent: string,
	fields: Record<string, string[]>,
): InputOf<typeof adminInput> => ({
	page,
	intent: [intent],
	fields,
	extras: [],
	envelope: { kind: 'urlencoded' },
})

/** Inputs that once failed (see INTAKE_EXAMPLES): each was a 500. */
const ADMIN_EXAMPLES = [
	// NUL reached PostgreSQL, which refuses it in text (22021).
	adminExample('settings', '', {
		officeName: ['Anlauf\u0000stelle'],
		retentionMonths: ['24'],
		statisticsThreshold: ['5'],
	}),
	adminExample('users', 'deactivate', { userId: ['\u0000'] }),
	adminExample('users', 'invite', {
		email: ['new-fuzz@example.ch'],
		displayName: ['Ne\u0000w'],
		role: ['COUNSELLOR'],
	}),
	// An account that does not exist (Prisma's "record not found").
	adminExample('users', 'reset-password', { userId: ['00000000-0000-4000-8000-000000000000'] }),
]

const adminProperty: FuzzProperty = {
	name: 'admin actions (POST /staff/admin/users, /staff/admin/settings)',
	runs: (base) => base,
	async run(numRuns, seed) {
		let admins = 0
		let admin = await createSignedInStaff('ADMIN', `fuzz-admin-${admins}`)
		const bystander = await createSignedInStaff('COUNSELLOR', 'fuzz-bystander')
		return runProperty(
			this.name,
			adminInput,
			async (input) => {
				const ids = new Map([
					['bystander', bystander.user.id],
					['self', admin.user.id],
				])
				const fields = {
					...input.fields,
					userId: input.fields.userId?.map((v) => ids.get(v) ?? v),
				}
				const parts = [
					...(input.page === 'users' ? toParts({ intent: input.intent }) : []),
					...toParts(fields),
					...input.extras,
				]
				const route = input.page === 'users' ? adminUsersRoute : adminSettingsRoute
				const answer = await answerOf(
					route.action,
					requestOf(
						`http://127.0.0.1/staff/admin/${input.page}`,
						parts,
						input.envelope,
						admin.cookie,
					),
				)

				const [self, settings] = await Promise.all([
					prisma.staffUser.findUniqueOrThrow({ where: { id: admin.user.id } }),
					prisma.officeSettings.findUnique({ where: { id: 1 } }),
				])
				ensure(self.role === 'ADMIN' && self.active, 'the admin changed their own account')
				// Resetting one's own second factor ends one's sessions, and only that does.
				if (!(await readStaffSession(admin.token))) {
					ensure(
						input.page === 'users' &&
							input.intent[0] === 'reset-two-factor' &&
							fields.userId?.[0] === admin.user.id,
						'the admin was signed out',
					)
					admin = await createSignedInStaff('ADMIN', `fuzz-admin-${++admins}`)
				}
				if (settings)
					ensure(
						settings.retentionMonths >= 1 &&
							settings.retentionMonths <= 240 &&
							settings.statisticsThreshold >= 1 &&
							settings.statisticsThreshold <= 100 &&
							settings.officeName.trim().length > 0,
						'the settings hold a value the form refuses',
					)
				const data = isRecord(answer.data) ? answer.data : {}
				ensureErrorsNamed(answer)
				if (answer.status === 400 && isRecord(data.values) && Object.keys(data.values).length) {
					checkEcho(
						data.values,
						parts,
						input.envelope,
						(sent) => formValues(sent),
						// A field posted twice comes back as its first value from the
						// form and as its last after a taken e-mail: both are what was typed.
						Object.keys(input.fields).filter(
							(name) => fields[name as keyof typeof fields]?.length === 1,
						),
					)
				}
				return `${input.page} ${answer.status}`
			},
			numRuns,
			seed,
			ADMIN_EXAMPLES,
		)
	},
}

export const FUZZ_PROPERTIES: FuzzProperty[] = [
	intakeProperty,
	followUpProperty,
	caseProperty,
	loginProperty,
	adminProperty,
]
