import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DateRangeFields } from '~/platform/ui/date-range-fields'
import { Pagination } from '~/platform/ui/pagination'
import { AuditFilterSchema } from '~/features/audit/audit-filter-schema'
import { searchParamsObject } from '~/platform/forms/search-params'
import { getTranslator } from '~/platform/i18n/translate.server'
import { AUDIT_ACTIONS, listAuditEvents } from '~/features/audit/audit.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'audit:read')
	const { t } = getTranslator(request)
	const url = new URL(request.url)
	const filter = AuditFilterSchema.parse(searchParamsObject(url))
	const result = await listAuditEvents(actor, filter)
	return {
		title: t('staff:audit.title'),
		actions: AUDIT_ACTIONS,
		filter: {
			action: filter.action ?? '',
			actorEmail: filter.actorEmail ?? '',
			caseReference: filter.caseReference ?? '',
			from: url.searchParams.get('from') ?? '',
			to: url.searchParams.get('to') ?? '',
		},
		...result,
		events: result.events.map((event) => ({
			...event,
			at: event.at.toISOString().slice(0, 19).replace('T', ' '),
			detail: event.detail ? JSON.stringify(event.detail) : '',
		})),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export default function AuditPage() {
	const { events, total, page, pageCount, filter, actions } = useLoaderData<typeof loader>()
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
							<option key={action} value={action}>
								{action}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="actorEmail">{t('audit.actor')}</label>
					<input id="actorEmail" name="actorEmail" type="search" defaultValue={filter.actorEmail} />
				</div>
				<div className="field">
					<label htmlFor="caseReference">{t('inbox.reference')}</label>
					<input
						id="caseReference"
						name="caseReference"
						type="search"
						defaultValue={filter.caseReference}
					/>
				</div>
				<DateRangeFields from={filter.from} to={filter.to} />
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
							<th scope="col">{t('inbox.reference')}</th>
							<th scope="col">{t('audit.detail')}</th>
						</tr>
					</thead>
					<tbody>
						{events.map((event) => (
							<tr key={event.id}>
								<td>{event.at}</td>
								<td>{event.actorEmail ?? '–'}</td>
								<td>
									<code>{event.action}</code>
								</td>
								<td>{event.caseReference ?? ''}</td>
								<td>
									<code>{event.detail}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<Pagination page={page} pageCount={pageCount} />
		</section>
	)
}
