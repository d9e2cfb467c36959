import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '~/platform/ui/form-fields'
import { OfficeDetailsFields } from '~/features/staff-admin/office-details-fields'
import { SettingsSchema } from '~/platform/forms/staff-forms'
import { valueOf } from '~/platform/forms/form-values'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	getOfficeSettings,
	updateOfficeSettings,
} from '~/features/staff-admin/office-settings.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	const { t } = getTranslator(request)
	return { title: t('staff:settings.title'), settings: await getOfficeSettings(actor) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	const form = parseForm(await readFormData(request), SettingsSchema)
	if (!form.success) {
		return data({ errors: form.errors, values: form.values, saved: false }, { status: 400 })
	}
	await updateOfficeSettings(actor, form.data)
	return { errors: {} as Record<string, string>, values: form.values, saved: true }
}

export default function SettingsPage() {
	const { settings } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const errors: Record<string, string> = result?.errors ?? {}
	const value = (name: keyof NonNullable<typeof settings>) =>
		valueOf(result?.values, name) ?? String(settings?.[name] ?? '')
	return (
		<section className="narrow">
			<h1>{t('settings.title')}</h1>
			{result?.saved ? (
				<p className="notice" role="status">
					{t('settings.saved')}
				</p>
			) : null}
			<Form method="post" noValidate>
				<OfficeDetailsFields
					defaults={{
						officeName: value('officeName'),
						contactEmail: value('contactEmail'),
						contactPhone: value('contactPhone'),
						address: value('address'),
					}}
					errors={errors}
				/>
				<TextField
					name="retentionMonths"
					type="number"
					label={t('settings.retentionMonths')}
					hint={t('settings.retentionHint')}
					defaultValue={value('retentionMonths')}
					error={errors.retentionMonths}
					namespace="staff"
					required
				/>
				<TextField
					name="statisticsThreshold"
					type="number"
					label={t('settings.statisticsThreshold')}
					hint={t('settings.thresholdHint')}
					defaultValue={value('statisticsThreshold')}
					error={errors.statisticsThreshold}
					namespace="staff"
					required
				/>
				<button type="submit" className="button-primary">
					{t('settings.submit')}
				</button>
			</Form>
		</section>
	)
}
