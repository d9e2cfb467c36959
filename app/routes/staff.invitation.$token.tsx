import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '~/platform/ui/form-fields'
import { NewPasswordFields } from '~/features/staff-auth/new-password-fields'
import { NewPasswordSchema, SECRET_FIELDS } from '~/features/staff-auth/auth-schemas'
import { BusyError } from '~/platform/busy-gate.server'
import { parseSubmission, parseSubmissionAsync } from '~/platform/forms/parse-submission.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { getTranslator } from '~/platform/i18n/translate.server'
import { acceptInvitation, findOpenInvitation } from '~/features/staff-admin/invitations.server'
import {
	personalWords,
	prepareStrengthCheck,
	withStrongPassword,
} from '~/features/staff-auth/password-strength.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const invitation = await findOpenInvitation(params.token ?? '')
	if (invitation) prepareStrengthCheck()
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
	const formData = await readFormData(request, FORM_BODY_LIMIT)
	const token = params.token ?? ''
	// The link first: the password must not be made of its person's name
	// and address, and a link of no use costs no strength estimate.
	const invitation = await findOpenInvitation(token)
	if (!invitation) {
		return data(
			parseSubmission(formData, NewPasswordSchema).reply({
				formErrors: ['invitation.invalid'],
				hideFields: SECRET_FIELDS,
			}),
			{ status: 410 },
		)
	}
	const submission = await parseSubmissionAsync(
		formData,
		withStrongPassword(NewPasswordSchema, () =>
			personalWords(invitation.email, invitation.displayName),
		),
	)
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 })
	}
	try {
		const user = await acceptInvitation(token, submission.value.password)
		if (!user) {
			return data(
				submission.reply({ formErrors: ['invitation.invalid'], hideFields: SECRET_FIELDS }),
				{ status: 410 },
			)
		}
	} catch (error) {
		if (!(error instanceof BusyError)) throw error
		return data(submission.reply({ formErrors: ['login.busy'], hideFields: SECRET_FIELDS }), {
			status: 503,
		})
	}
	return redirect('/staff/login?activated=1')
}

export default function InvitationPage() {
	const { invitation } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(NewPasswordSchema, { id: 'invitation', lastResult })
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
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<input type="hidden" name="username" value={invitation.email} autoComplete="username" />
				<NewPasswordFields password={fields.password} confirmation={fields.confirmation} />
				<button type="submit" className="button-primary">
					{t('invitation.submit')}
				</button>
			</Form>
		</section>
	)
}
