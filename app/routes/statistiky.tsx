import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { StatisticsChartSection } from '~/components/statistics/statistics-chart-section'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { getPublicStatistics } from '~/modules/statistics/get-public-statistics.server'
import { monthLabels } from '~/modules/statistics/month-labels'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { FIGURE_PARAM } from '~/modules/statistics/statistics-period'

export const handle = { i18n: ['statistics'] }

// The town's public statistics: only the figures the town chose to publish, aggregates only.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const statistics = await getPublicStatistics({ db: getTenantDb(tenant), slug: tenant.slug, locale })
	return { title: resources[locale].statistics.public.title, ...statistics, monthLabels: monthLabels(statistics.period, locale) }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function PublicStatistics() {
	const { charts, formNames, monthLabels: labels, refreshedAt } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('statistics')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('public.title')}</h1>
			<p className="mb-4">{t('public.intro')}</p>
			{refreshedAt ? (
				<p className="mb-6 text-muted">
					{t('public.refreshedAt', {
						when: new Date(refreshedAt).toLocaleString(i18n.language, { timeZone: 'Europe/Prague', dateStyle: 'medium', timeStyle: 'short' }),
					})}
				</p>
			) : null}
			{charts.length === 0 ? <p>{t('public.none')}</p> : null}
			{charts.map((chart) => (
				<StatisticsChartSection
					key={chart.key}
					chart={chart}
					formNames={formNames}
					monthLabels={labels}
					csvHref={`/statistiky.csv?${FIGURE_PARAM}=${chart.key}`}
				/>
			))}
			{charts.length > 0 ? (
				<p>
					<a href="/statistiky.csv" download>
						{t('public.all')}
					</a>
				</p>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
