import fc from 'fast-check'
import { forgetFailedLogins } from '~/features/staff-auth/login.server'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import * as loginRoute from '~/routes/staff.login'
import { PASSWORD } from '../../support/staff'
import { envelope, extraParts, hostile } from '../arbitraries'
import { optional } from '../arbitraries'
import {
	type Part,
	checkEcho,
	conformValues,
	echoedFields,
	hasConformFields,
	requestOf,
	sentAsBrowsersDo,
} from '../bodies'
import {
	type FuzzProperty,
	type InputOf,
	answerOf,
	cookieSet,
	ensure,
	ensureErrorsNamed,
	isRecord,
	locationOf,
	runProperty,
} from '../runner'

// ---------------------------------------------------------------------------
// 4. The staff login

export const LOGIN_EMAIL = 'fuzz-login@example.ch'

export const loginInput = fc.record({
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
export const LOGIN_EXAMPLES: Array<InputOf<typeof loginInput>> = [
	{
		email: LOGIN_EMAIL,
		password: PASSWORD,
		redirectTo: undefined,
		resetThrottle: true,
		extras: [],
		envelope: { kind: 'raw', raw: { template: 1, contentType: '', garbage: '' } },
	},
]

export const loginProperty: FuzzProperty = {
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
					!hasConformFields(parts) &&
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
				if (answer.status === 400 && isRecord(data.initialValue))
					checkEcho(
						data.initialValue,
						parts,
						input.envelope,
						conformValues,
						echoedFields(['email'], parts),
					)
				ensure(
					!isRecord(data.initialValue) || !('password' in data.initialValue),
					'the answer hands the typed password back',
				)
				return session ? 'half-open session' : String(answer.status)
			},
			numRuns,
			seed,
			LOGIN_EXAMPLES,
		)
	},
}
