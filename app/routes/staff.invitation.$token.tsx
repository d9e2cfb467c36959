import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NewPasswordFields } from '~/features/staff-auth/new-password-fields'
import { NewPasswordSchema } from '~/platform/forms/staff-forms'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { acceptInvitation, findOpenInvitation } from '~/features/staff-admin/invitations.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const invitation = await findOpenInvitation(params.token ?? '')
	return {
		title: t('staff:invitation.title'),
		invitation: invitation
			? {
					email: invitation.email,
					displayName: invitation.displayName,
					role: invitation.role,
					reset: invitation.kind === 'PASSWORD_RESET',
				}
			: null,
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, params }: ActionFunctionArgs) {
	const form = parseForm(await readFormData(request), NewPasswordSchema)
	if (!form.success) return data({ errors: form.errors }, { status: 400 })
	const user = await acceptInvitation(params.token ?? '', form.data.password)
	if (!user) return data({ errors: { form: 'invitation.invalid' } }, { status: 410 })
	return redirect('/staff/login?activated=1')
}

export default function InvitationPage() {
	const { invitation } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const errors: Record<string, string> = actionData?.errors ?? {}
	if (!invitation) {
		return (
			<section className="narrow">
				<h1>{t('invitation.title')}</h1>
				<p>{t('invitation.invalid')}</p>
			</section>
		)
	}
	return (
		<section className="narrow">
			<h1>{t('invitation.title')}</h1>
			<p>
				{invitation.reset
					? t('invitation.resetText', { name: invitation.displayName })
					: t('invitation.text', {
							name: invitation.displayName,
							role: t(`roles.${invitation.role}`),
						})}
			</p>
			{errors.form ? (
				<p className="form-error" role="alert">
					{t(errors.form)}
				</p>
			) : null}
			<Form method="post" noValidate>
				<input type="hidden" name="username" value={invitation.email} autoComplete="username" />
				<NewPasswordFields errors={errors} />
				<button type="submit" className="button-primary">
					{t('invitation.submit')}
				</button>
			</Form>
		</section>
	)
}
