import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getTranslator } from '~/platform/i18n/translate.server'
import { getPublicOfficeDetails } from '~/features/staff-admin/office-settings.server'
import { isOfficeSetUp } from '~/features/staff-admin/office-setup.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const { t } = getTranslator(request)
	const [office, open] = await Promise.all([getPublicOfficeDetails(), isOfficeSetUp()])
	return { title: t('start:pageTitle'), office, open }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

export default function StartPage() {
	const { office, open } = useLoaderData<typeof loader>()
	const { t } = useTranslation('start')
	const { t: ti } = useTranslation('intake')
	return (
		<article className="start-page">
			<h1>{t('heading')}</h1>
			<p className="lead">{t('lead')}</p>
			{open ? (
				<div className="cta-block">
					<a className="cta" href="/request">
						{ti('startLink')}
					</a>
					<span>{ti('startLinkHint')}</span>
					<a href="/follow-up">{ti('followUpCta')}</a>
				</div>
			) : (
				<p className="notice">{t('common:notOpen')}</p>
			)}

			<section aria-labelledby="quick-exit-title" className="quick-exit-info">
				<h2 id="quick-exit-title">{t('quickExitTitle')}</h2>
				<p>{t('quickExitText')}</p>
				<p>{t('quickExitBrowserText')}</p>
			</section>

			<section aria-labelledby="who">
				<h2 id="who">{t('whoTitle')}</h2>
				<p>{t('whoText')}</p>
			</section>

			<section aria-labelledby="steps">
				<h2 id="steps">{t('stepsTitle')}</h2>
				<ol className="steps">
					<li>{t('step1')}</li>
					<li>{t('step2')}</li>
					<li>{t('step3')}</li>
				</ol>
			</section>

			<section aria-labelledby="confidential">
				<h2 id="confidential">{t('confidentialTitle')}</h2>
				<ul>
					<li>{t('confidential1')}</li>
					<li>{t('confidential2')}</li>
					<li>{t('confidential3')}</li>
				</ul>
			</section>

			<section aria-labelledby="anonymous">
				<h2 id="anonymous">{t('anonymousTitle')}</h2>
				<p>{t('anonymousText')}</p>
			</section>

			<section aria-labelledby="language">
				<h2 id="language">{t('interpretingTitle')}</h2>
				<p>{t('interpretingText')}</p>
			</section>

			{office ? (
				<section aria-labelledby="contact" className="contact">
					<h2 id="contact">{t('contactTitle')}</h2>
					<p className="office-name">{office.officeName}</p>
					<dl>
						{office.contactEmail ? (
							<>
								<dt>{t('contactEmail')}</dt>
								<dd>
									<a href={`mailto:${office.contactEmail}`} dir="ltr">
										{office.contactEmail}
									</a>
								</dd>
							</>
						) : null}
						{office.contactPhone ? (
							<>
								<dt>{t('contactPhone')}</dt>
								<dd>
									<a href={`tel:${office.contactPhone.replace(/\s/g, '')}`} dir="ltr">
										{office.contactPhone}
									</a>
								</dd>
							</>
						) : null}
						{office.address ? (
							<>
								<dt>{t('contactAddress')}</dt>
								<dd>{office.address}</dd>
							</>
						) : null}
					</dl>
				</section>
			) : null}
		</article>
	)
}
