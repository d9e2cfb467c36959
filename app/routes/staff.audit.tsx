import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRangeFields } from '~/platform/ui/date-range-fields'
import { Pagination } from '~/platform/ui/pagination'
import { auditActionLabel } from '~/features/audit/audit-description.server'
import { AuditFilterSchema } from '~/features/audit/audit-filter-schema'
import { searchParamsObject } from '~/platform/forms/search-params'
import { getTranslator } from '~/platform/i18n/translate.server'
import { AUDIT_ACTIONS, listAuditAccounts, listAuditEvents } from '~/features/audit/audit.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'audit:read')
	const { t } = getTranslator(request)
	const url = new URL(request.url)
	const filter = AuditFilterSchema.parse(searchParamsObject(url))
	const [result, accounts] = await Promise.all([
		listAuditEvents(actor, filter, t),
		listAuditAccounts(actor),
	])
	return {
		title: t('staff:audit.title'),
		actions: AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(action, t) })),
		accounts,
		filter: {
			action: filter.action ?? '',
			actorId: filter.actorId ?? '',
			targetUserId: filter.targetUserId ?? '',
			caseReference: filter.caseReference ?? '',
			from: url.searchParams.get('from') ?? '',
			to: url.searchParams.get('to') ?? '',
		},
		...result,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export default function AuditPage() {
	const { events, total, page, pageCount, filter, actions, accounts } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	return (
		<section>
			<h1>{t('audit.title')}</h1>
			<p>{t('audit.text')}</p>
			<Form method="get" className="filters" aria-label={t('inbox.filters')}>
				<div className="field">
					<label htmlFor="action">{t('audit.action')}</label>
					<select id="action" name="action" defaultValue={filter.action}>
						<option value="">{t('inbox.any')}</option>
						{actions.map((action) => (
							<option key={action.value} value={action.value}>
								{action.label}
							</option>
						))}
					</select>
				</div>
				<AccountFilter
					name="actorId"
					label={t('audit.actor')}
					value={filter.actorId}
					accounts={accounts}
				/>
				<AccountFilter
					name="targetUserId"
					label={t('audit.targetAccount')}
					value={filter.targetUserId}
					accounts={accounts}
				/>
				<div className="field">
					<label htmlFor="caseReference">{t('inbox.reference')}</label>
					<input
						id="caseReference"
						name="caseReference"
						type="search"
						defaultValue={filter.caseReference}
					/>
				</div>
				<DateRangeFields
					from={filter.from}
					to={filter.to}
					labels={{ from: t('audit.from'), to: t('audit.to') }}
				/>
				<button type="submit" className="button-secondary">
					{t('inbox.apply')}
				</button>
			</Form>
			<p>{t('audit.count', { count: total })}</p>
			<div className="table-wrap">
				<table className="audit">
					<thead>
						<tr>
							<th scope="col">{t('audit.at')}</th>
							<th scope="col">{t('audit.actor')}</th>
							<th scope="col">{t('audit.action')}</th>
							<th scope="col">{t('audit.concerning')}</th>
							<th scope="col">{t('audit.detail')}</th>
						</tr>
					</thead>
					<tbody>
						{events.map((event) => (
							<tr key={event.id}>
								<td>
									<time dateTime={event.at.replace(' ', 'T') + 'Z'}>{event.at}</time>
								</td>
								<td>{event.actor}</td>
								<td>{event.what}</td>
								<td>{event.concerning}</td>
								<td>{event.details}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<Pagination page={page} pageCount={pageCount} />
		</section>
	)
}

function AccountFilter({
	name,
	label,
	value,
	accounts,
}: {
	name: string
	label: string
	value: string
	accounts: Array<{ id: string; label: string }>
}) {
	const { t } = useTranslation('staff')
	return (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			<select id={name} name={name} defaultValue={value}>
				<option value="">{t('inbox.any')}</option>
				{accounts.map((account) => (
					<option key={account.id} value={account.id}>
						{account.label}
					</option>
				))}
			</select>
		</div>
	)
}
