import {
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntentButton, TextField } from '~/platform/ui/form-fields'
import { OfficeDetailsFields } from '~/features/staff-admin/office-details-fields'
import { SettingsSchema } from '~/features/staff-admin/admin-schemas'
import { NotificationSettings } from '~/features/notifications/notification-settings'
import { TestMailSchema } from '~/features/notifications/notification-schemas'
import {
	getNotificationStatus,
	MailOffError,
	NoOfficeEmailError,
	sendTestMail,
} from '~/features/notifications/notification-settings.server'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
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
	return {
		title: t('staff:settings.title'),
		settings: await getOfficeSettings(actor),
		notifications: await getNotificationStatus(actor),
		ownEmail: actor.email,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			settings: intent(SettingsSchema, async (value, submission) => {
				await updateOfficeSettings(actor, value)
				return { intent: 'settings', result: submission.reply(), testMail: null }
			}),
			'test-mail': intent(TestMailSchema, async ({ to }, submission) => ({
				intent: 'test-mail',
				result: submission.reply(),
				testMail: await sendTestMail(actor, to),
			})),
		},
		{
			explain: [
				{ error: MailOffError, status: 409, message: 'notifications.off' },
				{ error: NoOfficeEmailError, status: 409, message: 'notifications.test.noOfficeEmail' },
			],
		},
	)
}

export default function SettingsPage() {
	const { settings, notifications, ownEmail } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(SettingsSchema, {
		id: 'settings',
		lastResult: answer?.intent === 'settings' ? answer.result : undefined,
		defaultValue: settings,
	})
	const saved = answer?.intent === 'settings' && answer.result.status === 'success'
	return (
		<section className="narrow">
			<h1>{t('settings.title')}</h1>
			{saved ? (
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
					field={fields.officeEmail}
					type="email"
					label={t('settings.officeEmail')}
					hint={t('settings.officeEmailHint')}
					namespace="staff"
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
				<IntentButton intent="settings" primary>
					{t('settings.submit')}
				</IntentButton>
			</Form>
			<NotificationSettings
				status={notifications}
				ownEmail={ownEmail}
				officeEmail={settings?.officeEmail ?? null}
				answer={answer?.intent === 'test-mail' ? answer : undefined}
			/>
		</section>
	)
}
