import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getVendorUser } from '~/modules/platform-auth/require-vendor.server'

// The vendor console's frame on the platform host (no town header: this is nobody's town).
export const handle = { i18n: ['office'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await getVendorUser(request, context)
	return { vendorName: user?.isComplete ? user.vendor.name : null }
}

export default function PlatformLayout() {
	const { vendorName } = useLoaderData<typeof loader>()
	const { t } = useTranslation('office')
	return (
		<>
			<a
				href="#main"
				className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-surface focus:px-4 focus:py-2 focus:rounded-town"
			>
				{t('common:skipToContent')}
			</a>
			<header className="on-primary bg-primary text-primary-contrast">
				<div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
					<p className="text-xl font-semibold">{t('vendor.console')}</p>
					{vendorName ? (
						<div className="flex flex-wrap items-center gap-3">
							<span>{t('nav.signedInAs', { name: vendorName })}</span>
							<form method="post" action="/platform/odhlaseni">
								<button type="submit" className="rounded-town border-2 border-primary-contrast px-3 py-1 font-semibold text-primary-contrast">
									{t('nav.logout')}
								</button>
							</form>
						</div>
					) : null}
				</div>
			</header>
			<Outlet />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
