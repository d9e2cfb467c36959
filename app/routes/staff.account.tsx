import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormAlert, IntentButton, TextField } from '~/platform/ui/form-fields'
import { NewPasswordFields } from '~/features/staff-auth/new-password-fields'
import { PasswordChangeSchema, SECRET_FIELDS } from '~/features/staff-auth/auth-schemas'
import { NoticeModeForm } from '~/features/notifications/notice-mode-form'
import { NoticeModeSchema } from '~/features/notifications/notification-schemas'
import { getNoticeMode, setNoticeMode } from '~/features/notifications/notification-settings.server'
import { BusyError } from '~/platform/busy-gate.server'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { getTranslator } from '~/platform/i18n/translate.server'
import { changePassword } from '~/features/staff-auth/own-account.server'
import {
	personalWords,
	prepareStrengthCheck,
	withStrongPassword,
} from '~/features/staff-auth/password-strength.server'
import { remainingRecoveryCodes } from '~/features/staff-auth/two-factor.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request)
	const { t } = getTranslator(request)
	prepareStrengthCheck()
	return {
		title: t('staff:account.title'),
		email: actor.email,
		displayName: actor.displayName,
		role: actor.role,
		recoveryCodesLeft: await remainingRecoveryCodes(actor.id),
		notices: await getNoticeMode(actor),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request)
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			password: intent(
				withStrongPassword(PasswordChangeSchema, ({ currentPassword }) =>
					personalWords(actor.email, actor.displayName, currentPassword),
				),
				async ({ currentPassword, password }, submission) => {
					const refuse = (status: number, errors: Parameters<typeof submission.reply>[0]) =>
						data(
							{
								intent: 'password',
								result: submission.reply({ ...errors, hideFields: SECRET_FIELDS }),
							},
							{ status },
						)
					try {
						if (!(await changePassword(actor, currentPassword, password, context.clientKey))) {
							return refuse(400, { fieldErrors: { currentPassword: ['account.wrongPassword'] } })
						}
					} catch (error) {
						if (!(error instanceof BusyError)) throw error
						return refuse(503, { formErrors: ['login.busy'] })
					}
					// Emptied, and said so: the reply of a reset form carries no status of its own.
					return {
						intent: 'password',
						result: { ...submission.reply({ resetForm: true }), status: 'success' as const },
					}
				},
			),
			notices: intent(NoticeModeSchema, async ({ noticeMode }, submission) => {
				await setNoticeMode(actor, noticeMode)
				return { intent: 'notices', result: submission.reply() }
			}),
		},
		{ hideFields: SECRET_FIELDS },
	)
}

export default function AccountPage() {
	const { email, displayName, role, recoveryCodesLeft, notices } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const lastResult = answer?.intent === 'password' ? answer.result : undefined
	const [form, fields] = useValidatedForm(PasswordChangeSchema, {
		id: 'password-change',
		lastResult,
	})
	return (
		<section className="narrow">
			<h1>{t('account.title')}</h1>
			<dl className="case-facts">
				<dt>{t('account.name')}</dt>
				<dd>{displayName}</dd>
				<dt>{t('login.email')}</dt>
				<dd>{email}</dd>
				<dt>{t('account.role')}</dt>
				<dd>{t(`roles.${role}`)}</dd>
				<dt>{t('account.recoveryCodes')}</dt>
				<dd>{t('account.recoveryCodesLeft', { count: recoveryCodesLeft })}</dd>
			</dl>
			<h2>{t('account.changePassword')}</h2>
			{lastResult?.status === 'success' ? (
				<p className="notice" role="status">
					{t('account.changed')}
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<TextField
					field={fields.currentPassword}
					type="password"
					label={t('account.currentPassword')}
					autoComplete="current-password"
					namespace="staff"
					required
				/>
				<NewPasswordFields password={fields.password} confirmation={fields.confirmation} />
				<IntentButton intent="password" primary>
					{t('account.submit')}
				</IntentButton>
			</Form>
			{notices ? (
				<NoticeModeForm
					{...notices}
					lastResult={answer?.intent === 'notices' ? answer.result : undefined}
				/>
			) : null}
		</section>
	)
}
