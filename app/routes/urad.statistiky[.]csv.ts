import type { LoaderFunctionArgs } from '@remix-run/node'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { getTownStatistics } from '~/modules/statistics/get-town-statistics.server'
import { chartCsv, csvDownload, tableCsv } from '~/modules/statistics/statistics-csv.server'
import { FIGURE_PARAM, readPeriod } from '~/modules/statistics/statistics-period'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'

// The CSV beside each chart and table of /urad/statistiky: ?od&do&porovnat&ukazatel=<chart or table key>.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'StatisticMonth', { request, context })
	const url = new URL(request.url)
	const chosen = readPeriod(url.searchParams)
	if (!chosen.success) throw new Response('Invalid period', { status: 400 })
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const statistics = await getTownStatistics({ db: user.db, slug: user.tenant.slug, period: chosen.period, locale })
	const figure = url.searchParams.get(FIGURE_PARAM)
	const chart = statistics.charts.find((c) => c.key === figure)
	const table = statistics.tables.find((c) => c.key === figure)
	const name = `statistiky-${figure}-${chosen.period.from}-${chosen.period.to}.csv`
	if (chart) return csvDownload(chartCsv(chart, statistics.formNames, statistics.agendaNames), name)
	if (table) return csvDownload(tableCsv(table, statistics.formNames, statistics), name)
	throw new Response('Unknown figure', { status: 404 })
}
