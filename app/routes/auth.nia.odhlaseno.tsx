import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: 'citizen' }

// /auth/nia/odhlaseno: "you are logged out" (or "your account is closed"), after NIA's logout or a local one.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { texts } = await getCitizenTexts(request, context)
	const isAccountClosed = new URL(request.url).searchParams.get('ucet') === 'zrusen'
	return { isAccountClosed, title: isAccountClosed ? texts.logout.closedHeading : texts.logout.doneHeading }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function LoggedOut() {
	const { t } = useTranslation('citizen')
	const { isAccountClosed } = useLoaderData<typeof loader>()
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{isAccountClosed ? t('logout.closedHeading') : t('logout.doneHeading')}</h1>
			<p className="mb-6">{isAccountClosed ? t('logout.closedText') : t('logout.doneText')}</p>
			<p>
				<Link to="/">{t('logout.home')}</Link>
			</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
