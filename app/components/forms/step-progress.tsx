import { useTranslation } from 'react-i18next'

/** The steps as an ordered list; the current one is marked for screen readers too. */
export function StepProgress({ titles, current }: { titles: string[]; current: number }) {
	const { t } = useTranslation('forms')
	const all = [...titles, t('fill.review')]
	return (
		<nav aria-label={t('fill.progressLabel')} className="mb-6">
			<p className="mb-2 text-sm text-muted">{t('fill.progress', { current: current + 1, total: all.length })}</p>
			<ol className="flex flex-wrap gap-2">
				{all.map((title, index) => (
					<li
						key={title + index}
						aria-current={index === current ? 'step' : undefined}
						className={`rounded-town px-3 py-1 text-sm ${index === current ? 'bg-primary font-bold text-primary-contrast' : index < current ? 'border border-primary' : 'border border-muted text-muted'}`}
					>
						{index + 1}. {title}
					</li>
				))}
			</ol>
		</nav>
	)
}
