import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Previous/next links that keep the rest of the query string. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
	const { t } = useTranslation('staff')
	const location = useLocation()
	if (pageCount <= 1) return null
	const hrefFor = (target: number) => {
		const params = new URLSearchParams(location.search)
		params.set('page', String(target))
		return `${location.pathname}?${params}`
	}
	return (
		<nav className="pagination" aria-label={t('pagination.label')}>
			{page > 1 ? <a href={hrefFor(page - 1)}>{t('pagination.previous')}</a> : null}
			<span>{t('pagination.position', { page, pageCount })}</span>
			{page < pageCount ? <a href={hrefFor(page + 1)}>{t('pagination.next')}</a> : null}
		</nav>
	)
}
