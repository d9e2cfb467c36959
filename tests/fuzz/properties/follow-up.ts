import fc from 'fast-check'
import { prisma } from '~/platform/db.server'
import { FILE_FIELD } from '~/features/intake/intake-schema'
import { BODY_LIMITS } from '~/features/intake/submit-intake.server'
import {
	endReporterSession,
	openReporterSession,
} from '~/features/follow-up/reporter-session.server'
import * as followUpRoute from '~/routes/follow-up'
import { envelope, extraParts, filePart, hostile, intentOrNot } from '../arbitraries'
import { type Part, firstValues, requestOf, sentAsBrowsersDo, urlEncoded } from '../bodies'
import { newCase, setUpOffice } from '../office'
import { checkEcho } from '../bodies'
import {
	type FuzzProperty,
	answerOf,
	cookieSet,
	ensure,
	isRecord,
	locationOf,
	runProperty,
} from '../runner'

// ---------------------------------------------------------------------------
// 2. The follow-up page

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export type CodeInput =
	| { kind: 'hostile' | 'random'; text: string }
	| { kind: 'near'; index: number; shift: number }
	| { kind: 'right'; style: 'as shown' | 'lower case' | 'no dashes' | 'spaced' }

export const codeInput: fc.Arbitrary<CodeInput> = fc.oneof(
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

export function codeText(input: CodeInput, rightCode: string): string {
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

export const followUpInput = fc.record({
	intent: intentOrNot(['open', 'reply', 'leave', 'withdraw']),
	code: codeInput,
	// A withdrawal's second step, a forged value, or none (the first step).
	confirmed: fc.option(fc.oneof(fc.constant('yes'), hostile), { nil: undefined }),
	session: fc.constantFrom('none', 'garbage', 'open', 'ended'),
	message: fc.oneof(hostile, fc.constantFrom('', ' \n\t ')),
	files: fc.array(filePart, { maxLength: 6 }),
	extras: extraParts,
	envelope,
})

export const followUpProperty: FuzzProperty = {
	name: 'follow-up (POST /follow-up)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		// A withdrawal ends the case's code: the next run gets a new case.
		let current = await newCase('Fuzz follow-up')
		return runProperty(
			this.name,
			followUpInput,
			async (input) => {
				const { followUpCode } = current
				const caseOf = { case: { reference: current.reference } }
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
					...(input.confirmed === undefined ? [] : [{ name: 'confirmed', value: input.confirmed }]),
					...input.files.map((file) => ({ name: FILE_FIELD, file })),
					...input.extras,
				]
				const [sessionsBefore, messagesBefore, caseSessions, caseMessages] = await Promise.all([
					prisma.reporterSession.count(),
					prisma.message.count(),
					prisma.reporterSession.count({ where: caseOf }),
					prisma.message.count({ where: caseOf }),
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
				// A withdrawal deletes every session and message of the case.
				const withdrawn = locationOf(answer) === '/follow-up?withdrawn=1'
				ensure(
					!withdrawn ||
						(input.intent[0] === 'withdraw' &&
							input.confirmed === 'yes' &&
							input.session === 'open'),
					'a withdrawal without an open session and its confirmation',
				)
				ensure(
					sessionsAfter - sessionsBefore ===
						(opened ? 1 : 0) - (left ? 1 : 0) - (withdrawn ? caseSessions : 0),
					`sessions went from ${sessionsBefore} to ${sessionsAfter} (opened: ${opened}, left: ${left}, withdrawn: ${withdrawn})`,
				)
				const sent = locationOf(answer) === '/follow-up?sent=1'
				ensure(
					messagesAfter - messagesBefore === (sent ? 1 : 0) - (withdrawn ? caseMessages : 0),
					`${messagesAfter - messagesBefore} messages stored for a ${answer.status} answer`,
				)
				if (withdrawn) {
					ensure(
						(await openReporterSession(followUpCode)) === null,
						'the code still opens a withdrawn request',
					)
					current = await newCase('Fuzz follow-up')
				}

				const data = isRecord(answer.data) ? answer.data : {}
				// The withdrawal's first step asks, and only with an open session.
				const asking = data.asking === true
				ensure(
					!asking || (input.intent[0] === 'withdraw' && input.session === 'open'),
					'asked to withdraw without an open session',
				)
				if (answer.data !== undefined && !asking)
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
				if (withdrawn) return 'withdrawn'
				if (asking) return 'asked to withdraw'
				return left ? 'session left' : String(answer.status)
			},
			numRuns,
			seed,
		)
	},
}
