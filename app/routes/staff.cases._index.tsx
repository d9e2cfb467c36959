import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRangeFields } from '~/platform/ui/date-range-fields'
import { Pagination } from '~/platform/ui/pagination'
import { can, RECORDS_CASES, WORK_CASES } from '~/platform/permissions'
import { InboxFilterSchema, type InboxSort } from '~/features/cases/casework-schemas'
import { changedSearch, searchParamsObject } from '~/platform/forms/search-params'
import { AREAS_OF_LIFE, CASE_STATUSES, REQUESTER_TYPES } from '~/platform/taxonomy'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	countQueues,
	listAssignableStaff,
	listCases,
	queueFor,
	queuesOf,
	sortOf,
} from '~/features/cases/inbox.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const { t } = getTranslator(request)
	const url = new URL(request.url)
	const asked = InboxFilterSchema.parse(searchParamsObject(url))
	const filter = { ...asked, view: queueFor(actor, asked.view) }
	const [result, counts, staff] = await Promise.all([
		listCases(actor, filter),
		countQueues(actor),
		listAssignableStaff(actor),
	])
	return {
		title: t('staff:inbox.title'),
		lead: can(actor.role, 'case:work-all'),
		recordCase: can(actor.role, RECORDS_CASES),
		queues: queuesOf(actor),
		counts,
		filter: {
			...filter,
			from: url.searchParams.get('from') ?? '',
			to: url.searchParams.get('to') ?? '',
		},
		order: sortOf(filter),
		staff,
		...result,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

type Order = { sort: InboxSort; dir: 'asc' | 'desc' }

/** A column header that sorts by its column; again, the other way round. */
function SortableHeader({
	column,
	order,
	label,
}: {
	column: InboxSort
	order: Order
	label: string
}) {
	const { search } = useLocation()
	const active = order.sort === column
	const firstDir = column === 'received' ? 'desc' : 'asc'
	const dir = active ? (order.dir === 'asc' ? 'desc' : 'asc') : firstDir
	return (
		<th
			scope="col"
			aria-sort={active ? (order.dir === 'asc' ? 'ascending' : 'descending') : undefined}
		>
			<a href={changedSearch(search, { sort: column, dir, page: null })}>
				{label}
				{active ? <span aria-hidden="true">{order.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
			</a>
		</th>
	)
}

export default function Inbox() {
	const { cases, total, page, pageCount, filter, order, lead, recordCase, staff, queues, counts } =
		useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	const { t: tx } = useTranslation('taxonomy')
	const { search } = useLocation()
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
					{queues.map((queue) => {
						const count = counts[queue]
						const label = t(`inbox.view.${queue}`)
						return (
							<li key={queue}>
								{/* Another queue keeps the filters, and starts on its own first page and order. */}
								<a
									href={changedSearch(search, { view: queue, page: null, sort: null, dir: null })}
									aria-current={filter.view === queue ? 'page' : undefined}
								>
									{count === undefined ? label : t('inbox.queueCount', { label, count })}
								</a>
							</li>
						)
					})}
				</ul>
			</nav>
			<Form method="get" className="filters" aria-label={t('inbox.filters')}>
				<input type="hidden" name="view" value={filter.view} />
				{filter.sort ? <input type="hidden" name="sort" value={filter.sort} /> : null}
				{filter.dir ? <input type="hidden" name="dir" value={filter.dir} /> : null}
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
								<SortableHeader column="received" order={order} label={t('inbox.received')} />
								<th scope="col">{t('inbox.channel')}</th>
								<SortableHeader column="status" order={order} label={t('inbox.status')} />
								<th scope="col">{t('inbox.assignee')}</th>
								<SortableHeader column="waiting" order={order} label={t('inbox.waiting')} />
								<th scope="col">{t('inbox.unreadColumn')}</th>
								<SortableHeader column="due" order={order} label={t('inbox.due')} />
							</tr>
						</thead>
						<tbody>
							{cases.map((row) => (
								<tr key={row.reference}>
									<th scope="row">
										<Link to={`/staff/cases/${row.reference}`}>{row.reference}</Link>
									</th>
									<td>
										<time dateTime={row.receivedOn}>{row.receivedOn}</time>
									</td>
									<td>{t(`channel.${row.channel}`, { defaultValue: row.channel })}</td>
									<td>
										<span className={`status status--${row.status}`}>
											{t(`status.${row.status}`)}
										</span>
										{row.withdrawn ? ` · ${t('case.withdrawnByPerson')}` : null}
									</td>
									<td>{row.assignee ?? t('inbox.unassigned')}</td>
									<td>
										{row.waitingSince ? (
											<time dateTime={row.waitingSince}>
												{t('inbox.waitingDays', { count: row.waitingDays ?? 0 })}
											</time>
										) : (
											'–'
										)}
									</td>
									<td>
										{row.unread ? (
											<span className="badge">{t('inbox.unread', { count: row.unread })}</span>
										) : (
											'–'
										)}
									</td>
									<td>
										{row.dueOn ? (
											<>
												<time dateTime={row.dueOn}>{row.dueOn}</time>
												{row.due === 'later' ? null : (
													<span className={`due due--${row.due}`}>
														{t(`inbox.dueState.${row.due}`)}
													</span>
												)}
											</>
										) : (
											'–'
										)}
									</td>
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
