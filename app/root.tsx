import './modules/util/zod-jitless'
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { GeneralErrorBoundary } from './components/general-error-boundary'
import { IdleWarning } from './components/idle-warning'
import { TownFooter } from './components/town-footer'
import { TownHeader, useCitizenLoginHref } from './components/town-header'
import { getHeaderUser } from './modules/citizen/get-header-user.server'
import { getRequestLocale, rememberChosenLocale } from './modules/i18n/locale.server'
import { LOCALES, pickText, type Locale } from './modules/i18n/locales'
import { requireTownProfile } from './modules/tenancy/require-town.server'
import { useNonce } from './modules/theming/nonce'
import stylesheet from './styles/app.css'
import './modules/tenancy/load-context'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesheet },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
	if (context.portal.kind === 'platform') {
		const locale = await getRequestLocale(request, { enabledLocales: [...LOCALES], defaultLocale: 'cs' })
		return { locale, town: null, user: null }
	}
	const profile = await requireTownProfile(context)
	const [locale, user] = await Promise.all([getRequestLocale(request, profile), getHeaderUser(request, context)])
	const cookie = await rememberChosenLocale(request, locale)
	const town = {
		name: pickText(profile.name, locale),
		type: profile.townType,
		intro: profile.intro ? pickText(profile.intro, locale) : null,
		enabledLocales: profile.enabledLocales,
		themeCss: profile.themeCss,
		logoUrl: profile.hasLogo ? `/brand/logo?v=${profile.version}` : null,
		contact: { ...profile.contact, officeHours: profile.contact.officeHours ? pickText(profile.contact.officeHours, locale) : undefined },
	}
	return data({ locale, town, user }, cookie ? { headers: { 'Set-Cookie': cookie } } : undefined)
}

// Every navigation touches the session (a page's own loader reads it), so the citizen's idle countdown
// must restart with it: the root loader runs again on every navigation, as a full page load would.
export const shouldRevalidate: ShouldRevalidateFunction = () => true

export const headers: HeadersFunction = ({ loaderHeaders }) => {
	const headers = new Headers({ 'Cache-Control': 'private, no-cache' })
	const cookie = loaderHeaders.get('Set-Cookie')
	if (cookie) headers.set('Set-Cookie', cookie)
	return headers
}

export function useRootData() {
	return useRouteLoaderData<typeof loader>('root')
}

export type RootData = NonNullable<ReturnType<typeof useRootData>>
export type RootTown = NonNullable<RootData['town']>

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRootData()
	const nonce = useNonce()
	const { i18n } = useTranslation()
	const locale = (rootData?.locale ?? i18n.language ?? 'cs') as Locale
	useChangeLanguage(locale)
	return (
		<html lang={locale} dir="ltr">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
				{rootData?.town ? <style nonce={nonce} dangerouslySetInnerHTML={{ __html: rootData.town.themeCss }} /> : null}
			</head>
			<body className="min-h-screen flex flex-col">
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	const rootData = useRootData()
	const loginHref = useCitizenLoginHref()
	const isOffice = /^\/urad(\/|$)/.test(useLocation().pathname)
	if (!rootData?.town) return <Outlet />
	const { user } = rootData
	return (
		<>
			<TownHeader town={rootData.town} locale={rootData.locale} user={user} office={isOffice} />
			{user && !isOffice ? <IdleWarning idleMsLeft={user.idleMsLeft} loadedAt={user.loadedAt} keepAliveUrl="/auth/session" loginUrl={loginHref} /> : null}
			<Outlet />
			<TownFooter town={rootData.town} />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
