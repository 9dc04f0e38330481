import { useTranslation } from 'react-i18next'
import { PERIOD_PARAMS, periodSearch } from '~/modules/statistics/statistics-period'

type Range = { from: string; to: string }
type Props = {
	action: string
	period: Range & { compare: boolean }
	errors: Record<string, string> | null
	presets: { month: Range; quarter: Range; year: Range; last12: Range }
}

/** The period as a plain GET form (works without JavaScript) and quick links: this month, quarter, year, last 12 months. */
export function PeriodForm({ action, period, errors, presets }: Props) {
	const { t } = useTranslation('statistics')
	const field = (name: 'from' | 'to') => {
		const error = errors?.[name]
		return (
			<div>
				<label htmlFor={`period-${name}`} className="block font-semibold">
					{t(`period.${name}`)}
				</label>
				<input
					id={`period-${name}`}
					name={PERIOD_PARAMS[name]}
					type="month"
					defaultValue={period[name]}
					required
					pattern="\d{4}-\d{2}"
					aria-invalid={error ? true : undefined}
					aria-describedby={error ? `period-${name}-error` : `period-hint`}
					className="mt-1 rounded-town border border-muted bg-surface px-3 py-2"
				/>
				{error ? (
					<p id={`period-${name}-error`} className="mt-1 font-medium text-red-800">
						{t(`period.errors.${error}`)}
					</p>
				) : null}
			</div>
		)
	}
	const link = (range: Range) => `${action}?${periodSearch({ ...range, compare: true })}`
	return (
		<section aria-labelledby="period-heading" className="mb-8">
			<h2 id="period-heading" className="mb-2 text-xl font-semibold">
				{t('period.title')}
			</h2>
			{errors ? (
				<div role="alert" className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
					{t('period.invalid')}
				</div>
			) : null}
			<form method="get" action={action} className="flex flex-wrap items-end gap-4">
				{field('from')}
				{field('to')}
				<div className="flex items-center gap-2 pb-2">
					<input id="period-compare" name={PERIOD_PARAMS.compare} type="checkbox" defaultChecked={period.compare} className="h-5 w-5" />
					<label htmlFor="period-compare">{t('period.compare')}</label>
				</div>
				<button type="submit" className="rounded-town border-2 border-primary bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('period.show')}
				</button>
			</form>
			<p id="period-hint" className="mt-2 text-sm text-muted">
				{t('period.hint')}
			</p>
			<nav aria-label={t('period.presets')} className="mt-2">
				<ul className="flex flex-wrap gap-4">
					{(['month', 'quarter', 'year', 'last12'] as const).map((key) => (
						<li key={key}>
							<a href={link(presets[key])}>{t(`period.preset.${key}`)}</a>
						</li>
					))}
				</ul>
			</nav>
		</section>
	)
}
