import { useTranslation } from 'react-i18next'

/** The checkboxes of the figures the town publishes on /statistiky (the submit button is the caller's). */
export function PublishForm({ published, publishable }: { published: string[]; publishable: string[] }) {
	const { t } = useTranslation('statistics')
	return (
		<fieldset className="mb-4 rounded-town border border-muted/40 bg-surface p-4">
			<legend className="px-1 text-xl font-semibold">{t('publish.title')}</legend>
			<p className="mb-3 text-muted">{t('publish.intro')}</p>
			<ul className="grid gap-2 sm:grid-cols-2">
				{publishable.map((key) => (
					<li key={key} className="flex items-center gap-2">
						<input id={`publish-${key}`} type="checkbox" name="published" value={key} defaultChecked={published.includes(key)} className="h-5 w-5" />
						<label htmlFor={`publish-${key}`}>{t(`charts.${key}.title`)}</label>
					</li>
				))}
			</ul>
		</fieldset>
	)
}
