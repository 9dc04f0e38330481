import { useTranslation } from 'react-i18next'
import type { Chart } from '~/modules/statistics/compute-figures'
import { BarChart } from './bar-chart'
import { formatFigure } from './format-figure'

type Props = {
	chart: Chart
	formNames: Record<string, string>
	/** Names of the message agendas, for a chart over agendas (first response). */
	agendaNames?: Record<string, string>
	monthLabels: Record<string, string>
	csvHref: string
}

/** One figure: what it means, the period's summary beside the previous one, the chart, its data table and its CSV. */
export function StatisticsChartSection({ chart, formNames, agendaNames = {}, monthLabels, csvHref }: Props) {
	const { t, i18n } = useTranslation('statistics')
	const format = (value: number | null) => formatFigure(value, chart.unit, i18n.language, (days) => t('units.days', { value: days }))
	const label = (key: string) =>
		chart.categories === 'month' ? (monthLabels[key] ?? key) : chart.categories === 'agenda' ? (agendaNames[key] ?? key) : (formNames[key] ?? key)
	const showPrevious = chart.previousTotal !== null || chart.points.some((p) => p.previous !== null)
	const id = `chart-${chart.key}`
	const title = t(`charts.${chart.key}.title`)
	const peak = chart.points.reduce<(typeof chart.points)[number] | null>(
		(best, p) => (p.value !== null && (best === null || p.value > (best.value ?? 0)) ? p : best),
		null,
	)
	return (
		<section aria-labelledby={`${id}-heading`} className="mb-10 rounded-town border border-muted/40 bg-surface p-4" data-testid={`figure-${chart.key}`}>
			<h2 id={`${id}-heading`} className="mb-1 text-2xl font-semibold">
				{title}
			</h2>
			<p className="mb-3 text-muted">{t(`charts.${chart.key}.about`)}</p>
			<p className="mb-4 text-lg">
				<strong>{t(`summary.${chart.summary}`, { value: format(chart.total) })}</strong>
				{chart.previousTotal !== null || showPrevious ? <span> · {t('summary.previous', { value: format(chart.previousTotal) })}</span> : null}
			</p>
			{chart.points.length === 0 ? (
				<p>{t('empty')}</p>
			) : (
				<div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
					<BarChart
						id={id}
						title={title}
						description={t('chartDescription', {
							title,
							points: chart.points.length,
							peak: peak ? format(peak.value) : '–',
							peakLabel: peak ? label(peak.key) : '–',
						})}
						points={chart.points.map((p) => ({ label: label(p.key), value: p.value, previous: p.previous }))}
						showPrevious={showPrevious}
						format={(value) => format(value)}
						legend={{ current: t('legend.current'), previous: t('legend.previous') }}
					/>
					<div className="overflow-x-auto">
						<table className="stack-table w-full border-collapse text-left">
							<caption className="mb-2 text-left font-semibold">{t('tableCaption', { title })}</caption>
							<thead>
								<tr className="border-b border-muted">
									<th scope="col" className="p-2">
										{t(`columns.${chart.categories}`)}
									</th>
									<th scope="col" className="p-2 text-right">
										{t('columns.value')}
									</th>
									{showPrevious && chart.categories === 'month' ? (
										<th scope="col" className="p-2">
											{t('columns.previousMonth')}
										</th>
									) : null}
									{showPrevious ? (
										<th scope="col" className="p-2 text-right">
											{t('columns.previousValue')}
										</th>
									) : null}
								</tr>
							</thead>
							<tbody>
								{chart.points.map((p) => (
									<tr key={p.key} className="border-b border-muted/30">
										<th scope="row" className="p-2 font-medium">
											{label(p.key)}
										</th>
										<td data-label={t('columns.value')} className="p-2 text-right tabular-nums">
											{format(p.value)}
										</td>
										{showPrevious && chart.categories === 'month' ? (
											<td data-label={t('columns.previousMonth')} className="p-2">
												{p.previousKey ? (monthLabels[p.previousKey] ?? p.previousKey) : '–'}
											</td>
										) : null}
										{showPrevious ? (
											<td data-label={t('columns.previousValue')} className="p-2 text-right tabular-nums">
												{format(p.previous)}
											</td>
										) : null}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</div>
			)}
			<p className="mt-3">
				<a href={csvHref} download>
					{t('csv', { title })}
				</a>
			</p>
		</section>
	)
}
