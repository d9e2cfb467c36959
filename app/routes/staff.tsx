import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, HOLDS_EVERY_CASE_KEY, RECORDS_CASES, WORK_CASES } from '~/platform/permissions'
import { countOpenKeyRequests } from '~/features/key-access/key-requests.server'
import { getStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await getStaffActor(request)
	if (!actor) return { user: null }
	return {
		user: {
			displayName: actor.displayName,
			role: actor.role,
			cases: can(actor.role, WORK_CASES),
			recordCase: can(actor.role, RECORDS_CASES),
			handover: can(actor.role, 'case:work-all'),
			templates: can(actor.role, 'templates:manage'),
			audit: can(actor.role, 'audit:read'),
			admin: can(actor.role, 'staff:manage'),
			statistics: can(actor.role, 'statistics:read'),
			activities: can(actor.role, 'activity:record'),
			// Leads see how many accounts wait for their decision.
			keyRequests: can(actor.role, HOLDS_EVERY_CASE_KEY) ? await countOpenKeyRequests(actor) : null,
		},
	}
}

export default function StaffLayout() {
	const { user } = useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	return (
		<div className="staff">
			{user ? (
				<nav className="staff-nav" aria-label={t('nav.label')}>
					<ul>
						{user.cases ? (
							<li>
								<NavLink to="/staff/cases" end>
									{t('nav.cases')}
								</NavLink>
							</li>
						) : null}
						{user.recordCase ? (
							<li>
								<NavLink to="/staff/cases/new">{t('nav.recordCase')}</NavLink>
							</li>
						) : null}
						{user.handover ? (
							<li>
								<NavLink to="/staff/handover">{t('nav.handover')}</NavLink>
							</li>
						) : null}
						{user.templates ? (
							<li>
								<NavLink to="/staff/templates">{t('nav.templates')}</NavLink>
							</li>
						) : null}
						{user.keyRequests !== null ? (
							<li>
								<NavLink to="/staff/key-requests">
									{t('nav.keyRequests', { waiting: user.keyRequests })}
								</NavLink>
							</li>
						) : null}
						{user.activities ? (
							<li>
								<NavLink to="/staff/activities">{t('nav.activities')}</NavLink>
							</li>
						) : null}
						{user.statistics ? (
							<li>
								<NavLink to="/staff/statistics">{t('nav.statistics')}</NavLink>
							</li>
						) : null}
						{user.admin ? (
							<>
								<li>
									<NavLink to="/staff/admin/users">{t('nav.users')}</NavLink>
								</li>
								<li>
									<NavLink to="/staff/admin/settings">{t('nav.settings')}</NavLink>
								</li>
								<li>
									<NavLink to="/staff/admin/tokens">{t('nav.tokens')}</NavLink>
								</li>
							</>
						) : null}
						{user.audit ? (
							<li>
								<NavLink to="/staff/audit">{t('nav.audit')}</NavLink>
							</li>
						) : null}
						<li>
							<NavLink to="/staff/account">{t('nav.account')}</NavLink>
						</li>
					</ul>
					<p className="staff-user">
						{user.displayName} · {t(`roles.${user.role}`)}
					</p>
					<Form method="post" action="/staff/logout">
						<button type="submit" className="button-secondary">
							{t('nav.logout')}
						</button>
					</Form>
				</nav>
			) : null}
			<Outlet />
		</div>
	)
}
