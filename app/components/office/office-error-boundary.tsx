import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../general-error-boundary'

/** 403 in the office says so plainly; everything else goes to the general boundary. */
export function OfficeErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation('office')
	if (!isRouteErrorResponse(error) || error.status !== 403) return <GeneralErrorBoundary />
	return (
		<main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-12">
			<h1 className="mb-4 text-3xl font-bold">{t('forbidden.title')}</h1>
			<p className="mb-6">{t('forbidden.text')}</p>
			<p>
				<a href="/urad">{t('forbidden.back')}</a>
			</p>
		</main>
	)
}
