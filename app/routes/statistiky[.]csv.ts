import type { LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { getPublicStatistics, listPublicStatisticsRows } from '~/modules/statistics/get-public-statistics.server'
import { chartCsv, csvDownload, publicStatisticsCsv } from '~/modules/statistics/statistics-csv.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import { FIGURE_PARAM } from '~/modules/statistics/statistics-period'

// The public figures as CSV: one published chart (?ukazatel=) or all of them as flat rows.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const db = getTenantDb(tenant)
	const figure = new URL(request.url).searchParams.get(FIGURE_PARAM)
	if (!figure) return csvDownload(publicStatisticsCsv(await listPublicStatisticsRows({ db, slug: tenant.slug, locale })), 'statistiky.csv')
	const statistics = await getPublicStatistics({ db, slug: tenant.slug, locale })
	const chart = statistics.charts.find((c) => c.key === figure)
	if (!chart) throw new Response('Not published', { status: 404 })
	return csvDownload(chartCsv(chart, statistics.formNames), `statistiky-${figure}.csv`)
}
