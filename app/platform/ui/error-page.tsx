import { useTranslation } from 'react-i18next'

/** The `common` keys of the title and text for an error status. */
export function errorMessageKeys(status: number) {
	if (status === 404) return { title: 'errors.notFoundTitle', text: 'errors.notFoundText' } as const
	if (status === 403)
		return { title: 'errors.forbiddenTitle', text: 'errors.forbiddenText' } as const
	if (status === 429) return { title: 'errors.tooManyTitle', text: 'errors.tooManyText' } as const
	if (status === 413) return { title: 'errors.tooLargeTitle', text: 'errors.tooLargeText' } as const
	if (status >= 500)
		return { title: 'errors.unavailableTitle', text: 'errors.unavailableText' } as const
	return { title: 'errors.genericTitle', text: 'errors.genericText' } as const
}

/**
 * What a visitor sees when something fails: what happened in plain words and
 * a way back (for staff, to the back office). Never a stack trace or an
 * internal message.
 */
export function ErrorPage({ status, home = '/' }: { status: number; home?: string }) {
	const { t } = useTranslation()
	const keys = errorMessageKeys(status)
	return (
		<div className="error-page">
			<h1>{t(keys.title)}</h1>
			<p>{t(keys.text)}</p>
			<p>
				<a href={home}>{t('errors.backHome')}</a>
			</p>
		</div>
	)
}
