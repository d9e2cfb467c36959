import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CaseView } from '~/features/follow-up/case-view'
import { CodeForm } from '~/features/follow-up/code-form'
import { handleFollowUpPost, loadFollowUpPage } from '~/features/follow-up/follow-up-actions.server'
import { WithdrawalDone } from '~/features/follow-up/withdrawal'
import { INTAKE_BODY_LIMIT } from '~/features/intake/intake-schema'
import { bodyLimitHandle } from '~/platform/forms/body-limit'
import { getTranslator } from '~/platform/i18n/translate.server'

/** A reply may carry files, as the form does (its parser reads under the same limit). */
export const handle = bodyLimitHandle(INTAKE_BODY_LIMIT)

export async function loader({ request }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const { view, notice, open, headers } = await loadFollowUpPage(request)
	return data({ title: t('followup:pageTitle'), view, notice, open }, { headers })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export async function action({ request, context }: ActionFunctionArgs) {
	return handleFollowUpPost(request, context.clientKey)
}

export default function FollowUpPage() {
	const { view, notice, open } = useLoaderData<typeof loader>()
	const { t } = useTranslation('followup')
	return (
		<article className="follow-up-page">
			<h1>{t('heading')}</h1>
			{notice ? (
				<p className="notice" role="status">
					{t(notice)}
				</p>
			) : null}
			{view ? (
				<CaseView view={view} />
			) : notice === 'withdrawn' ? (
				<WithdrawalDone />
			) : open ? (
				<CodeForm />
			) : (
				<p className="notice">{t('common:notOpen')}</p>
			)}
		</article>
	)
}
