import {
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntentButton, TextField } from '~/platform/ui/form-fields'
import { ApiTokenIdSchema, ApiTokenSchema } from '~/features/staff-admin/admin-schemas'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	createApiToken,
	listApiTokens,
	revokeApiToken,
} from '~/features/staff-admin/api-token.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	const { t } = getTranslator(request)
	return { title: t('staff:statistics.api.title'), tokens: await listApiTokens(actor) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	return dispatchIntent(await readFormData(request, FORM_BODY_LIMIT), {
		create: intent(ApiTokenSchema, async ({ name }, submission) => ({
			intent: 'create',
			result: submission.reply({ resetForm: true }),
			// Shown once: only its hash is stored.
			token: await createApiToken(actor, name),
		})),
		revoke: intent(ApiTokenIdSchema, async ({ id }) => {
			await revokeApiToken(actor, id)
			return { intent: 'revoke', result: null, token: null }
		}),
	})
}

function RevokeForm({ id }: { id: string }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(ApiTokenIdSchema, { id: `revoke-${id}` })
	return (
		<Form method="post" className="row-form" {...getFormProps(form)}>
			<input type="hidden" name={fields.id.name} value={id} />
			<IntentButton intent="revoke">{t('statistics.api.revoke')}</IntentButton>
		</Form>
	)
}

export default function ApiTokensPage() {
	const { tokens } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(ApiTokenSchema, {
		id: 'api-token',
		lastResult: answer?.intent === 'create' ? answer.result : undefined,
	})
	return (
		<section>
			<h1>{t('statistics.api.title')}</h1>
			<p>{t('statistics.api.text')}</p>
			{answer && 'token' in answer && answer.token ? (
				<div className="notice" role="status">
					<p>{t('statistics.api.created')}</p>
					<p>
						<code className="link-box">{answer.token}</code>
					</p>
				</div>
			) : null}
			{tokens.length ? (
				<ul>
					{tokens.map((token) => (
						<li key={token.id}>
							{token.name} ({token.createdOn}) – {t('statistics.api.lastUsed')}:{' '}
							{token.lastUsedOn ?? t('statistics.api.never')}
							{token.revoked ? ` · ${t('statistics.api.revoked')}` : <RevokeForm id={token.id} />}
						</li>
					))}
				</ul>
			) : (
				<p>{t('statistics.api.none')}</p>
			)}
			<Form method="post" className="narrow" {...getFormProps(form)}>
				<TextField
					field={fields.name}
					label={t('statistics.api.name')}
					namespace="staff"
					required
				/>
				<IntentButton intent="create" primary>
					{t('statistics.api.create')}
				</IntentButton>
			</Form>
		</section>
	)
}
