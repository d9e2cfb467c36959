// The office's setup link (office-setup.server.ts, decision 0011): the
// office's details, the recovery sheet, the first lead. Each step posts and
// comes back here (works without JavaScript); the link's state in the
// database says which step is next. The lead then enrols a second factor on
// the usual page and invites the first admin at /staff/setup.
import {
	data,
	redirect,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BusyError } from '~/platform/busy-gate.server'
import { dispatchIntent, intent, type IntentFailure } from '~/platform/forms/intent-dispatch.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import {
	FirstLeadSchema,
	OfficeDetailsSchema,
	RecoverySheetConfirmationSchema,
	RecoverySheetSchema,
} from '~/features/staff-admin/admin-schemas'
import { SECRET_FIELDS } from '~/features/staff-auth/auth-schemas'
import { getTranslator } from '~/platform/i18n/translate.server'
import { staffSessionCookie } from '~/platform/sessions/token-cookie.server'
import {
	confirmRecoverySheet,
	createFirstLead,
	createRecoverySheet,
	findSetupStep,
	isOfficeSetUp,
	saveSetupDetails,
} from '~/features/staff-admin/office-setup.server'
import { DetailsStep, LeadStep, RecoveryStep } from '~/features/staff-admin/setup-steps'
import { logIn } from '~/features/staff-auth/login.server'
import {
	personalWords,
	prepareStrengthCheck,
	withStrongPassword,
} from '~/features/staff-auth/password-strength.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const setup = await findSetupStep(params.token ?? '')
	if (setup?.step === 'lead') prepareStrengthCheck()
	return { title: t('setup:title'), setup, setUp: setup ? false : await isOfficeSetUp() }
}

// The link is in the address and one response holds the recovery key: like
// every page, never cached (server/app.ts sends no-store).

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, params, context }: ActionFunctionArgs) {
	const token = params.token ?? ''
	// Wherever the link stands now, the loader shows it (a step done, the link spent).
	const here = () => redirect(`/setup/${encodeURIComponent(token)}`)
	// A link of no use costs nothing more, a new password's strength estimate least of all.
	if (!(await findSetupStep(token))) return here()
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			details: intent(OfficeDetailsSchema, async (details) => {
				await saveSetupDetails(token, details)
				return here()
			}),
			'recovery-sheet': intent(RecoverySheetSchema, async () => {
				const sheet = await createRecoverySheet(token)
				// The only response that ever holds the private key.
				return sheet ? { intent: 'recovery-sheet', sheet } : here()
			}),
			'recovery-confirm': intent(
				RecoverySheetConfirmationSchema,
				async ({ sheetNumber }, submission) => {
					if ((await confirmRecoverySheet(token, sheetNumber)) === 'void') {
						return data<IntentFailure>(
							{
								intent: 'recovery-confirm',
								result: submission.reply({ formErrors: ['recovery.void'] }),
							},
							{ status: 409 },
						)
					}
					return here()
				},
			),
			lead: intent(
				withStrongPassword(FirstLeadSchema, (lead) => personalWords(lead.email, lead.displayName)),
				async (value, submission) => {
					const lead = await createFirstLead(token, value)
					if (lead === 'email-taken') {
						return data<IntentFailure>(
							{
								intent: 'lead',
								result: submission.reply({
									fieldErrors: { email: ['users.emailTaken'] },
									hideFields: SECRET_FIELDS,
								}),
							},
							{ status: 400 },
						)
					}
					if (!lead) return here()
					// Signed in to the half-open session: the usual enrolment page takes over.
					const next = '/staff/setup'
					const login = await logIn({ ...value, clientKey: context.clientKey })
					if (login.kind !== 'half-open') {
						return redirect(`/staff/login?redirectTo=${encodeURIComponent(next)}`)
					}
					return redirect(`/staff/two-factor?redirectTo=${encodeURIComponent(next)}`, {
						headers: { 'Set-Cookie': staffSessionCookie.serialize(request, login.token) },
					})
				},
			),
		},
		{
			explain: [{ error: BusyError, status: 503, message: 'staff:login.busy' }],
			hideFields: SECRET_FIELDS,
		},
	)
}

export default function SetupPage() {
	const { setup, setUp } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('setup')
	const resultFor = (intent: string) =>
		answer?.intent === intent && 'result' in answer ? answer.result : undefined
	if (!setup) {
		return (
			<section className="narrow">
				<h1>{t('void.title')}</h1>
				<p>{setUp ? t('void.setUpText') : t('void.text')}</p>
				<p>
					<a href="/staff/login">{t('void.signIn')}</a>
				</p>
			</section>
		)
	}
	switch (setup.step) {
		case 'details':
			return <DetailsStep details={setup.details} lastResult={resultFor('details')} />
		case 'recovery':
			return (
				<RecoveryStep
					sheet={answer && 'sheet' in answer ? answer.sheet : undefined}
					lastResult={resultFor('recovery-confirm')}
				/>
			)
		case 'lead':
			return <LeadStep lastResult={resultFor('lead')} />
	}
}
