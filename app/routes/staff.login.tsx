import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '~/platform/ui/form-fields'
import { LoginSchema } from '~/platform/forms/staff-forms'
import { valueOf } from '~/platform/forms/form-values'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
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
	const form = parseForm(await readFormData(request), LoginSchema)
	if (!form.success) {
		return data({ errors: form.errors, email: valueOf(form.values, 'email') }, { status: 400 })
	}
	const result = await logIn({ ...form.data, clientKey: context.clientKey })
	if (result.kind !== 'half-open') {
		const key = `login.${result.kind}`
		return data(
			{ errors: { form: key }, email: form.data.email },
			{ status: result.kind === 'throttled' ? 429 : result.kind === 'busy' ? 503 : 401 },
		)
	}
	const redirectTo = safeRedirectPath(form.data.redirectTo ?? null, '/staff')
	return redirect(`/staff/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`, {
		headers: { 'Set-Cookie': staffSessionCookie.serialize(request, result.token) },
	})
}

export default function LoginPage() {
	const { redirectTo, setUp } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const errors: Record<string, string> = actionData?.errors ?? {}
	return (
		<section className="narrow">
			<h1>{t('login.title')}</h1>
			{setUp ? null : <p className="notice">{t('login.notSetUp')}</p>}
			{errors.form ? (
				<p className="form-error" role="alert">
					{t(errors.form)}
				</p>
			) : null}
			<Form method="post" noValidate>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<TextField
					name="email"
					type="email"
					label={t('login.email')}
					autoComplete="username"
					defaultValue={actionData?.email}
					error={errors.email}
					namespace="staff"
					required
				/>
				<TextField
					name="password"
					type="password"
					label={t('login.password')}
					autoComplete="current-password"
					error={errors.password}
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
