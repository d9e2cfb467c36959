// The year's activities, newest first, in a table that scrolls in its own
// box on a phone. Whoever may change a row gets its buttons: a link to the
// change form, and a delete button whose post only asks (confirm-step.tsx).
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ActivityRecord } from './activities.server'

export type ListedActivity = ActivityRecord & { recordedBy: string; mayChange: boolean }

export function ActivityList({ year, activities }: { year: number; activities: ListedActivity[] }) {
	const { t } = useTranslation('staff')
	if (!activities.length) return <p>{t('activities.none')}</p>
	const named = (activity: ListedActivity) => ({
		kind: t(`activities.kinds.${activity.kind}`),
		day: activity.heldOn,
	})
	return (
		<div className="table-wrap">
			<table>
				<caption className="visually-hidden">{t('activities.listTitle', { year })}</caption>
				<thead>
					<tr>
						<th scope="col">{t('activities.heldOn')}</th>
						<th scope="col">{t('activities.kind')}</th>
						<th scope="col">{t('activities.audience')}</th>
						<th scope="col" className="number">
							{t('activities.participants')}
						</th>
						<th scope="col" className="number">
							{t('activities.hours')}
						</th>
						<th scope="col">{t('activities.recordedBy')}</th>
						<th scope="col">
							<span className="visually-hidden">{t('activities.change')}</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{activities.map((activity) => (
						<tr key={activity.id}>
							<th scope="row">{activity.heldOn}</th>
							<td>{t(`activities.kinds.${activity.kind}`)}</td>
							<td>{t(`activities.audiences.${activity.audience}`)}</td>
							<td className="number">{activity.participants ?? t('activities.notCounted')}</td>
							<td className="number">{activity.minutes / 60}</td>
							<td>{activity.recordedBy}</td>
							<td>
								{activity.mayChange ? (
									<div className="row-form row-actions">
										<Link
											to={`/staff/activities?year=${year}&edit=${activity.id}`}
											aria-label={t('activities.changeFor', named(activity))}
										>
											{t('activities.change')}
										</Link>
										<Form method="post">
											<input type="hidden" name="id" value={activity.id} />
											<button
												type="submit"
												name="intent"
												value="delete"
												className="button-secondary"
												aria-label={t('activities.deleteFor', named(activity))}
											>
												{t('activities.delete')}
											</button>
										</Form>
									</div>
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
