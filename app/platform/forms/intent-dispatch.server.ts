// One way for a page with several forms to run the one that was sent. Each
// form's submit button posts `intent`; the page names a handler per intent,
// with the schema of that form. The dispatcher reads the intent, parses the
// form, runs the handler and turns the feature's errors into answers, the
// same way on every page.
import type { Submission, SubmissionResult } from '@conform-to/zod/v3'
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { ForbiddenError } from '../permissions'
import { parseSubmissionAsync } from './parse-submission.server'

type ErrorClass = abstract new (...args: never[]) => Error

/** A form's handler: its schema, and what to do with what passed it. */
export type IntentHandler<Result> = {
	schema: z.ZodTypeAny
	// `never`: a handler of any schema's value fits; the dispatcher hands it the value its own schema parsed.
	run: (value: never, submission: Submission<unknown, string[], unknown>) => Promise<Result>
}

export function intent<Schema extends z.ZodTypeAny, Result>(
	schema: Schema,
	run: (
		value: z.output<Schema>,
		submission: Submission<z.input<Schema>, string[], z.output<Schema>>,
	) => Promise<Result>,
): IntentHandler<Result> {
	return { schema, run: run as IntentHandler<Result>['run'] }
}

/** A refused form: whose it was (the page shows the reply with that form only) and Conform's reply. */
export type IntentFailure = { intent: string; result: SubmissionResult<string[]> }

/** A feature error the page explains next to the form, with the answer's status. */
export type ExplainedError = {
	error: ErrorClass
	status: number
	/** A translation key. */
	message: string
	/** The field the message belongs to; the whole form when absent. */
	field?: string
}

type Options = {
	/** Feature errors that mean "no such thing in your scope": 404. */
	notFound?: readonly ErrorClass[]
	explain?: readonly ExplainedError[]
	/** Fields whose values never come back to the page (passwords). */
	hideFields?: string[]
}

type Results<Handlers> = {
	[Key in keyof Handlers]: Handlers[Key] extends IntentHandler<infer Result> ? Result : never
}[keyof Handlers]

/**
 * Runs the handler the posted `intent` names, looked up among the object's
 * own keys only: "constructor" or "__proto__" must not reach Object's
 * members (the fuzzer once got the signed-in actor back that way). An
 * unknown intent is a 400; a form its schema refuses comes back with
 * Conform's reply (400). A ForbiddenError is a 403 and a `notFound` error a
 * 404, unless the page explains it (`explain`); anything else is a bug.
 */
export async function dispatchIntent<Handlers extends Record<string, IntentHandler<unknown>>>(
	formData: FormData,
	handlers: Handlers,
	{ notFound = [], explain = [], hideFields }: Options = {},
) {
	const name = formData.get('intent')
	const handler =
		typeof name === 'string' && Object.hasOwn(handlers, name) ? handlers[name] : undefined
	if (typeof name !== 'string' || !handler) throw new Response('Bad request', { status: 400 })
	// Async: a handler's schema may hold checks only the server runs (a new password's strength).
	const submission = await parseSubmissionAsync(formData, handler.schema)
	const refuse = (status: number, reply: SubmissionResult<string[]>) =>
		data<IntentFailure>({ intent: name, result: reply }, { status })
	if (submission.status !== 'success') return refuse(400, submission.reply({ hideFields }))
	try {
		return (await handler.run(submission.value as never, submission)) as Results<Handlers>
	} catch (error) {
		const explained = explain.find((known) => error instanceof known.error)
		if (explained) {
			const message = [explained.message]
			return refuse(
				explained.status,
				submission.reply(
					explained.field
						? { fieldErrors: { [explained.field]: message }, hideFields }
						: { formErrors: message, hideFields },
				),
			)
		}
		if (error instanceof ForbiddenError) throw new Response('Forbidden', { status: 403 })
		if (notFound.some((type) => error instanceof type)) {
			throw new Response('Not found', { status: 404 })
		}
		throw error
	}
}
