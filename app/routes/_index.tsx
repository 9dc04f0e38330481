import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { listCurrentAnnouncements } from '~/modules/announcements/list-announcements.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import { useRootData, type loader as rootLoader } from '~/root'

const ANNOUNCEMENT_EXCERPT = 600

/** The town's current announcements (issue 15): valid today, newest first, in the words the office wrote them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
	const db = getTenantDb(requireTenant(context))
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)
	const rows = await listCurrentAnnouncements(db, today)
	return {
		announcements: rows.map((row) => ({
			id: row.id,
			title: row.title,
			body: row.body.length > ANNOUNCEMENT_EXCERPT ? `${row.body.slice(0, ANNOUNCEMENT_EXCERPT).trimEnd()}…` : row.body,
			published: formatDate(row.createdAt, locale),
			publishedIso: row.createdAt.toISOString().slice(0, 10),
			validTo: row.validTo ? formatDate(row.validTo, locale) : null,
		})),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
	const root = matches.find((match) => match.id === 'root')?.data
	const name = root?.town?.name ?? 'Portál občana'
	return [{ title: `${name} – Portál občana` }, { name: 'description', content: root?.town?.intro ?? name }]
}

const SERVICES = ['claims', 'forms', 'grants', 'messages'] as const
// The areas that have landed, and where they live.
const SERVICE_LINKS: Partial<Record<(typeof SERVICES)[number], string>> = { claims: '/platby', forms: '/formulare', grants: '/dotace', messages: '/zpravy' }

export default function TownHome() {
	const { t } = useTranslation()
	const root = useRootData()
	const { announcements } = useLoaderData<typeof loader>()
	const town = root?.town
	if (!town) return null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-3 text-3xl font-bold">{town.name}</h1>
			{town.intro ? <p className="mb-10 max-w-3xl text-lg">{town.intro}</p> : null}
			{root.user ? (
				<p className="mb-10">
					<Link to="/muj-prehled" className="inline-block rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast no-underline">
						{t('homePage.overviewLink')}
					</Link>
				</p>
			) : null}
			<p className="mb-10">
				<Link to="/zaplatit" className="font-semibold">
					{t('homePage.payWithoutLogin')}
				</Link>{' '}
				<span className="text-muted">{t('homePage.payWithoutLoginHint')}</span>
			</p>
			{announcements.length ? (
				<section aria-labelledby="announcements-heading" className="mb-10">
					<h2 id="announcements-heading" className="mb-4 text-2xl font-semibold">
						{t('homePage.announcements.heading')}
					</h2>
					<ul className="grid gap-4">
						{announcements.map((announcement) => (
							<li key={announcement.id} className="rounded-town border border-muted/30 bg-surface p-5 shadow-sm">
								<h3 className="mb-1 text-lg font-semibold break-words">{announcement.title}</h3>
								<p className="mb-2 text-sm text-muted">
									<time dateTime={announcement.publishedIso}>{announcement.published}</time>
									{announcement.validTo ? ` · ${t('homePage.announcements.validTo', { date: announcement.validTo })}` : ''}
								</p>
								<p className="whitespace-pre-line break-words">{announcement.body}</p>
							</li>
						))}
					</ul>
					<p className="mt-3">
						<Link to="/profil">{t('homePage.announcements.subscribe')}</Link>
					</p>
				</section>
			) : null}
			<section aria-labelledby="services-heading">
				<h2 id="services-heading" className="mb-4 text-2xl font-semibold">
					{t('homePage.servicesHeading')}
				</h2>
				<ul className="grid gap-4 sm:grid-cols-2">
					{SERVICES.map((service) => (
						<li key={service} className="rounded-town border border-muted/30 bg-surface p-5 shadow-sm">
							<h3 className="mb-1 text-lg font-semibold">
								{SERVICE_LINKS[service] ? (
									<Link to={SERVICE_LINKS[service]}>{t(`homePage.services.${service}.title`)}</Link>
								) : (
									t(`homePage.services.${service}.title`)
								)}
							</h3>
							<p className="mb-3 text-muted">{t(`homePage.services.${service}.description`, { context: town.type })}</p>
							{/* Each area becomes a link when its issue lands; until then it says so plainly. */}
							{SERVICE_LINKS[service] ? null : (
								<p className="inline-block rounded-town bg-page px-2 py-0.5 text-sm font-medium text-ink">{t('homePage.comingSoon')}</p>
							)}
						</li>
					))}
				</ul>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
