import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRangeFields } from '~/platform/ui/date-range-fields'
import { Pagination } from '~/platform/ui/pagination'
import { can, RECORDS_CASES, WORK_CASES } from '~/platform/permissions'
import { InboxFilterSchema } from '~/features/cases/casework-schemas'
import { searchParamsObject } from '~/platform/forms/search-params'
import { AREAS_OF_LIFE, CASE_STATUSES, REQUESTER_TYPES } from '~/platform/taxonomy'
import { getTranslator } from '~/platform/i18n/translate.server'
import { listAssignableStaff, listCases } from '~/features/cases/inbox.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const { t } = getTranslator(request)
	const url = new URL(request.url)
	const filter = InboxFilterSchema.parse(searchParamsObject(url))
	const [result, staff] = await Promise.all([listCases(actor, filter), listAssignableStaff(actor)])
	return {
		title: t('staff:inbox.title'),
		lead: can(actor.role, 'case:work-all'),
		recordCase: can(actor.role, RECORDS_CASES),
		filter: {
			...filter,
			from: url.searchParams.get('from') ?? '',
			to: url.searchParams.get('to') ?? '',
		},
		staff,
		...result,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

const VIEWS = ['new', 'mine', 'all'] as const

export default function Inbox() {
	const { cases, total, page, pageCount, filter, lead, recordCase, staff } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	const { t: tx } = useTranslation('taxonomy')
	return (
		<section>
			<h1>{t('inbox.title')}</h1>
			{recordCase ? (
				<p>
					<Link to="/staff/cases/new">{t('inbox.record')}</Link>
				</p>
			) : null}
			<nav aria-label={t('inbox.views')} className="tabs">
				<ul>
					{VIEWS.filter((view) => lead || view !== 'all').map((view) => (
						<li key={view}>
							<a href={`?view=${view}`} aria-current={filter.view === view ? 'page' : undefined}>
								{t(`inbox.view.${view}`)}
							</a>
						</li>
					))}
				</ul>
			</nav>
			<Form method="get" className="filters" aria-label={t('inbox.filters')}>
				<input type="hidden" name="view" value={filter.view} />
				<div className="field">
					<label htmlFor="reference">{t('inbox.reference')}</label>
					<input
						id="reference"
						name="reference"
						type="search"
						defaultValue={filter.reference ?? ''}
					/>
				</div>
				<div className="field">
					<label htmlFor="status">{t('inbox.status')}</label>
					<select id="status" name="status" defaultValue={filter.status ?? ''}>
						<option value="">{t('inbox.any')}</option>
						{CASE_STATUSES.map((status) => (
							<option key={status} value={status}>
								{t(`status.${status}`)}
							</option>
						))}
					</select>
				</div>
				{lead ? (
					<div className="field">
						<label htmlFor="assigneeId">{t('inbox.assignee')}</label>
						<select id="assigneeId" name="assigneeId" defaultValue={filter.assigneeId ?? ''}>
							<option value="">{t('inbox.any')}</option>
							<option value="none">{t('inbox.unassigned')}</option>
							{staff.map((member) => (
								<option key={member.id} value={member.id}>
									{member.displayName}
								</option>
							))}
						</select>
					</div>
				) : null}
				<div className="field">
					<label htmlFor="area">{t('inbox.area')}</label>
					<select id="area" name="area" defaultValue={filter.area ?? ''}>
						<option value="">{t('inbox.any')}</option>
						{AREAS_OF_LIFE.map((area) => (
							<option key={area} value={area}>
								{tx(`areas.${area}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="requesterType">{t('inbox.requesterType')}</label>
					<select id="requesterType" name="requesterType" defaultValue={filter.requesterType ?? ''}>
						<option value="">{t('inbox.any')}</option>
						{REQUESTER_TYPES.map((type) => (
							<option key={type} value={type}>
								{tx(`requesterType.${type}`)}
							</option>
						))}
					</select>
				</div>
				<DateRangeFields from={filter.from} to={filter.to} />
				<button type="submit" className="button-secondary">
					{t('inbox.apply')}
				</button>
			</Form>
			<p aria-live="polite">{t('inbox.count', { count: total })}</p>
			{cases.length ? (
				<div className="table-wrap">
					<table className="cases">
						<thead>
							<tr>
								<th scope="col">{t('inbox.reference')}</th>
								<th scope="col">{t('inbox.received')}</th>
								<th scope="col">{t('inbox.channel')}</th>
								<th scope="col">{t('inbox.status')}</th>
								<th scope="col">{t('inbox.requesterType')}</th>
								<th scope="col">{t('inbox.area')}</th>
								<th scope="col">{t('inbox.assignee')}</th>
							</tr>
						</thead>
						<tbody>
							{cases.map((row) => (
								<tr key={row.reference}>
									<th scope="row">
										<Link to={`/staff/cases/${row.reference}`}>{row.reference}</Link>
									</th>
									<td>{row.receivedOn}</td>
									<td>{t(`channel.${row.channel}`)}</td>
									<td>
										<span className={`status status--${row.status}`}>
											{t(`status.${row.status}`)}
										</span>
									</td>
									<td>{row.requesterType ? tx(`requesterType.${row.requesterType}`) : '–'}</td>
									<td>{row.areas.map((area) => tx(`areas.${area}`)).join(', ') || '–'}</td>
									<td>{row.assignee ?? t('inbox.unassigned')}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p>{t('inbox.empty')}</p>
			)}
			<Pagination page={page} pageCount={pageCount} />
		</section>
	)
}
