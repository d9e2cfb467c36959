import {
	data,
	redirect,
	type ActionFunctionArgs,
	type AppLoadContext,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '~/platform/ui/form-fields'
import { homePathOf } from '~/platform/permissions'
import { SecondFactorSchema, SECRET_FIELDS } from '~/features/staff-auth/auth-schemas'
import { parseSubmission } from '~/platform/forms/parse-submission.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
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
	const submission = parseSubmission(
		await readFormData(request, FORM_BODY_LIMIT),
		SecondFactorSchema,
	)
	const wrong = (code: string, status: number) =>
		data(
			{
				result: submission.reply({ fieldErrors: { code: [code] }, hideFields: SECRET_FIELDS }),
				recoveryCodes: null,
			},
			{ status },
		)
	if (submission.status !== 'success') {
		return data(
			{ result: submission.reply({ hideFields: SECRET_FIELDS }), recoveryCodes: null },
			{ status: 400 },
		)
	}
	const { code } = submission.value
	const redirectTo = safeRedirectPath(submission.value.redirectTo ?? null, homePathOf(session.role))

	if (!session.totpEnabled) {
		const recoveryCodes = await confirmEnrolment(session, code)
		if (!recoveryCodes) return wrong('twoFactor.wrongCode', 400)
		const cookie = await signIn(request, session)
		enrolledInThisRequest.add(context)
		return data({ result: null, recoveryCodes, redirectTo }, { headers: { 'Set-Cookie': cookie } })
	}

	const result = await checkSecondFactor(session, code, context.clientKey)
	if (result === 'throttled') return wrong('login.throttled', 429)
	if (result !== 'passed') return wrong('twoFactor.wrongCode', 400)
	return redirect(redirectTo, { headers: { 'Set-Cookie': await signIn(request, session) } })
}

export default function TwoFactorPage() {
	const { enrolment, redirectTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(SecondFactorSchema, {
		id: 'two-factor',
		lastResult: actionData?.result,
	})

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
			<Form method="post" {...getFormProps(form)}>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<TextField
					field={fields.code}
					label={enrolment ? t('twoFactor.firstCode') : t('twoFactor.code')}
					hint={enrolment ? undefined : t('twoFactor.codeHint')}
					autoComplete="one-time-code"
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
