import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { TextField } from '~/platform/ui/form-fields'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	createApiToken,
	listApiTokens,
	revokeApiToken,
} from '~/features/staff-admin/api-token.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

const ApiTokenSchema = z.object({
	name: z
		.string({ required_error: 'errors.required' })
		.trim()
		.min(1, 'errors.required')
		.max(120, 'errors.tooLong'),
})

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	const { t } = getTranslator(request)
	return { title: t('staff:statistics.api.title'), tokens: await listApiTokens(actor) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'settings:manage')
	const formData = await readFormData(request)
	if (formData.get('intent') === 'revoke') {
		const id = z.string().uuid().safeParse(formData.get('id'))
		if (id.success) await revokeApiToken(actor, id.data)
		return { errors: {} as Record<string, string>, token: null }
	}
	const form = parseForm(formData, ApiTokenSchema)
	if (!form.success) return data({ errors: form.errors, token: null }, { status: 400 })
	return {
		errors: {} as Record<string, string>,
		token: await createApiToken(actor, form.data.name),
	}
}

export default function ApiTokensPage() {
	const { tokens } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	return (
		<section>
			<h1>{t('statistics.api.title')}</h1>
			<p>{t('statistics.api.text')}</p>
			{result?.token ? (
				<div className="notice" role="status">
					<p>{t('statistics.api.created')}</p>
					<p>
						<code className="link-box">{result.token}</code>
					</p>
				</div>
			) : null}
			{tokens.length ? (
				<ul>
					{tokens.map((token) => (
						<li key={token.id}>
							{token.name} ({token.createdOn}) – {t('statistics.api.lastUsed')}:{' '}
							{token.lastUsedOn ?? t('statistics.api.never')}
							{token.revoked ? (
								` · ${t('statistics.api.revoked')}`
							) : (
								<Form method="post" className="row-form">
									<input type="hidden" name="id" value={token.id} />
									<button type="submit" name="intent" value="revoke" className="button-secondary">
										{t('statistics.api.revoke')}
									</button>
								</Form>
							)}
						</li>
					))}
				</ul>
			) : (
				<p>{t('statistics.api.none')}</p>
			)}
			<Form method="post" noValidate className="narrow">
				<TextField
					name="name"
					label={t('statistics.api.name')}
					error={result?.errors.name}
					namespace="staff"
					required
				/>
				<button type="submit" name="intent" value="create" className="button-primary">
					{t('statistics.api.create')}
				</button>
			</Form>
		</section>
	)
}
