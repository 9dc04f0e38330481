import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { resources } from '~/modules/i18n/resources.server'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { monthLabels } from '~/modules/statistics/month-labels'
import { presetPeriods } from '~/modules/statistics/statistics-period'
import { sumPlatformStatistics } from '~/modules/statistics/sum-platform-statistics.server'

// The vendor console's statistics: counts per month summed over every active town; no personal data, no money.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { locale, title } = await platformPage(request, 'vendor.statisticsLink')
	await requireVendor(request, context)
	const period = presetPeriods().last12
	const sums = await sumPlatformStatistics(period)
	return { title: `${resources[locale].statistics.platform.title} – ${title.split(' – ').at(-1)}`, ...sums, monthLabels: monthLabels(period, locale) }
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'statistics'] }

export default function PlatformStatistics() {
	const { towns, months, figures, monthLabels: labels } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('statistics')
	const number = new Intl.NumberFormat(i18n.language)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('platform.title')}</h1>
			<p className="mb-6 text-muted">{t('platform.intro', { towns })}</p>
			<div className="overflow-x-auto">
				<table className="w-full border-collapse text-left">
					<caption className="mb-2 text-left font-semibold">{t('platform.caption')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="p-2">
								{t('platform.month')}
							</th>
							{figures.map((figure) => (
								<th key={figure} scope="col" className="p-2 text-right">
									{t(`platform.figures.${figure}`)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{months.map((row) => (
							<tr key={row.month} className="border-b border-muted/30">
								<th scope="row" className="p-2 font-medium">
									{labels[row.month] ?? row.month}
								</th>
								{figures.map((figure) => (
									<td key={figure} className="p-2 text-right tabular-nums">
										{number.format(row[figure])}
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
