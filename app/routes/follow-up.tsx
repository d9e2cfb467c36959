import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	BodyTooLargeError,
	MalformedBodyError,
	parseFormWithFiles,
} from '~/features/attachments/multipart.server'
import { fileErrorKey, prepareAttachments } from '~/features/attachments/prepare.server'
import { LIMITS } from '~/features/intake/intake-schema'
import { reporterSessionCookie } from '~/platform/sessions/token-cookie.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { BODY_LIMITS } from '~/features/intake/submit-intake.server'
import { addReporterMessage, getFollowUpView } from '~/features/follow-up/follow-up.server'
import { isOfficeSetUp } from '~/features/staff-admin/office-setup.server'
import { isLimited, RATE_LIMITS, record, reset } from '~/features/rate-limit/rate-limit.server'
import {
	endReporterSession,
	getReporter,
	openReporterSession,
} from '~/features/follow-up/reporter-session.server'

// Case data is shown here: never cached, by the browser or anyone between.
const NO_STORE = { 'Cache-Control': 'no-store' }

export async function loader({ request }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const url = new URL(request.url)
	const notice = url.searchParams.get('sent')
		? 'sent'
		: url.searchParams.get('left')
			? 'left'
			: null
	const token = reporterSessionCookie.read(request)
	const reporter = token ? await getReporter(token) : null
	if (!reporter) {
		return data(
			{
				title: t('followup:pageTitle'),
				view: null,
				notice: token ? ('expired' as const) : notice,
				// Before setup no request exists that a code could open.
				open: await isOfficeSetUp(),
			},
			{
				headers: token
					? { ...NO_STORE, 'Set-Cookie': reporterSessionCookie.clear(request) }
					: NO_STORE,
			},
		)
	}
	return data(
		{ title: t('followup:pageTitle'), view: await getFollowUpView(reporter), notice, open: true },
		{ headers: NO_STORE },
	)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, context }: ActionFunctionArgs) {
	let parsed
	try {
		parsed = await parseFormWithFiles(request, BODY_LIMITS)
	} catch (error) {
		if (error instanceof BodyTooLargeError) throw new Response('Payload too large', { status: 413 })
		if (error instanceof MalformedBodyError) throw new Response('Bad request', { status: 400 })
		throw error
	}
	const intent = parsed.fields.get('intent')

	if (intent === 'open') {
		// Wrong codes count; the tenth in a row is refused before it is tried.
		if (await isLimited(RATE_LIMITS.codeLookup, context.clientKey)) {
			throw new Response('Too many requests', { status: 429 })
		}
		const code = String(parsed.fields.get('code') ?? '').slice(0, 100)
		const token = await openReporterSession(code)
		if (!token) {
			await record(RATE_LIMITS.codeLookup, context.clientKey)
			return data({ error: 'followup:wrongCode', code }, { status: 400, headers: NO_STORE })
		}
		await reset(RATE_LIMITS.codeLookup, context.clientKey)
		return redirect('/follow-up', {
			headers: { 'Set-Cookie': reporterSessionCookie.serialize(request, token) },
		})
	}

	const token = reporterSessionCookie.read(request)
	const reporter = token ? await getReporter(token) : null
	if (!token || !reporter)
		return redirect('/follow-up', {
			headers: { 'Set-Cookie': reporterSessionCookie.clear(request) },
		})

	if (intent === 'leave') {
		await endReporterSession(token)
		return redirect('/follow-up?left=1', {
			headers: { 'Set-Cookie': reporterSessionCookie.clear(request) },
		})
	}

	if (intent === 'reply') {
		const text = String(parsed.fields.get('message') ?? '').trim()
		const { prepared, errors } = prepareAttachments(parsed.files, parsed.fileProblems)
		const fileError = errors[0]
		if (fileError) {
			const key = `intake:${fileErrorKey(fileError)}`
			return data(
				{ error: key, name: fileError.name, message: text },
				{ status: 400, headers: NO_STORE },
			)
		}
		if (text.length > LIMITS.narrative) {
			return data(
				{ error: 'intake:errors.tooLong', message: text },
				{ status: 400, headers: NO_STORE },
			)
		}
		if (!text && prepared.length === 0) {
			return data(
				{ error: 'followup:messageRequired', message: text },
				{ status: 400, headers: NO_STORE },
			)
		}
		await addReporterMessage(reporter, text, prepared)
		return redirect('/follow-up?sent=1')
	}
	throw new Response('Bad request', { status: 400 })
}

export default function FollowUpPage() {
	const { view, notice, open } = useLoaderData<typeof loader>()
	const { t } = useTranslation('followup')
	return (
		<article className="follow-up-page">
			<h1>{t('heading')}</h1>
			{notice ? (
				<p className="notice" role="status">
					{t(notice)}
				</p>
			) : null}
			{view ? (
				<CaseView view={view} />
			) : open ? (
				<CodeForm />
			) : (
				<p className="notice">{t('common:notOpen')}</p>
			)}
		</article>
	)
}

type ActionResult = { error: string; name?: string; code?: string; message?: string } | undefined

function CodeForm() {
	const { t } = useTranslation('followup')
	const result = useActionData<typeof action>() as ActionResult
	const error = result?.error
	return (
		<>
			<p>{t('intro')}</p>
			<Form method="post" className="code-form">
				<input type="hidden" name="intent" value="open" />
				<div className={`field${error ? ' field--invalid' : ''}`}>
					<label htmlFor="code">{t('codeLabel')}</label>
					<p className="field-hint" id="code-hint">
						{t('codeHint')}
					</p>
					{error ? (
						<p className="field-error" id="code-error" role="alert">
							{t(error)}
						</p>
					) : null}
					<input
						id="code"
						name="code"
						type="text"
						autoComplete="off"
						autoCapitalize="characters"
						spellCheck={false}
						dir="ltr"
						defaultValue={result?.code}
						aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
						aria-invalid={error ? true : undefined}
						required
					/>
				</div>
				<button type="submit" className="button-primary">
					{t('open')}
				</button>
			</Form>
		</>
	)
}

function CaseView({
	view,
}: {
	view: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['view']>
}) {
	const { t, i18n } = useTranslation('followup')
	const result = useActionData<typeof action>() as ActionResult
	const navigation = useNavigation()
	const formatDate = (isoDay: string) =>
		new Intl.DateTimeFormat(i18n.language.split('-x-')[0], {
			dateStyle: 'long',
			timeZone: 'UTC',
		}).format(new Date(`${isoDay}T00:00:00Z`))
	return (
		<>
			<section aria-labelledby="status-title">
				<h2 id="status-title">{t('statusTitle')}</h2>
				<p data-testid="request-status">{t(`status.${view.status}`)}</p>
				<p>{t('receivedOn', { date: formatDate(view.receivedOn) })}</p>
				{view.attachmentCount ? <p>{t('fileCount', { count: view.attachmentCount })}</p> : null}
			</section>

			<section aria-labelledby="messages-title">
				<h2 id="messages-title">{t('messagesTitle')}</h2>
				{view.messages.length === 0 ? (
					<p>{t('noMessages')}</p>
				) : (
					<ol className="message-list">
						{view.messages.map((message) => (
							<li
								key={message.id}
								className={`message${message.fromReporter ? ' message--reporter' : ''}`}
							>
								<p className="message-meta">
									{message.fromReporter ? t('fromYou') : t('fromOffice')} ·{' '}
									{formatDate(message.sentOn)}
								</p>
								<p className="message-text" dir="auto">
									{message.text}
								</p>
							</li>
						))}
					</ol>
				)}
			</section>

			<section aria-labelledby="reply-title">
				<h2 id="reply-title">{t('replyTitle')}</h2>
				<Form method="post" encType="multipart/form-data">
					<input type="hidden" name="intent" value="reply" />
					<div className={`field${result?.error ? ' field--invalid' : ''}`}>
						<label htmlFor="message">{t('replyLabel')}</label>
						<p className="field-hint" id="message-hint">
							{t('replyHint')}
						</p>
						{result?.error ? (
							<p className="field-error" id="message-error" role="alert">
								{t(result.error, { name: result.name })}
							</p>
						) : null}
						<textarea
							id="message"
							name="message"
							rows={6}
							dir="auto"
							defaultValue={result?.message}
							aria-describedby={result?.error ? 'message-hint message-error' : 'message-hint'}
							aria-invalid={result?.error ? true : undefined}
						/>
					</div>
					<div className="field">
						<label htmlFor="reply-attachments">{t('attachLabel')}</label>
						<input
							id="reply-attachments"
							name="attachments"
							type="file"
							multiple
							accept="image/jpeg,image/png,application/pdf,text/plain"
						/>
					</div>
					<button
						type="submit"
						className="button-primary"
						disabled={navigation.state === 'submitting'}
					>
						{t('send')}
					</button>
				</Form>
			</section>

			<section aria-labelledby="leave-title" className="form-section">
				<h2 id="leave-title" className="visually-hidden">
					{t('leave')}
				</h2>
				<p>{t('leaveHint')}</p>
				<Form method="post">
					<input type="hidden" name="intent" value="leave" />
					<button type="submit" className="button-secondary">
						{t('leave')}
					</button>
				</Form>
			</section>
		</>
	)
}
