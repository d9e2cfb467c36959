import {
	data,
	redirect,
	type ActionFunctionArgs,
	type AppLoadContext,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '~/platform/ui/form-fields'
import { homePathOf } from '~/platform/permissions'
import { SecondFactorSchema } from '~/platform/forms/staff-forms'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import { upgradeSession, type OpenedSession } from '~/features/staff-auth/staff-session.server'
import {
	checkSecondFactor,
	confirmEnrolment,
	enrolmentFor,
} from '~/features/staff-auth/two-factor.server'
import { staffSessionCookie } from '~/platform/sessions/token-cookie.server'
import { requireHalfSession, safeRedirectPath } from '~/features/staff-auth/require-staff.server'
import { qrCodeSvg } from '~/features/staff-auth/qr-code.server'

/**
 * Without JavaScript the enrolment's post is answered with this page in the
 * same request: Remix runs the loader after the action, with the request's
 * old cookie, whose half-open session the enrolment has just replaced by a
 * full one. The action marks its request (by its load context, which the
 * loader shares) so that the loader lets the recovery codes show.
 */
const enrolledInThisRequest = new WeakSet<AppLoadContext>()

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	if (enrolledInThisRequest.has(context)) {
		const redirectTo = safeRedirectPath(
			new URL(request.url).searchParams.get('redirectTo'),
			'/staff',
		)
		return { title: t('staff:twoFactor.recoveryTitle'), redirectTo, enrolment: null }
	}
	const session = await requireHalfSession(request)
	const redirectTo = safeRedirectPath(
		new URL(request.url).searchParams.get('redirectTo'),
		homePathOf(session.role),
	)
	if (session.totpEnabled) {
		return { title: t('staff:twoFactor.title'), redirectTo, enrolment: null }
	}
	const enrolment = await enrolmentFor(session)
	if (!enrolment) return { title: t('staff:twoFactor.recoveryTitle'), redirectTo, enrolment: null }
	const { secret, uri } = enrolment
	return {
		title: t('staff:twoFactor.enrolTitle'),
		redirectTo,
		enrolment: { secret: secret.replace(/(.{4})/g, '$1 ').trim(), qr: await qrCodeSvg(uri) },
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

/**
 * With JavaScript, Remix reloads a page's data after its action. After the
 * enrolment that would sign the person out again: the session is full now,
 * which this page's loader refuses. The page keeps what the action returned
 * (the recovery codes) instead.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
	actionResult,
	defaultShouldRevalidate,
}) =>
	(actionResult as { recoveryCodes?: unknown } | undefined)?.recoveryCodes
		? false
		: defaultShouldRevalidate

async function signIn(request: Request, session: OpenedSession) {
	// Nothing is granted here: keys reach another account only when a lead
	// approves it on /staff/key-requests (security-model.md).
	const token = await upgradeSession(session)
	return staffSessionCookie.serialize(request, token)
}

export async function action({ request, context }: ActionFunctionArgs) {
	const session = await requireHalfSession(request)
	const form = parseForm(await readFormData(request), SecondFactorSchema)
	if (!form.success) return data({ errors: form.errors, recoveryCodes: null }, { status: 400 })
	const redirectTo = safeRedirectPath(form.data.redirectTo ?? null, homePathOf(session.role))

	if (!session.totpEnabled) {
		const recoveryCodes = await confirmEnrolment(session, form.data.code)
		if (!recoveryCodes) {
			return data({ errors: { code: 'twoFactor.wrongCode' }, recoveryCodes: null }, { status: 400 })
		}
		const cookie = await signIn(request, session)
		enrolledInThisRequest.add(context)
		return data({ errors: {}, recoveryCodes, redirectTo }, { headers: { 'Set-Cookie': cookie } })
	}

	const result = await checkSecondFactor(session, form.data.code, context.clientKey)
	if (result !== 'passed') {
		const key = result === 'throttled' ? 'login.throttled' : 'twoFactor.wrongCode'
		return data(
			{ errors: { code: key }, recoveryCodes: null },
			{ status: result === 'throttled' ? 429 : 400 },
		)
	}
	return redirect(redirectTo, { headers: { 'Set-Cookie': await signIn(request, session) } })
}

export default function TwoFactorPage() {
	const { enrolment, redirectTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const errors: Record<string, string> = actionData?.errors ?? {}

	if (actionData?.recoveryCodes) {
		return (
			<section className="narrow">
				<h1>{t('twoFactor.recoveryTitle')}</h1>
				<p>{t('twoFactor.recoveryText')}</p>
				<ol className="recovery-codes">
					{actionData.recoveryCodes.map((code) => (
						<li key={code}>
							<code>{code}</code>
						</li>
					))}
				</ol>
				<a className="button-primary" href={actionData.redirectTo ?? '/staff'}>
					{t('twoFactor.recoveryDone')}
				</a>
			</section>
		)
	}

	return (
		<section className="narrow">
			<h1>{enrolment ? t('twoFactor.enrolTitle') : t('twoFactor.title')}</h1>
			{enrolment ? (
				<>
					<p>{t('twoFactor.enrolText')}</p>
					<div
						className="qr-code"
						role="img"
						aria-label={t('twoFactor.qrLabel')}
						// The SVG is drawn on the server from our own otpauth URI.
						dangerouslySetInnerHTML={{ __html: enrolment.qr }}
					/>
					<p>
						{t('twoFactor.secretText')} <code className="totp-secret">{enrolment.secret}</code>
					</p>
				</>
			) : (
				<p>{t('twoFactor.text')}</p>
			)}
			<Form method="post" noValidate>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<TextField
					name="code"
					label={enrolment ? t('twoFactor.firstCode') : t('twoFactor.code')}
					hint={enrolment ? undefined : t('twoFactor.codeHint')}
					autoComplete="one-time-code"
					error={errors.code}
					namespace="staff"
					required
				/>
				<button type="submit" className="button-primary">
					{t('twoFactor.submit')}
				</button>
			</Form>
		</section>
	)
}
