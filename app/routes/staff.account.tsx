import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '~/platform/ui/form-fields'
import { NewPasswordFields } from '~/features/staff-auth/new-password-fields'
import { PasswordChangeSchema } from '~/platform/forms/staff-forms'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { changePassword } from '~/features/staff-auth/own-account.server'
import { remainingRecoveryCodes } from '~/features/staff-auth/two-factor.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request)
	const { t } = getTranslator(request)
	return {
		title: t('staff:account.title'),
		email: actor.email,
		displayName: actor.displayName,
		role: actor.role,
		recoveryCodesLeft: await remainingRecoveryCodes(actor.id),
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, context }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request)
	const form = parseForm(await readFormData(request), PasswordChangeSchema)
	if (!form.success) return data({ errors: form.errors, changed: false }, { status: 400 })
	const changed = await changePassword(
		actor,
		form.data.currentPassword,
		form.data.password,
		context.clientKey,
	)
	if (!changed) {
		return data(
			{ errors: { currentPassword: 'account.wrongPassword' }, changed: false },
			{ status: 400 },
		)
	}
	return { errors: {} as Record<string, string>, changed: true }
}

export default function AccountPage() {
	const { email, displayName, role, recoveryCodesLeft } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const errors: Record<string, string> = actionData?.errors ?? {}
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
			{actionData?.changed ? (
				<p className="notice" role="status">
					{t('account.changed')}
				</p>
			) : null}
			<Form method="post" noValidate>
				<TextField
					name="currentPassword"
					type="password"
					label={t('account.currentPassword')}
					autoComplete="current-password"
					error={errors.currentPassword}
					namespace="staff"
					required
				/>
				<NewPasswordFields errors={errors} />
				<button type="submit" className="button-primary">
					{t('account.submit')}
				</button>
			</Form>
		</section>
	)
}
