// How easily a new staff password is guessed, estimated by zxcvbn-ts with
// its common, German and English dictionaries and the person's own name and
// address. A thief of the database can guess offline, and one lead's
// password opens every case (decision 0016), so a password must need at
// least 10^10 guesses (zxcvbn's top score, 4) besides its 12 characters.
//
// The estimate runs in a worker thread. Its dictionaries take a second or
// two and about 100 MiB to load, for a password set now and then: the
// worker is started when a page that sets one is shown (or, failing that,
// when one is to be checked), kept for the minute in which a person types
// and tries another, and then ended, which gives the memory back. A
// crafted password that makes the estimate slow (its l33t and repeat
// matching grow fast with length) takes the worker's time, never the event
// loop's, and ends the worker after 10 seconds. One estimate runs at a time,
// a few wait, the rest are told "busy". Server-side only: the browser
// checks the length, and the dictionaries (several MiB) never reach the page.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { z } from 'zod'
import { BusyError, BusyGate } from '~/platform/busy-gate.server'
import { errorSummary, getLogger } from '~/platform/logger.server'
import { MIN_PASSWORD_LENGTH } from './password-policy'

/** zxcvbn's score 4: at least 10^10 guesses. */
export const MIN_GUESSES_LOG10 = 10

/**
 * Only the beginning is estimated: the estimate's time grows steeply with
 * length, and a password whose first 64 characters are strong is strong.
 */
const ESTIMATED_LENGTH = 64
/** The l33t matcher tries this many substitutions at most (zxcvbn-ts: 100), its slowest part. */
const L33T_SUBSTITUTIONS = 16
/**
 * Longer than any real password takes, loading the dictionaries included on
 * two busy cores (a cold worker took over 10 s in a loaded test run); a
 * worker still busy then is ended and the password refused.
 */
const TIMEOUT_MS = 30_000
const IDLE_MS = 60_000

/** Words anyone guessing a password of this office tries first. */
const OFFICE_WORDS = [
	'anlaufstelle',
	'beratung',
	'beratungsstelle',
	'leitung',
	'administration',
	'statistik',
	'rassismus',
	'diskriminierung',
	'sankt gallen',
	'st. gallen',
	'stgallen',
]

/** Why a password was refused: each has its explanation, `errors.passwordWeak.<reason>` (staff). */
export const WEAKNESSES = [
	'personal',
	'common',
	'dates',
	'repeat',
	'sequence',
	'keyboard',
	'names',
	'words',
	'simple',
] as const
export type Weakness = (typeof WEAKNESSES)[number]

export type Strength = { strong: true } | { strong: false; weakness: Weakness }

type Estimate = {
	guessesLog10: number
	/** The matches of zxcvbn's most guessable reading of the password. */
	sequence: Array<{ pattern: string; dictionaryName?: string; regexName?: string }>
}

const packages = createRequire(import.meta.url)
const MODULES = {
	core: packages.resolve('@zxcvbn-ts/core'),
	common: packages.resolve('@zxcvbn-ts/language-common'),
	de: packages.resolve('@zxcvbn-ts/language-de'),
	en: packages.resolve('@zxcvbn-ts/language-en'),
}

// The worker, as plain CommonJS: it must run as it is, from the source in
// the tests and from the server build, where no worker file of its own
// exists. Dictionaries of both languages share names (commonWords,
// firstnames, …), so each keeps its language in its name.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { modules, options } = workerData
const { zxcvbn, zxcvbnOptions } = require(modules.core)
const common = require(modules.common)
const named = (dictionary, language) =>
	Object.fromEntries(Object.entries(dictionary).map(([name, words]) => [name + '-' + language, words]))
zxcvbnOptions.setOptions({
	...options,
	graphs: common.adjacencyGraphs,
	dictionary: {
		...common.dictionary,
		...named(require(modules.de).dictionary, 'de'),
		...named(require(modules.en).dictionary, 'en'),
	},
})
parentPort.on('message', ({ passwords, userInputs }) => {
	parentPort.postMessage(passwords.map((password) => {
		const result = zxcvbn(password.slice(0, options.maxLength), userInputs)
		return {
			guessesLog10: result.guessesLog10,
			sequence: result.sequence.map(({ pattern, dictionaryName, regexName }) => ({ pattern, dictionaryName, regexName })),
		}
	}))
})
`

const gate = new BusyGate(1, 8)
type WarmWorker = { worker: Worker; idle?: NodeJS.Timeout }
let warm: WarmWorker | null = null

function startWorker() {
	const worker = new Worker(WORKER, {
		eval: true,
		workerData: {
			modules: MODULES,
			options: { l33tMaxSubstitutions: L33T_SUBSTITUTIONS, maxLength: ESTIMATED_LENGTH },
		},
	})
	const started: WarmWorker = { worker }
	worker.once('exit', () => {
		if (warm === started) warm = null
	})
	// An estimate waiting for it hears of a failure too (estimate()); this
	// keeps one while it idles from ending the process.
	worker.on('error', (error) => {
		getLogger().error({ error: errorSummary(error) }, 'password strength worker failed')
	})
	warm = started
	return started
}

const endWhenIdle = (started: WarmWorker) => {
	started.idle = setTimeout(() => void started.worker.terminate(), IDLE_MS).unref()
}

/**
 * Starts loading the dictionaries when a page that sets a password is
 * shown, so that its answer does not wait for them; ended after a minute
 * unless an estimate comes.
 */
export function prepareStrengthCheck(): void {
	if (warm) return
	const started = startWorker()
	started.worker.unref()
	endWhenIdle(started)
}

/** zxcvbn's estimate of each password, in one turn of the worker. */
function estimate(passwords: string[], userInputs: string[]): Promise<Estimate[] | 'timeout'> {
	return gate.run(
		() =>
			new Promise((resolve, reject) => {
				const current = warm ?? startWorker()
				clearTimeout(current.idle)
				const { worker } = current
				// Kept alive while it estimates (a command such as `npm run setup`
				// waits for it), never while it idles.
				worker.ref()
				const done = () => {
					clearTimeout(timer)
					worker.off('message', answer)
					worker.off('error', fail)
				}
				const answer = (result: Estimate[]) => {
					done()
					worker.unref()
					endWhenIdle(current)
					resolve(result)
				}
				const fail = (error: Error) => {
					done()
					reject(error)
				}
				const timer = setTimeout(() => {
					done()
					void worker.terminate()
					resolve('timeout')
				}, TIMEOUT_MS)
				worker.on('message', answer)
				worker.on('error', fail)
				worker.postMessage({ passwords, userInputs })
			}),
	)
}

/**
 * What a guesser of this person's password tries: their address, its parts,
 * their name and its parts, and the office's own words.
 */
export function personalWords(...texts: Array<string | undefined>): string[] {
	const words = texts.flatMap((text) => {
		const value = text?.trim().toLowerCase()
		if (!value) return []
		return [value, ...value.split(/[\s@.+_-]+/)]
	})
	return [...new Set([...words.filter((word) => word.length >= 3), ...OFFICE_WORDS])]
}

/** The most telling reason zxcvbn's reading of the password gives. */
function weaknessOf({ sequence }: Estimate): Weakness {
	const dictionary = (prefix: string) =>
		sequence.some((match) => match.dictionaryName?.startsWith(prefix))
	const patterns = new Set(sequence.map((match) => match.pattern))
	if (dictionary('userInputs')) return 'personal'
	if (dictionary('passwords')) return 'common'
	if (patterns.has('date') || sequence.some((match) => match.regexName === 'recentYear')) {
		return 'dates'
	}
	if (patterns.has('repeat')) return 'repeat'
	if (patterns.has('sequence')) return 'sequence'
	if (patterns.has('spatial')) return 'keyboard'
	if (dictionary('firstnames') || dictionary('lastnames')) return 'names'
	if (patterns.has('dictionary')) return 'words'
	return 'simple'
}

/**
 * Whether the password needs at least 10^10 guesses, and if not, why. What
 * is left of it without the person's and the office's words must pass on
 * its own: zxcvbn counts "Muster.Anna.1990" strong for its five parts, but
 * whoever targets Anna Muster tries her name first.
 */
export async function assessPassword(password: string, userInputs: string[]): Promise<Strength> {
	const lower = password.toLowerCase()
	const rest = [...userInputs]
		.sort((a, b) => b.length - a.length)
		.reduce((left, word) => left.split(word).join(' '), lower)
	const withoutWords = rest === lower ? [] : [rest.replace(/\s+/g, ' ').trim()]
	const results = await estimate([password, ...withoutWords], userInputs)
	if (results === 'timeout') return { strong: false, weakness: 'simple' }
	const [whole, remainder] = results as [Estimate, Estimate | undefined]
	if (whole.guessesLog10 < MIN_GUESSES_LOG10) return { strong: false, weakness: weaknessOf(whole) }
	if (remainder && remainder.guessesLog10 < MIN_GUESSES_LOG10) {
		return { strong: false, weakness: 'personal' }
	}
	return { strong: true }
}

/**
 * The schema of a form that sets a staff password, with the strength check
 * after its own: parse it with `parseSubmissionAsync`. `words` names what
 * else a guesser would try (personalWords). A password the length rule
 * refused is not estimated; when too many estimates wait, the form is
 * refused with "try again".
 */
export function withStrongPassword<
	Schema extends z.ZodType<{ password: string }, z.ZodTypeDef, unknown>,
>(schema: Schema, words: (value: z.output<Schema>) => string[]) {
	const refined = schema.superRefine(async (value, context) => {
		if (value.password.length < MIN_PASSWORD_LENGTH) return
		const refuse = (message: string) =>
			context.addIssue({ code: 'custom', path: ['password'], message })
		try {
			const strength = await assessPassword(value.password, words(value as z.output<Schema>))
			if (!strength.strong) refuse(`errors.passwordWeak.${strength.weakness}`)
		} catch (error) {
			if (!(error instanceof BusyError)) throw error
			refuse('errors.passwordCheckBusy')
		}
	})
	// superRefine types its value by the constraint; the schema's own types stay.
	return refined as unknown as z.ZodEffects<Schema, z.output<Schema>, z.input<Schema>>
}
