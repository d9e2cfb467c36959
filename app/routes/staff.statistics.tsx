import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getTranslator } from '~/i18n/translate.server'
import { requireStaffActor } from '~/staff/auth.server'

// The annual statistics (issue 5) will live here; until then the page says so
// plainly, so that the statistics role has a home after signing in.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaffActor(request, 'statistics:read')
	const { t } = getTranslator(request)
	return { title: t('staff:statistics.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export default function StatisticsPage() {
	useLoaderData<typeof loader>()
	const { t } = useTranslation('staff')
	return (
		<section className="narrow">
			<h1>{t('statistics.title')}</h1>
			<p>{t('statistics.pending')}</p>
		</section>
	)
}
