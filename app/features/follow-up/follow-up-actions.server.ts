// The follow-up page's posts: open a case with its code, reply, leave. The
// body is read under the same limits as the form's, every field through a
// zod schema; wrong codes count towards the client's limit.
import { data, redirect } from '@remix-run/node'
import {
	BodyTooLargeError,
	MalformedBodyError,
	parseFormWithFiles,
} from '~/features/attachments/multipart.server'
import { fileErrorKey, prepareAttachments } from '~/features/attachments/prepare.server'
import { BODY_LIMITS } from '~/features/intake/submit-intake.server'
import { isOfficeSetUp } from '~/features/staff-admin/office-setup.server'
import { RATE_LIMITS, refundAttempt, takeAttempt } from '~/features/rate-limit/rate-limit.server'
import { reporterSessionCookie } from '~/platform/sessions/token-cookie.server'
import { getLanguage } from '~/platform/i18n/language.server'
import { addReporterMessage, getFollowUpView, setReplyNotice } from './follow-up.server'
import {
	OpenCaseSchema,
	ReplyNoticeSchema,
	ReplySchema,
	WithdrawalSchema,
	type FollowUpFailure,
	type WithdrawalAsking,
} from './follow-up-schema'
import { endReporterSession, getReporter, openReporterSession } from './reporter-session.server'
import { withdrawRequest } from './withdrawal.server'

// Case data is shown here: never cached, by the browser or anyone between.
export const NO_STORE = { 'Cache-Control': 'no-store' }

const refused = (failure: FollowUpFailure) => data(failure, { status: 400, headers: NO_STORE })

export async function handleFollowUpPost(request: Request, clientKey: Buffer) {
	let parsed
	try {
		parsed = await parseFormWithFiles(request, BODY_LIMITS)
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw new Response('Payload too large', { status: 413 })
		if (error instanceof MalformedBodyError) throw new Response('Bad request', { status: 400 })
		throw error
	}
	// The first value of each field, as FormData.get reads it.
	const fields = Object.fromEntries(
		[...parsed.fields.keys()].map((key) => [key, parsed.fields.get(key)]),
	)
	const intent = fields.intent

	if (intent === 'open') {
		// Every try counts before it is tried, so parallel wrong codes never pass
		// the limit (the tenth in a row is refused); a right one is given back.
		const takenAt = new Date()
		if (!(await takeAttempt(RATE_LIMITS.codeLookup, clientKey, takenAt))) {
			throw new Response('Too many requests', { status: 429 })
		}
		const form = OpenCaseSchema.safeParse(fields)
		const code = form.success ? form.data.code : ''
		const token = code ? await openReporterSession(code) : null
		if (!token) return refused({ error: 'followup:wrongCode', code: code.slice(0, 100) })
		await refundAttempt(RATE_LIMITS.codeLookup, clientKey, takenAt)
		return redirect('/follow-up', {
			headers: { 'Set-Cookie': reporterSessionCookie.serialize(request, token) },
		})
	}

	const token = reporterSessionCookie.read(request)
	const reporter = token ? await getReporter(token) : null
	if (!token || !reporter) {
		return redirect('/follow-up', {
			headers: { 'Set-Cookie': reporterSessionCookie.clear(request) },
		})
	}

	if (intent === 'leave') {
		await endReporterSession(token)
		return redirect('/follow-up?left=1', {
			headers: { 'Set-Cookie': reporterSessionCookie.clear(request) },
		})
	}

	if (intent === 'withdraw') {
		const form = WithdrawalSchema.safeParse(fields)
		if (!form.success) throw new Response('Bad request', { status: 400 })
		// The first post only asks (WithdrawalSection shows the question).
		if (!form.data.confirmed) return data<WithdrawalAsking>({ asking: true }, { headers: NO_STORE })
		// The deletion ends every session of the case; this cookie goes too. A
		// withdrawal that found nothing left (another tab was first) ends the same way.
		await withdrawRequest(reporter)
		return redirect('/follow-up?withdrawn=1', {
			headers: { 'Set-Cookie': reporterSessionCookie.clear(request) },
		})
	}

	if (intent === 'reply') {
		const typed = typeof fields.message === 'string' ? fields.message.trim() : ''
		const { prepared, errors } = prepareAttachments(parsed.files, parsed.fileProblems)
		const fileError = errors[0]
		if (fileError) {
			return refused({
				error: `intake:${fileErrorKey(fileError)}`,
				name: fileError.name,
				message: typed,
			})
		}
		const form = ReplySchema.safeParse(fields)
		if (!form.success) {
			return refused({
				error: form.error.issues[0]?.message ?? 'intake:errors.tooLong',
				message: typed,
			})
		}
		if (!form.data.message && prepared.length === 0) {
			return refused({ error: 'followup:messageRequired', message: typed })
		}
		await addReporterMessage(reporter, form.data.message, prepared)
		return redirect('/follow-up?sent=1')
	}

	if (intent === 'notice') {
		const form = ReplyNoticeSchema.safeParse(fields)
		if (!form.success) throw new Response('Bad request', { status: 400 })
		const on = form.data.replyNotice === 'yes'
		if (!(await setReplyNotice(reporter, on, getLanguage(request, 'public')))) {
			throw new Response('Bad request', { status: 400 })
		}
		return redirect(`/follow-up?notice=${on ? 'on' : 'off'}`)
	}
	throw new Response('Bad request', { status: 400 })
}

/** The page's data: the reporter's case when the cookie opens one, else the code form. */
export async function loadFollowUpPage(request: Request) {
	const url = new URL(request.url)
	const noticeSaved = url.searchParams.get('notice')
	const notice = url.searchParams.get('sent')
		? 'sent'
		: url.searchParams.get('withdrawn')
			? 'withdrawn'
			: url.searchParams.get('left')
				? 'left'
				: noticeSaved === 'on' || noticeSaved === 'off'
					? (`notice.${noticeSaved}` as const)
					: null
	const token = reporterSessionCookie.read(request)
	const reporter = token ? await getReporter(token) : null
	if (!reporter) {
		return {
			view: null,
			notice: token ? ('expired' as const) : notice,
			// Before setup no request exists that a code could open.
			open: await isOfficeSetUp(),
			// A cookie that no longer opens anything is cleared.
			headers: token
				? { ...NO_STORE, 'Set-Cookie': reporterSessionCookie.clear(request) }
				: NO_STORE,
		}
	}
	return { view: await getFollowUpView(reporter), notice, open: true, headers: NO_STORE }
}
