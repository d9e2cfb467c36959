import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { FormAlert } from '~/platform/ui/form-fields'
import { CaseKeyUnavailableError, CaseNotFoundError } from '~/features/cases/case-access.server'
import { handOverOpenCases, listCaseloads } from '~/features/cases/assignment.server'
import { HandoverSchema } from '~/features/cases/casework-schemas'
import { HandoverForm } from '~/features/cases/handover-form'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'case:work-all')
	const { t } = getTranslator(request)
	return { title: t('staff:handover.title'), caseloads: await listCaseloads(actor) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'case:work-all')
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			'hand-over': intent(HandoverSchema, async ({ fromId, toId }, submission) => ({
				intent: 'hand-over' as const,
				moved: await handOverOpenCases(actor, fromId, toId),
				result: submission.reply({ resetForm: true }),
			})),
		},
		{
			explain: [
				// The new assignee is not (or no longer) an active counsellor or lead.
				{ error: CaseNotFoundError, status: 409, field: 'toId', message: 'handover.notAssignable' },
				// A case whose key this lead does not hold yet (a pending grant).
				{ error: CaseKeyUnavailableError, status: 409, message: 'handover.keyMissing' },
			],
		},
	)
}

export default function HandoverPage() {
	const { caseloads } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const moved = answer && 'moved' in answer ? answer.moved : null
	return (
		<section>
			<h1>{t('handover.title')}</h1>
			<p>{t('handover.text')}</p>
			{moved !== null ? (
				<p className="notice" role="status">
					{t('handover.done', { count: moved })}
				</p>
			) : null}
			<FormAlert id="handover-error" errors={answer?.result?.error?.['']} namespace="staff" />
			<HandoverForm caseloads={caseloads} lastResult={answer?.result} />
		</section>
	)
}
