import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '~/platform/ui/form-fields'
import { OfficeDetailsFields } from '~/features/staff-admin/office-details-fields'
import { SettingsSchema } from '~/features/staff-admin/admin-schemas'
import { parseSubmission } from '~/platform/forms/parse-submission.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
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
	const submission = parseSubmission(await readFormData(request, FORM_BODY_LIMIT), SettingsSchema)
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	await updateOfficeSettings(actor, submission.value)
	return submission.reply()
}

export default function SettingsPage() {
	const { settings } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(SettingsSchema, {
		id: 'settings',
		lastResult,
		defaultValue: settings,
	})
	return (
		<section className="narrow">
			<h1>{t('settings.title')}</h1>
			{lastResult?.status === 'success' ? (
				<p className="notice" role="status">
					{t('settings.saved')}
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				{/* Named here, in the form's own render (useValidatedForm says why). */}
				<OfficeDetailsFields
					fields={{
						officeName: fields.officeName,
						contactEmail: fields.contactEmail,
						contactPhone: fields.contactPhone,
						address: fields.address,
					}}
				/>
				<TextField
					field={fields.retentionMonths}
					type="number"
					label={t('settings.retentionMonths')}
					hint={t('settings.retentionHint')}
					namespace="staff"
					required
				/>
				<TextField
					field={fields.statisticsThreshold}
					type="number"
					label={t('settings.statisticsThreshold')}
					hint={t('settings.thresholdHint')}
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
