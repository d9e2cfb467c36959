import {
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChangeActivityForm, RecordActivityForm } from '~/features/activities/activity-form'
import { ActivityList } from '~/features/activities/activity-list'
import {
	ActivityChangeSchema,
	ActivityDeletionSchema,
	ActivityListQuerySchema,
	ActivitySchema,
} from '~/features/activities/activity-schemas'
import {
	activityYears,
	ActivityNotFoundError,
	changeActivity,
	deleteActivity,
	getActivityToChange,
	listActivities,
	recordActivity,
} from '~/features/activities/activities.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import type { StaffActor } from '~/features/staff-auth/staff-session.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { searchParamsObject } from '~/platform/forms/search-params'
import { getTranslator } from '~/platform/i18n/translate.server'
import { ForbiddenError } from '~/platform/permissions'
import { ConfirmStep } from '~/platform/ui/confirm-step'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'activity:record')
	const { t } = getTranslator(request)
	const query = ActivityListQuerySchema.parse(searchParamsObject(new URL(request.url)))
	const year = query.year ?? new Date().getUTCFullYear()
	const [years, activities, editing] = await Promise.all([
		activityYears(actor),
		listActivities(actor, year),
		query.edit ? activityToChange(actor, query.edit) : null,
	])
	return { title: t('staff:activities.title'), year, years, activities, editing, done: query.done }
}

/** The activity the change form opens with: 404 when there is none, 403 when it is not one's own. */
async function activityToChange(actor: StaffActor, id: string) {
	try {
		return await getActivityToChange(actor, id)
	} catch (error) {
		if (error instanceof ActivityNotFoundError) throw new Response('Not found', { status: 404 })
		if (error instanceof ForbiddenError) throw new Response('Forbidden', { status: 403 })
		throw error
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'activity:record')
	// Done: to the year of the activity (a reload then sends nothing twice), which says what was done.
	const done = (year: number, what: string) =>
		redirect(`/staff/activities?year=${year}&done=${what}`)
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			record: intent(ActivitySchema, async (value) =>
				done(await recordActivity(actor, value), 'recorded'),
			),
			change: intent(ActivityChangeSchema, async ({ id, ...value }) =>
				done(await changeActivity(actor, id, value), 'changed'),
			),
			delete: intent(ActivityDeletionSchema, async ({ id, confirmed }) => {
				if (!confirmed) return { intent: 'delete', confirm: await getActivityToChange(actor, id) }
				return done(await deleteActivity(actor, id), 'deleted')
			}),
		},
		{ notFound: [ActivityNotFoundError] },
	)
}

export default function ActivitiesPage() {
	const { year, years, activities, editing, done } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	// Each redirect is a new location: the form whose activity was just recorded starts empty again.
	const { key } = useLocation()
	const confirm = answer && 'confirm' in answer ? answer.confirm : undefined
	const resultFor = (name: string) =>
		answer && 'result' in answer && answer.intent === name ? answer.result : undefined
	const listUrl = `/staff/activities?year=${year}`
	const describe = (activity: NonNullable<typeof confirm>) =>
		[
			t(`activities.kinds.${activity.kind}`),
			t(`activities.audiences.${activity.audience}`),
			activity.heldOn,
		].join(', ')
	return (
		<section className="activities">
			<h1>{t('activities.title')}</h1>
			<p>{t('activities.intro')}</p>
			{done ? (
				<p className="notice" role="status">
					{t(`activities.done.${done}`)}
				</p>
			) : null}
			{confirm ? (
				<ConfirmStep
					key={confirm.id}
					title={t('activities.confirmDelete.title')}
					intent="delete"
					fields={{ id: confirm.id }}
					confirmLabel={t('activities.confirmDelete.submit')}
					cancelTo={listUrl}
				>
					<p>{t('activities.confirmDelete.text', { description: describe(confirm) })}</p>
				</ConfirmStep>
			) : null}
			{editing ? (
				<ChangeActivityForm
					key={editing.id}
					activity={editing}
					lastResult={resultFor('change')}
					cancelTo={listUrl}
				/>
			) : (
				<RecordActivityForm
					key={done === 'recorded' ? key : 'record'}
					lastResult={resultFor('record')}
				/>
			)}
			<h2 id="activity-list-title">{t('activities.listTitle', { year })}</h2>
			<Form method="get" className="filters" aria-labelledby="activity-list-title">
				<div className="field">
					<label htmlFor="activity-year">{t('activities.year')}</label>
					<select id="activity-year" name="year" defaultValue={year}>
						{years.map((each) => (
							<option key={each} value={each}>
								{each}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="button-secondary">
					{t('activities.show')}
				</button>
			</Form>
			<ActivityList year={year} activities={activities} />
		</section>
	)
}
