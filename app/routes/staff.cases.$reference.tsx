import {
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CaseClassification } from '~/features/cases/case-classification'
import { CaseDeadlineHint } from '~/features/cases/case-deadline-hint'
import { CaseDueDate } from '~/features/cases/case-due-date'
import { CaseWaiting } from '~/features/cases/case-waiting'
import { CaseMessages } from '~/features/cases/case-messages'
import { CaseNotes } from '~/features/cases/case-notes'
import { CaseReport } from '~/features/cases/case-report'
import { CaseServices } from '~/features/cases/case-services'
import { CaseStatus } from '~/features/cases/case-status'
import { CaseSummary } from '~/features/cases/case-summary'
import { CaseTriage } from '~/features/cases/case-triage'
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
import { addService, changeStatus, classifyCase } from '~/features/cases/case-record.server'
import { addNote, sendMessageToReporter } from '~/features/cases/notes-and-messages.server'
import { assignCase } from '~/features/cases/assignment.server'
import { markComplaintOffence } from '~/features/cases/complaint-offence.server'
import { CaseClosedError, clearDueDate, setDueDate } from '~/features/cases/due-date.server'
import { markAnswered } from '~/features/cases/waiting.server'
import { deletePersonalDataEarly } from '~/features/cases/personal-data.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

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
		done,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const reference = params.reference ?? ''
	// Done: back to the page (a reload then sends nothing twice), which says what was done.
	const done = (intent: string) =>
		redirect(`/staff/cases/${encodeURIComponent(reference.toUpperCase())}?done=${intent}`)
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
			'delete-personal-data': intent(DeletionSchema, async () => {
				await deletePersonalDataEarly(actor, reference)
				return done('delete-personal-data')
			}),
		},
		{
			notFound: [CaseNotFoundError],
			explain: [
				{ error: CaseKeyUnavailableError, status: 409, message: 'case.noKey' },
				{ error: CaseClosedError, status: 409, message: 'case.dueClosed' },
			],
		},
	)
}

export default function CasePage() {
	const { view, lead, staff, done } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	// Each redirect is a new location: the form whose text was just saved starts empty again.
	const { key } = useLocation()
	const fresh = (intent: string) => (done === intent ? key : intent)
	const resultFor = (intent: string) => (failure?.intent === intent ? failure.result : undefined)
	return (
		<article className="case-page">
			<h1>{t('case.title', { reference: view.reference })}</h1>
			{done ? (
				<p className="notice" role="status">
					{t(`case.done.${done}`, { defaultValue: t('case.done.saved') })}
				</p>
			) : null}
			<CaseSummary view={view} />
			<CaseWaiting view={view} />
			<CaseDueDate key={fresh('due-date')} view={view} lastResult={resultFor('due-date')} />
			<CaseReport view={view} />
			<CaseMessages key={fresh('message')} view={view} lastResult={resultFor('message')} />
			<CaseClassification view={view} lastResult={resultFor('classify')} />
			<CaseDeadlineHint view={view} lastResult={resultFor('complaint-offence')} />
			<CaseServices key={fresh('service')} view={view} lastResult={resultFor('service')} />
			<CaseNotes key={fresh('note')} view={view} lastResult={resultFor('note')} />
			<CaseStatus view={view} lead={lead} lastResult={resultFor('status')} />
			{lead ? (
				<CaseTriage
					view={view}
					staff={staff}
					results={{ assign: resultFor('assign'), deletion: resultFor('delete-personal-data') }}
				/>
			) : null}
		</article>
	)
}
