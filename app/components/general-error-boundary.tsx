import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** One boundary for every route: a clear message in the visitor's language, never a stack trace. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation()
	const status = isRouteErrorResponse(error) ? error.status : 500
	if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error)
	const [title, text] =
		status === 404
			? [t('errors.notFoundTitle'), t('errors.notFoundText')]
			: status === 503
				? [t('errors.unavailableTitle'), t('errors.unavailableText')]
				: [t('errors.genericTitle'), t('errors.genericText')]
	return (
		<main id="main" className="mx-auto w-full max-w-3xl px-4 py-12">
			<h1 className="mb-4 text-3xl font-bold">{title}</h1>
			<p className="mb-6">{text}</p>
			<p>
				<a href="/">{t('errors.backHome')}</a>
			</p>
		</main>
	)
}
