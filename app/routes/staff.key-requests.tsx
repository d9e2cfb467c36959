import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ForbiddenError, HOLDS_EVERY_CASE_KEY } from '~/platform/permissions'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { FormAlert } from '~/platform/ui/form-fields'
import { AccountIdSchema, KeyRequestIdSchema } from '~/features/key-access/key-request-schemas'
import {
	approveKeyRequest,
	KeyRequestGoneError,
	listKeyRequests,
	passOnKeys,
	refuseKeyRequest,
} from '~/features/key-access/key-requests.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, HOLDS_EVERY_CASE_KEY)
	const { t } = getTranslator(request)
	return { title: t('staff:keyRequests.title'), ...(await listKeyRequests(actor)) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

type Done = { done: 'approved' | 'refused' | 'passedOn'; count?: number }

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, HOLDS_EVERY_CASE_KEY)
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			approve: intent(KeyRequestIdSchema, async ({ requestId }): Promise<Done> => ({
				done: 'approved',
				count: await approveKeyRequest(actor, requestId),
			})),
			refuse: intent(KeyRequestIdSchema, async ({ requestId }): Promise<Done> => {
				await refuseKeyRequest(actor, requestId)
				return { done: 'refused' }
			}),
			'pass-on': intent(AccountIdSchema, async ({ userId }): Promise<Done> => ({
				done: 'passedOn',
				count: await passOnKeys(actor, userId),
			})),
		},
		{
			explain: [
				{ error: KeyRequestGoneError, status: 409, message: 'keyRequests.gone' },
				// The lead's own account is not approved yet: it may not decide.
				{ error: ForbiddenError, status: 403, message: 'keyRequests.notApproved' },
			],
		},
	)
}

export default function KeyRequestsPage() {
	const { open, waiting, mayDecide } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const done = answer && 'done' in answer ? answer : undefined
	const refused = answer && 'result' in answer ? answer.result.error?.[''] : undefined
	const { t } = useTranslation('staff')
	return (
		<section>
			<h1>{t('keyRequests.title')}</h1>
			<p>{t('keyRequests.text')}</p>
			{done ? (
				<p className="notice" role="status">
					{t(`keyRequests.done.${done.done}`, { cases: done.count ?? 0 })}
				</p>
			) : null}
			<FormAlert id="key-requests-error" errors={refused} namespace="staff" />
			{mayDecide ? null : <p className="notice">{t('keyRequests.notApproved')}</p>}
			<h2>{t('keyRequests.openTitle')}</h2>
			{open.length ? (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('keyRequests.for')}</th>
								<th scope="col">{t('account.role')}</th>
								<th scope="col">{t('keyRequests.reason')}</th>
								<th scope="col">{t('keyRequests.askedBy')}</th>
								<th scope="col">{t('keyRequests.askedAt')}</th>
								<th scope="col">{t('keyRequests.decision')}</th>
							</tr>
						</thead>
						<tbody>
							{open.map((request) => (
								<tr key={request.id}>
									<th scope="row">
										{request.displayName} ({request.email})
									</th>
									<td>{t(`roles.${request.role}`)}</td>
									<td>
										{t(`keyRequests.reasons.${request.reason}`)}
										{' · '}
										{t('keyRequests.pendingCases', { count: request.pendingGrants })}
									</td>
									<td>
										{request.requestedBy
											? `${request.requestedBy.displayName} (${request.requestedBy.email})`
											: t('keyRequests.nobody')}
									</td>
									<td>{request.requestedAt}</td>
									<td>
										{mayDecide && !request.ownAccount ? (
											<Form method="post" className="row-form">
												<input type="hidden" name="requestId" value={request.id} />
												<button
													type="submit"
													name="intent"
													value="approve"
													className="button-primary"
													aria-label={t('keyRequests.approveFor', { name: request.displayName })}
												>
													{t('keyRequests.approve')}
												</button>
												<button
													type="submit"
													name="intent"
													value="refuse"
													className="button-secondary"
													aria-label={t('keyRequests.refuseFor', { name: request.displayName })}
												>
													{t('keyRequests.refuse')}
												</button>
											</Form>
										) : (
											t('keyRequests.undecided')
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p>{t('keyRequests.none')}</p>
			)}
			{waiting.length ? (
				<>
					<h2>{t('keyRequests.waitingTitle')}</h2>
					<p>{t('keyRequests.waitingText')}</p>
					<ul>
						{waiting.map((account) => (
							<li key={account.id}>
								{account.displayName} ({account.email}, {t(`roles.${account.role}`)}) –{' '}
								{t('keyRequests.approvedOn', { date: account.approvedOn })}
								{' · '}
								{t('keyRequests.pendingCases', { count: account.pendingGrants })}
								{mayDecide ? (
									<Form method="post" className="row-form">
										<input type="hidden" name="userId" value={account.id} />
										<button
											type="submit"
											name="intent"
											value="pass-on"
											className="button-secondary"
											aria-label={t('keyRequests.passOnFor', { name: account.displayName })}
										>
											{t('keyRequests.passOn')}
										</button>
									</Form>
								) : null}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}
