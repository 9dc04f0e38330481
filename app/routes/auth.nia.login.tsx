import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getCurrentUser, loginLanding } from '~/modules/auth/current-user.server'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { enforcesProductionRules } from '~/modules/env/demo-mode'
import { getEnv } from '~/modules/env/env.server'
import { formatTime } from '~/modules/i18n/format'
import { failureUrl } from '~/modules/nia/failure-url'
import { bindLoginToBrowser, isSecureRequest } from '~/modules/nia/login-binding.server'
import { failurePageFor, NiaLoginError, NiaLoginRateLimitError } from '~/modules/nia/nia-login-error'
import { startNiaLogin } from '~/modules/nia/start-nia-login.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: 'citizen' }

// GET /auth/nia/login?zpet=/path: off to NIA with a signed AuthnRequest (HTTP-Redirect binding),
// leaving a cookie that ties the login to this browser. A page route only for the one answer that is
// not a redirect: 429 when one client starts too many logins.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const returnTo = loginLanding(new URL(request.url).searchParams.get('zpet'))
	const user = await getCurrentUser(request, context)
	if (user.actor.kind === 'citizen') return redirect(returnTo)
	const isProduction = enforcesProductionRules(getEnv().NODE_ENV)
	try {
		const ip = context.portal.clientIp ?? null
		const { url, requestId } = await startNiaLogin({ tenant: user.tenant, db: user.db, returnTo, isProduction, ip })
		const binding = bindLoginToBrowser({ request, requestId, secure: isSecureRequest(request, isProduction) })
		return redirect(url, { headers: { 'Cache-Control': 'no-store', 'Set-Cookie': binding } })
	} catch (error) {
		if (error instanceof NiaLoginError) return redirect(failureUrl(failurePageFor(error.reason)))
		if (!(error instanceof NiaLoginRateLimitError)) throw error
		const { locale, texts } = await getCitizenTexts(request, context)
		// Rounded up to the minute, so that trying at the time shown always works.
		const retryAt = new Date(Math.ceil((Date.now() + error.retryAfterSeconds * 1000) / 60_000) * 60_000)
		return data(
			{ title: texts.loginRateLimited.title, retryAt: formatTime(retryAt, locale) },
			{ status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds), 'Cache-Control': 'no-store' } },
		)
	}
}

// Retry-After and no-store from the loader on the 429 page itself.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function LoginRateLimited() {
	const { t } = useTranslation('citizen')
	const { retryAt } = useLoaderData<typeof loader>()
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('loginRateLimited.title')}</h1>
			<p className="mb-2">{t('loginRateLimited.text')}</p>
			<p className="mb-2 font-semibold" role="status">
				{t('loginRateLimited.todo', { time: retryAt })}
			</p>
			<p className="mb-8">{t('loginRateLimited.shared')}</p>
			<Link to="/" className="inline-block rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
				{t('loginRateLimited.backHome')}
			</Link>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
