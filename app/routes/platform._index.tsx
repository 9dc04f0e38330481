import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getPlatformDb } from '~/modules/db/platform-db.server'

export async function loader({ context }: LoaderFunctionArgs) {
	if (context.portal.kind !== 'platform') throw data(null, { status: 404 })
	// A count only: the console shows no town or citizen data before vendor staff sign in (identity issue).
	return { towns: await getPlatformDb().tenant.count() }
}

export const meta: MetaFunction = () => [{ title: 'Portál občana – vendor console' }]

export default function PlatformConsole() {
	const { towns } = useLoaderData<typeof loader>()
	const { t } = useTranslation()
	return (
		<main id="main" className="mx-auto w-full max-w-3xl px-4 py-12">
			<h1 className="mb-2 text-3xl font-bold">{t('platform.title')}</h1>
			<p className="mb-6 text-muted">{t('platform.intro')}</p>
			<p className="mb-2">{t('platform.placeholder')}</p>
			<pre className="mb-6 overflow-x-auto rounded-town bg-surface p-3 text-sm">
				<code>npm run cli -- tenant apply tenants/&lt;slug&gt;</code>
			</pre>
			<p>{t('platform.towns', { count: towns })}</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
