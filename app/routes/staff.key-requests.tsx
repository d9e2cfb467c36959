import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ForbiddenError, HOLDS_EVERY_CASE_KEY } from '~/platform/permissions'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	approveKeyRequest,
	KeyRequestGoneError,
	listKeyRequests,
	passOnKeys,
	refuseKeyRequest,
} from '~/features/key-access/key-requests.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

const KeyRequestDecisionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.enum(['approve', 'refuse']), requestId: z.string().uuid() }),
	z.object({ intent: z.literal('pass-on'), userId: z.string().uuid() }),
])

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, HOLDS_EVERY_CASE_KEY)
	const { t } = getTranslator(request)
	return { title: t('staff:keyRequests.title'), ...(await listKeyRequests(actor)) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

type Result = { done?: 'approved' | 'refused' | 'passedOn'; count?: number; error?: string }

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, HOLDS_EVERY_CASE_KEY)
	const form = KeyRequestDecisionSchema.safeParse(
		Object.fromEntries(await readFormData(request, FORM_BODY_LIMIT)),
	)
	if (!form.success) throw new Response('Bad request', { status: 400 })
	try {
		switch (form.data.intent) {
			case 'approve':
				return data<Result>({
					done: 'approved',
					count: await approveKeyRequest(actor, form.data.requestId),
				})
			case 'refuse':
				await refuseKeyRequest(actor, form.data.requestId)
				return data<Result>({ done: 'refused' })
			case 'pass-on':
				return data<Result>({ done: 'passedOn', count: await passOnKeys(actor, form.data.userId) })
		}
	} catch (error) {
		if (error instanceof KeyRequestGoneError) {
			return data<Result>({ error: 'keyRequests.gone' }, { status: 409 })
		}
		if (error instanceof ForbiddenError) {
			return data<Result>({ error: 'keyRequests.notApproved' }, { status: 403 })
		}
		throw error
	}
}

export default function KeyRequestsPage() {
	const { open, waiting, mayDecide } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	return (
		<section>
			<h1>{t('keyRequests.title')}</h1>
			<p>{t('keyRequests.text')}</p>
			{result?.done ? (
				<p className="notice" role="status">
					{t(`keyRequests.done.${result.done}`, { cases: result.count ?? 0 })}
				</p>
			) : null}
			{result?.error ? (
				<p className="form-error" role="alert">
					{t(result.error)}
				</p>
			) : null}
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
