import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pageSearch } from '~/modules/http/page-param'

/** Previous/next links that keep the other query parameters (filters). */
export function Pagination({ page, pages, label }: { page: number; pages: number; label: string }) {
	const { t } = useTranslation('office')
	const location = useLocation()
	if (pages <= 1) return null
	const hrefFor = (target: number) => {
		return `${location.pathname}${pageSearch(location.search, target)}`
	}
	return (
		<nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-4">
			{page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : null}
			<span aria-current="page">{t('pagination.position', { page, pages })}</span>
			{page < pages ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : null}
		</nav>
	)
}
