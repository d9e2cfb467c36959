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
import { FormAlert, TextField } from '~/platform/ui/form-fields'
import { LoginSchema, SECRET_FIELDS } from '~/features/staff-auth/auth-schemas'
import { parseSubmission } from '~/platform/forms/parse-submission.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { getTranslator } from '~/platform/i18n/translate.server'
import { logIn } from '~/features/staff-auth/login.server'
import { isOfficeSetUp } from '~/features/staff-admin/office-setup.server'
import { staffSessionCookie } from '~/platform/sessions/token-cookie.server'
import { getStaffActor, safeRedirectPath } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const url = new URL(request.url)
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), '/staff')
	if (await getStaffActor(request)) throw redirect(redirectTo)
	return { title: t('staff:login.title'), redirectTo, setUp: await isOfficeSetUp() }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseSubmission(await readFormData(request, FORM_BODY_LIMIT), LoginSchema)
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 })
	}
	const result = await logIn({ ...submission.value, clientKey: context.clientKey })
	if (result.kind !== 'half-open') {
		return data(
			submission.reply({ formErrors: [`login.${result.kind}`], hideFields: SECRET_FIELDS }),
			{ status: result.kind === 'throttled' ? 429 : result.kind === 'busy' ? 503 : 401 },
		)
	}
	const redirectTo = safeRedirectPath(submission.value.redirectTo ?? null, '/staff')
	return redirect(`/staff/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`, {
		headers: { 'Set-Cookie': staffSessionCookie.serialize(request, result.token) },
	})
}

export default function LoginPage() {
	const { redirectTo, setUp } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(LoginSchema, { id: 'login', lastResult })
	return (
		<section className="narrow">
			<h1>{t('login.title')}</h1>
			{setUp ? null : <p className="notice">{t('login.notSetUp')}</p>}
			<Form method="post" {...getFormProps(form)}>
				<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<TextField
					field={fields.email}
					type="email"
					label={t('login.email')}
					autoComplete="username"
					namespace="staff"
					required
				/>
				<TextField
					field={fields.password}
					type="password"
					label={t('login.password')}
					autoComplete="current-password"
					namespace="staff"
					required
				/>
				<button type="submit" className="button-primary">
					{t('login.submit')}
				</button>
			</Form>
		</section>
	)
}
