import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getCurrentUser } from '~/modules/auth/current-user.server'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { endCitizenSession } from '~/modules/nia/end-citizen-session.server'
import { isDocumentSubmission } from '~/modules/nia/is-document-submission'
import { LOGGED_OUT_PAGE } from '~/modules/nia/sp-endpoints'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: 'citizen' }

// POST from the header's "Odhlásit": ends the local session, then sends the citizen to NIA with a signed
// LogoutRequest. With JavaScript, Remix follows the redirect itself. A plain form submission that
// redirects to another site is blocked by our CSP (form-action 'self'), so without JavaScript the
// citizen gets a page with a link to continue.
export async function action({ request, context }: ActionFunctionArgs) {
	const user = await getCurrentUser(request, context)
	const { setCookie, niaLogoutUrl } = await endCitizenSession({ user, request, requestId: context.portal.requestId })
	const headers = { 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' }
	if (!niaLogoutUrl) return redirect(LOGGED_OUT_PAGE, { status: 303, headers })
	if (isDocumentSubmission(request)) return data({ niaLogoutUrl }, { headers })
	return redirect(niaLogoutUrl, { status: 303, headers })
}

// GET (typed in, or the page rendered after a plain form submission): a logout button or the link onwards.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { texts } = await getCitizenTexts(request, context)
	return { title: texts.logout.title }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function LogoutContinue() {
	const { t } = useTranslation('citizen')
	const result = useActionData<typeof action>()
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			{result ? (
				<>
					<h1 className="mb-4 text-3xl font-bold">{t('logout.continueHeading')}</h1>
					<p className="mb-6">{t('logout.continueText')}</p>
					<p>
						<a href={result.niaLogoutUrl} className="inline-block rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
							{t('logout.continue')}
						</a>
					</p>
				</>
			) : (
				<>
					<h1 className="mb-4 text-3xl font-bold">{t('logout.title')}</h1>
					<Form method="post">
						<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
							{t('common:account.logout')}
						</button>
					</Form>
				</>
			)}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
