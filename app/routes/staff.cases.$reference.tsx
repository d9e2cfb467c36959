import type { SubmissionResult } from '@conform-to/react'
import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CaseClassification } from '~/features/cases/case-classification'
import { CaseReply } from '~/features/cases/case-messages'
import { CaseNoteForm } from '~/features/cases/case-notes'
import { CaseServiceForm } from '~/features/cases/case-services'
import { CaseDeadlineHint } from '~/features/cases/case-deadline-hint'
import { CaseDueDate } from '~/features/cases/case-due-date'
import { CaseWaiting } from '~/features/cases/case-waiting'
import { CaseStatus } from '~/features/cases/case-status'
import { CaseContentNotice, CaseSummary } from '~/features/cases/case-summary'
import { CaseTimeline } from '~/features/cases/case-timeline'
import { CaseAssignment, EarlyDeletion } from '~/features/cases/case-triage'
import {
	AssignSchema,
	CASE_TEXT_MAX_LENGTH,
	ClassificationSchema,
	NoFieldsSchema,
	ComplaintOffenceSchema,
	DeletionSchema,
	DueDateSchema,
	MessageSchema,
	NoteSchema,
	ServiceSchema,
	StatusSchema,
} from '~/features/cases/casework-schemas'
import { can, WORK_CASES } from '~/platform/permissions'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { bodyLimitHandle, urlEncodedFormBytes } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { listAssignableStaff } from '~/features/cases/inbox.server'
import { openCase } from '~/features/cases/case-page.server'
import { CaseKeyUnavailableError, CaseNotFoundError } from '~/features/cases/case-access.server'
import {
	addService,
	CaseWithdrawnError,
	changeStatus,
	classifyCase,
} from '~/features/cases/case-record.server'
import { addNote, sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { assignCase } from '~/features/cases/assignment.server'
import { markComplaintOffence } from '~/features/cases/complaint-offence.server'
import { CaseClosedError, clearDueDate, setDueDate } from '~/features/cases/due-date.server'
import { markAnswered } from '~/features/cases/waiting.server'
import { deletePersonalDataEarly } from '~/features/cases/personal-data.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { InsertTemplateSchema } from '~/features/reply-templates/reply-template-schemas'
import {
	getReplyTemplate,
	listReplyTemplates,
	ReplyTemplateNotFoundError,
} from '~/features/reply-templates/reply-templates.server'

/** Where the page comes back after each action: the id of the part it changed. */
const CHANGED_PART = {
	classify: 'classification',
	status: 'case-panel',
	assign: 'case-panel',
	service: 'add-service',
	note: 'add-note',
	message: 'reply',
	'delete-personal-data': 'case-panel',
	'due-date': 'case-panel',
	'clear-due-date': 'case-panel',
	'mark-answered': 'case-panel',
	'complaint-offence': 'complaint-offence',
} as const

/** The actions whose notice the case panel shows. */
const PANEL_INTENTS = [
	'status',
	'assign',
	'delete-personal-data',
	'due-date',
	'clear-due-date',
	'mark-answered',
]

/** The case page's longest form is a note or a message. */
const BODY_LIMIT = urlEncodedFormBytes(CASE_TEXT_MAX_LENGTH)

export const handle = bodyLimitHandle(BODY_LIMIT)

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
		templates: view.readable ? await listReplyTemplates(actor) : [],
		done,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const reference = params.reference ?? ''
	// Done: back to the page (a reload then sends nothing twice), at the part
	// that changed (the fragment scrolls there, also without JavaScript),
	// which says what was done.
	const done = (intent: keyof typeof CHANGED_PART) =>
		redirect(
			`/staff/cases/${encodeURIComponent(reference.toUpperCase())}?done=${intent}#${CHANGED_PART[intent]}`,
		)
	return dispatchIntent(
		await readFormData(request, BODY_LIMIT),
		{
			classify: intent(ClassificationSchema, async (value) => {
				await classifyCase(actor, reference, value)
				return done('classify')
			}),
			status: intent(StatusSchema, async ({ status, outcome }) => {
				await changeStatus(actor, reference, status, outcome)
				return done('status')
			}),
			service: intent(ServiceSchema, async (value) => {
				await addService(actor, reference, value)
				return done('service')
			}),
			note: intent(NoteSchema, async ({ note }) => {
				await addNote(actor, reference, note)
				return done('note')
			}),
			message: intent(MessageSchema, async ({ message }) => {
				await sendMessageToReporter(actor, reference, message)
				return done('message')
			}),
			// Without JavaScript: the message form comes back with the template after what was typed.
			'insert-template': intent(InsertTemplateSchema, async ({ message, templateId }) => {
				const template = await getReplyTemplate(actor, templateId)
				if (!template) throw new ReplyTemplateNotFoundError()
				const combined = message.trim() ? `${message.trimEnd()}\n\n${template.body}` : template.body
				const result: SubmissionResult<string[]> = { initialValue: { message: combined } }
				return data({ intent: 'message', result, inserted: true })
			}),
			'due-date': intent(DueDateSchema, async ({ dueOn, dueReason }) => {
				await setDueDate(actor, reference, dueOn, dueReason)
				return done('due-date')
			}),
			'clear-due-date': intent(NoFieldsSchema, async () => {
				await clearDueDate(actor, reference)
				return done('clear-due-date')
			}),
			'mark-answered': intent(NoFieldsSchema, async () => {
				await markAnswered(actor, reference)
				return done('mark-answered')
			}),
			'complaint-offence': intent(ComplaintOffenceSchema, async ({ complaintOffence }) => {
				await markComplaintOffence(actor, reference, complaintOffence)
				return done('complaint-offence')
			}),
			assign: intent(AssignSchema, async ({ assigneeId }) => {
				await assignCase(actor, reference, assigneeId)
				return done('assign')
			}),
			'delete-personal-data': intent(DeletionSchema, async ({ confirmed }) => {
				// The first post only asks (EarlyDeletion shows the second step).
				if (!confirmed) return data({ intent: 'delete-personal-data', asking: true })
				await deletePersonalDataEarly(actor, reference)
				return done('delete-personal-data')
			}),
		},
		{
			notFound: [CaseNotFoundError],
			explain: [
				{ error: CaseKeyUnavailableError, status: 409, message: 'case.noKey' },
				{ error: ReplyTemplateNotFoundError, status: 404, message: 'case.templateGone' },
				{ error: CaseClosedError, status: 409, message: 'case.dueClosed' },
				{ error: CaseWithdrawnError, status: 409, message: 'case.withdrawnStatus' },
			],
		},
	)
}

/** A notice that says what the last action did, in the part of the page it changed. */
function DoneNotice({ done, intents }: { done: string | null; intents: string[] }) {
	const { t } = useTranslation('staff')
	if (!done || !intents.includes(done)) return null
	return (
		<p className="notice" role="status">
			{t(`case.done.${done}`, { defaultValue: t('case.done.saved') })}
		</p>
	)
}

export default function CasePage() {
	const { view, lead, staff, templates, done } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	// Each redirect is a new location: the form whose text was just saved starts empty again.
	const { key, hash } = useLocation()
	const fresh = (intent: string) => (done === intent ? key : intent)
	const resultFor = (intent: string) =>
		answer && 'result' in answer && answer.intent === intent ? answer.result : undefined
	// With JavaScript, focus follows the scroll to the part that changed, so
	// that a keyboard or screen-reader user goes on from there.
	useEffect(() => {
		if (done && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.focus()
	}, [key, done, hash])
	return (
		<article className="case-page">
			<h1>{t('case.title', { reference: view.reference })}</h1>
			<div className="case-layout">
				<aside className="case-panel" aria-labelledby="case-panel">
					<h2 id="case-panel" tabIndex={-1}>
						{t('case.panel')}
					</h2>
					<DoneNotice done={done} intents={PANEL_INTENTS} />
					<CaseSummary view={view} />
					<CaseWaiting view={view} />
					<CaseDueDate key={fresh('due-date')} view={view} lastResult={resultFor('due-date')} />
					<CaseStatus view={view} lead={lead} lastResult={resultFor('status')} />
					{lead ? (
						<CaseAssignment view={view} staff={staff} lastResult={resultFor('assign')} />
					) : null}
				</aside>
				<div className="case-main">
					<CaseContentNotice view={view} />
					<CaseTimeline view={view} />
					<DoneNotice done={done} intents={['message']} />
					<CaseReply
						key={fresh('message')}
						view={view}
						lastResult={resultFor('message')}
						templates={templates}
					/>
					<DoneNotice done={done} intents={['note']} />
					<CaseNoteForm key={fresh('note')} view={view} lastResult={resultFor('note')} />
					<DoneNotice done={done} intents={['service']} />
					<CaseServiceForm key={fresh('service')} lastResult={resultFor('service')} />
					<DoneNotice done={done} intents={['classify']} />
					<CaseClassification view={view} lastResult={resultFor('classify')} />
					<DoneNotice done={done} intents={['complaint-offence']} />
					<CaseDeadlineHint view={view} lastResult={resultFor('complaint-offence')} />
					{lead ? (
						<EarlyDeletion
							view={view}
							asking={Boolean(answer && 'asking' in answer && answer.asking)}
						/>
					) : null}
				</div>
			</div>
		</article>
	)
}
