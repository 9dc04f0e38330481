import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '~/modules/i18n/locales'
import type { RootTown } from '~/root'
import { NotificationsLink } from './notifications-link'
import { HeaderMenu } from './header-menu'

/**
 * The town's header. In the back office (`office`) it names the office and links to its overview, and
 * has no citizen links and no citizen login: the office navigation below it (OfficeNav) carries the
 * clerk's pages, name and sign-out.
 */
export function TownHeader({
	town,
	locale,
	user,
	office = false,
}: {
	town: RootTown
	locale: Locale
	user: { name: string; unreadNotifications?: number } | null
	office?: boolean
}) {
	const { t } = useTranslation()
	return (
		<>
			<a
				href="#main"
				className="on-primary sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-surface focus:px-4 focus:py-2 focus:rounded-town"
			>
				{t('skipToContent')}
			</a>
			<header className="on-primary relative bg-primary text-primary-contrast">
				<div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
					<Link to={office ? '/urad' : '/'} className="flex items-center gap-3 text-primary-contrast no-underline">
						{town.logoUrl ? <img src={town.logoUrl} alt={t('coatOfArms', { town: town.name })} className="h-14 w-auto" /> : null}
						<span className="flex flex-col">
							<span className="text-xl font-semibold">{town.name}</span>
							{office ? <span className="text-sm">{t('officeHeader')}</span> : null}
						</span>
					</Link>
					{office ? (
						town.enabledLocales.length > 1 ? (
							<LanguageSwitcher enabled={town.enabledLocales} current={locale} />
						) : null
					) : (
						<HeaderMenu>
							{town.enabledLocales.length > 1 ? <LanguageSwitcher enabled={town.enabledLocales} current={locale} /> : null}
							<AccountNav user={user} />
						</HeaderMenu>
					)}
				</div>
			</header>
		</>
	)
}

function LanguageSwitcher({ enabled, current }: { enabled: Locale[]; current: Locale }) {
	const { t } = useTranslation()
	const location = useLocation()
	return (
		<nav aria-label={t('language.label')}>
			<ul className="flex gap-2">
				{enabled.map((locale) => {
					const search = new URLSearchParams(location.search)
					search.set('lng', locale)
					const isCurrent = locale === current
					return (
						<li key={locale}>
							{/* A full page load: the server sets the language cookie and renders in the new language. */}
							<a
								href={`${location.pathname}?${search.toString()}`}
								lang={locale}
								hrefLang={locale}
								aria-current={isCurrent ? 'true' : undefined}
								className={`rounded-town px-2 py-1 text-sm text-primary-contrast ${isCurrent ? 'font-bold no-underline ring-2 ring-primary-contrast' : ''}`}
							>
								{t(`language.${locale}`)}
							</a>
						</li>
					)
				})}
			</ul>
		</nav>
	)
}

/**
 * The NIA login, back to this page afterwards; never back to an auth page (a failure page would loop).
 * From the home page (or an auth page) the login lands on the citizen's overview.
 */
export function useCitizenLoginHref() {
	const location = useLocation()
	const here =
		location.pathname === '/' || location.pathname.startsWith('/auth/') || location.pathname === '/portal-obcana'
			? '/muj-prehled'
			: location.pathname + location.search
	return `/auth/nia/login?zpet=${encodeURIComponent(here)}`
}

function AccountNav({ user }: { user: { name: string; unreadNotifications?: number } | null }) {
	const { t } = useTranslation()
	const loginHref = useCitizenLoginHref()
	const linkClass = 'rounded-town px-2 py-1 text-sm font-semibold text-primary-contrast ring-1 ring-primary-contrast'
	if (!user) {
		// A full page load: the login answers with a redirect to NIA, another site.
		return (
			<nav aria-label={t('account.menuLabel')} className="flex flex-wrap items-center gap-3">
				<Link to="/formulare" className={linkClass}>
					{t('account.forms')}
				</Link>
				<a href={loginHref} className={linkClass}>
					{t('account.login')}
				</a>
			</nav>
		)
	}
	return (
		<nav aria-label={t('account.menuLabel')} className="flex flex-wrap items-center gap-3">
			<span className="text-sm font-semibold" data-testid="citizen-name">
				{user.name}
			</span>
			<Link to="/muj-prehled" className={linkClass}>
				{t('account.overview')}
			</Link>
			<Link to="/formulare" className={linkClass}>
				{t('account.forms')}
			</Link>
			<Link to="/podani" className={linkClass}>
				{t('account.submissions')}
			</Link>
			<Link to="/platby" className={linkClass}>
				{t('account.payments')}
			</Link>
			<Link to="/profil" className={linkClass}>
				{t('account.profile')}
			</Link>
			<NotificationsLink unread={user.unreadNotifications ?? 0} className={linkClass} />
			<Form method="post" action="/auth/nia/logout">
				<button type="submit" className={`${linkClass} cursor-pointer bg-transparent`}>
					{t('account.logout')}
				</button>
			</Form>
		</nav>
	)
}
