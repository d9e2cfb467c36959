import { useTranslation } from 'react-i18next'

/**
 * What a visitor sees when something fails: what happened in plain words and
 * a way back. Never a stack trace or an internal message.
 */
export function ErrorPage({ status }: { status: number }) {
	const { t } = useTranslation()
	const [title, text] =
		status === 404
			? [t('errors.notFoundTitle'), t('errors.notFoundText')]
			: status >= 500
				? [t('errors.unavailableTitle'), t('errors.unavailableText')]
				: [t('errors.genericTitle'), t('errors.genericText')]
	return (
		<div className="error-page">
			<title>{title}</title>
			<h1>{title}</h1>
			<p>{text}</p>
			<p>
				<a href="/">{t('errors.backHome')}</a>
			</p>
		</div>
	)
}
