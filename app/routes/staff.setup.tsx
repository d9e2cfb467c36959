// The office setup's last step (decision 0011): the lead who set the office
// up, now signed in with their second factor, invites the first admin. Open
// only to that lead, and only while the office has no active admin.
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
import { ForbiddenError, homePathOf } from '~/platform/permissions'
import { FirstAdminSchema } from '~/features/staff-admin/admin-schemas'
import { parseSubmission } from '~/platform/forms/parse-submission.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { getTranslator } from '~/platform/i18n/translate.server'
import { TextField } from '~/platform/ui/form-fields'
import { findFirstAdminStep, inviteFirstAdmin } from '~/features/staff-admin/office-setup.server'
import { EmailTakenError } from '~/features/staff-admin/invitations.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request)
	const step = await findFirstAdminStep(actor)
	if (!step) throw redirect(homePathOf(actor.role))
	const { t } = getTranslator(request)
	return { title: t('setup:admin.title'), ...step }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request)
	const submission = parseSubmission(await readFormData(request, FORM_BODY_LIMIT), FirstAdminSchema)
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), link: null }, { status: 400 })
	}
	try {
		const token = await inviteFirstAdmin(actor, submission.value)
		const origin = new URL(request.url).origin
		// Shown once: no /staff page is cached (server/app.ts), and the link is not stored.
		return { result: null, link: `${origin}/staff/invitation/${token}` }
	} catch (error) {
		if (error instanceof EmailTakenError) {
			return data(
				{
					result: submission.reply({ fieldErrors: { email: ['users.emailTaken'] } }),
					link: null,
				},
				{ status: 400 },
			)
		}
		if (error instanceof ForbiddenError) throw redirect(homePathOf(actor.role))
		throw error
	}
}

export default function FirstAdminPage() {
	const { openInvitation } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('setup')
	const { t: ts } = useTranslation('staff')
	const [form, fields] = useValidatedForm(FirstAdminSchema, {
		id: 'first-admin',
		lastResult: result?.result,
	})
	return (
		<section className="narrow setup">
			<p className="setup-progress">{t('progress', { step: 4 })}</p>
			<h1>{t('admin.title')}</h1>
			<p className="notice">{t('admin.setUp')}</p>
			{result?.link ? (
				<div className="notice">
					<p>{t('admin.linkText')}</p>
					<p>
						<code className="link-box" data-testid="invitation-link">
							{result.link}
						</code>
					</p>
					<p>
						<a className="button-primary" href="/staff/cases">
							{t('admin.toCases')}
						</a>
					</p>
				</div>
			) : (
				<>
					<p>{t('admin.text')}</p>
					{openInvitation ? (
						<p>
							{t('admin.open', {
								name: openInvitation.displayName,
								email: openInvitation.email,
								date: openInvitation.expiresOn,
							})}
						</p>
					) : null}
					<Form method="post" {...getFormProps(form)}>
						<TextField
							field={fields.displayName}
							label={ts('account.name')}
							namespace="staff"
							required
						/>
						<TextField
							field={fields.email}
							type="email"
							label={ts('login.email')}
							namespace="staff"
							required
						/>
						<button type="submit" className="button-primary">
							{t('admin.submit')}
						</button>
					</Form>
					<p>
						<a href="/staff/cases">{t('admin.toCases')}</a>
					</p>
				</>
			)}
		</section>
	)
}
