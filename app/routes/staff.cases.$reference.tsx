import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	AssignmentForm,
	ClassificationForm,
	DeletionForm,
	MessageForm,
	NoteForm,
	ServiceForm,
	StatusForm,
} from '~/features/cases/casework-forms'
import { ReportedAnswers } from '~/features/cases/reported-answers'
import { can, ForbiddenError, WORK_CASES } from '~/platform/permissions'
import {
	AssignSchema,
	ClassificationSchema,
	MessageSchema,
	NoteSchema,
	ServiceSchema,
	StatusSchema,
} from '~/platform/forms/staff-forms'
import {
	parseForm,
	readFormData,
	type FormErrors,
	type FormValues,
} from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { listAssignableStaff } from '~/features/cases/inbox.server'
import { openCase } from '~/features/cases/case-page.server'
import { CaseKeyUnavailableError, CaseNotFoundError } from '~/features/cases/case-access.server'
import { addService, changeStatus, classifyCase } from '~/features/cases/case-record.server'
import { addNote, sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { assignCase } from '~/features/cases/assignment.server'
import { deletePersonalDataEarly } from '~/features/cases/personal-data.server'
import type { StaffActor } from '~/features/staff-auth/staff-session.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const view = await openCase(actor, params.reference ?? '')
	if (!view) throw new Response('Not found', { status: 404 })
	const { t } = getTranslator(request)
	const done = new URL(request.url).searchParams.get('done')
	return {
		title: t('staff:case.title', { reference: view.reference }),
		view,
		lead: can(actor.role, 'case:work-all'),
		staff: await listAssignableStaff(actor),
		done,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

type Failure = { intent: string; errors: FormErrors; values: FormValues }

const INTENTS: Record<
	string,
	(actor: StaffActor, reference: string, form: FormData) => Promise<Failure | null>
> = {
	async classify(actor, reference, formData) {
		const form = parseForm(formData, ClassificationSchema, ['areas', 'forms', 'motives', 'actors'])
		if (!form.success) return { intent: 'classify', ...form }
		await classifyCase(actor, reference, form.data)
		return null
	},
	async status(actor, reference, formData) {
		const form = parseForm(formData, StatusSchema)
		if (!form.success) return { intent: 'status', ...form }
		await changeStatus(actor, reference, form.data.status, form.data.outcome)
		return null
	},
	async service(actor, reference, formData) {
		const form = parseForm(formData, ServiceSchema)
		if (!form.success) return { intent: 'service', ...form }
		await addService(actor, reference, form.data)
		return null
	},
	async note(actor, reference, formData) {
		const form = parseForm(formData, NoteSchema)
		if (!form.success) return { intent: 'note', ...form }
		await addNote(actor, reference, form.data.note)
		return null
	},
	async message(actor, reference, formData) {
		const form = parseForm(formData, MessageSchema)
		if (!form.success) return { intent: 'message', ...form }
		await sendMessageToReporter(actor, reference, form.data.message)
		return null
	},
	async assign(actor, reference, formData) {
		const form = parseForm(formData, AssignSchema)
		if (!form.success) return { intent: 'assign', ...form }
		await assignCase(actor, reference, form.data.assigneeId || null)
		return null
	},
	async 'delete-personal-data'(actor, reference, formData) {
		if (formData.get('confirm') !== 'yes') {
			return {
				intent: 'delete-personal-data',
				errors: { form: 'case.deleteNotConfirmed' },
				values: {},
			}
		}
		await deletePersonalDataEarly(actor, reference)
		return null
	},
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const reference = params.reference ?? ''
	const formData = await readFormData(request)
	const intent = String(formData.get('intent') ?? '')
	// Own keys only: "constructor" or "__proto__" must not reach Object's members.
	const handle = Object.hasOwn(INTENTS, intent) ? INTENTS[intent] : undefined
	if (!handle) throw new Response('Bad request', { status: 400 })
	try {
		const failure = await handle(actor, reference, formData)
		if (failure) return data(failure, { status: 400 })
	} catch (error) {
		if (error instanceof CaseNotFoundError) throw new Response('Not found', { status: 404 })
		if (error instanceof ForbiddenError) throw new Response('Forbidden', { status: 403 })
		if (error instanceof CaseKeyUnavailableError) {
			return data({ intent, errors: { form: 'case.noKey' }, values: {} } satisfies Failure, {
				status: 409,
			})
		}
		throw error
	}
	return redirect(`/staff/cases/${encodeURIComponent(reference.toUpperCase())}?done=${intent}`)
}

export default function CasePage() {
	const { view, lead, staff, done } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const errorsFor = (intent: string) => (failure?.intent === intent ? failure : undefined)
	return (
		<article className="case-page">
			<h1>{t('case.title', { reference: view.reference })}</h1>
			{done ? (
				<p className="notice" role="status">
					{t(`case.done.${done}`, { defaultValue: t('case.done.saved') })}
				</p>
			) : null}
			{failure?.errors.form ? (
				<p className="form-error" role="alert">
					{t(failure.errors.form)}
				</p>
			) : null}
			<dl className="case-facts">
				<dt>{t('case.status')}</dt>
				<dd>
					<span className={`status status--${view.status}`}>{t(`status.${view.status}`)}</span>
				</dd>
				<dt>{t('case.received')}</dt>
				<dd>{view.receivedOn}</dd>
				<dt>{t('case.channel')}</dt>
				<dd>{t(`channel.${view.channel}`)}</dd>
				<dt>{t('case.assignee')}</dt>
				<dd>{view.assignee?.displayName ?? t('inbox.unassigned')}</dd>
				{view.outcome ? (
					<>
						<dt>{t('case.outcome')}</dt>
						<dd>{t(`outcome.${view.outcome}`)}</dd>
					</>
				) : null}
			</dl>

			{view.personalDataDeletedAt ? (
				<p className="notice" role="note">
					{t('case.deletedNotice', {
						date: view.personalDataDeletedAt.slice(0, 10),
						reason: t(`case.deletion.${view.personalDataDeletion ?? 'retention'}`),
					})}
				</p>
			) : !view.readable ? (
				<p className="notice" role="note">
					{t('case.noKeyNotice')}
				</p>
			) : null}

			<section aria-labelledby="report">
				<h2 id="report">{t('case.report')}</h2>
				{view.narrative !== null ? (
					<div className="narrative" dir="auto">
						{view.narrative}
					</div>
				) : null}
				<ReportedAnswers view={view} />
				{view.attachments.length ? (
					<>
						<h3>{t('case.attachments')}</h3>
						<ul>
							{view.attachments.map((attachment) => (
								<li key={attachment.id}>
									<a href={`/staff/cases/${view.reference}/attachments/${attachment.id}`} download>
										{attachment.name ?? t('case.attachmentUnnamed')}
									</a>{' '}
									({attachment.mediaType}, {Math.ceil(attachment.sizeBytes / 1024)} KB)
								</li>
							))}
						</ul>
					</>
				) : null}
			</section>

			<section aria-labelledby="messages">
				<h2 id="messages">{t('case.messages')}</h2>
				{view.messages.length ? (
					<ol className="messages">
						{view.messages.map((message) => (
							<li
								key={message.id}
								className={message.fromReporter ? 'from-reporter' : 'from-staff'}
							>
								<p className="message-meta">
									{message.fromReporter
										? t('case.fromReporter')
										: (message.author ?? t('case.staff'))}{' '}
									· {message.at.slice(0, 16).replace('T', ' ')}
								</p>
								<div dir="auto">{message.text}</div>
							</li>
						))}
					</ol>
				) : (
					<p>{t('case.noMessages')}</p>
				)}
				{view.readable ? <MessageForm failure={errorsFor('message')} /> : null}
			</section>

			<section aria-labelledby="classification">
				<h2 id="classification">{t('case.classification')}</h2>
				<p>{t('case.classificationHint')}</p>
				<ClassificationForm view={view} failure={errorsFor('classify')} />
			</section>

			<section aria-labelledby="services">
				<h2 id="services">{t('case.services')}</h2>
				{view.services.length ? (
					<table>
						<thead>
							<tr>
								<th scope="col">{t('case.serviceType')}</th>
								<th scope="col">{t('case.serviceDate')}</th>
								<th scope="col">{t('case.serviceMinutes')}</th>
							</tr>
						</thead>
						<tbody>
							{view.services.map((service) => (
								<tr key={service.id}>
									<td>{t(`service.${service.type}`)}</td>
									<td>{service.providedOn}</td>
									<td>{service.minutes}</td>
								</tr>
							))}
						</tbody>
					</table>
				) : (
					<p>{t('case.noServices')}</p>
				)}
				<ServiceForm failure={errorsFor('service')} />
			</section>

			<section aria-labelledby="notes">
				<h2 id="notes">{t('case.notes')}</h2>
				{view.notes.length ? (
					<ol className="notes">
						{view.notes.map((note) => (
							<li key={note.id}>
								<p className="message-meta">
									{note.author ?? t('case.staff')} · {note.at.slice(0, 16).replace('T', ' ')}
								</p>
								<div dir="auto">{note.text}</div>
							</li>
						))}
					</ol>
				) : (
					<p>{t('case.noNotes')}</p>
				)}
				{view.readable ? <NoteForm failure={errorsFor('note')} /> : null}
			</section>

			<section aria-labelledby="status-section">
				<h2 id="status-section">{t('case.statusSection')}</h2>
				{view.history.length ? (
					<ol className="history">
						{view.history.map((change, index) => (
							<li key={index}>
								{change.at.slice(0, 16).replace('T', ' ')}: {t(`status.${change.from}`)} →{' '}
								{t(`status.${change.to}`)}
								{change.by ? ` (${change.by})` : ''}
							</li>
						))}
					</ol>
				) : null}
				<StatusForm status={view.status} lead={lead} failure={errorsFor('status')} />
			</section>

			{lead ? (
				<section aria-labelledby="triage">
					<h2 id="triage">{t('case.triage')}</h2>
					<AssignmentForm
						assigneeId={view.assignee?.id ?? ''}
						staff={staff}
						readable={view.readable}
						failure={errorsFor('assign')}
					/>
					{!view.personalDataDeletedAt ? <DeletionForm /> : null}
				</section>
			) : null}
		</article>
	)
}
