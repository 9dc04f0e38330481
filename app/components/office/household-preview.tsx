import { useTranslation } from 'react-i18next'
import { previewHousehold } from '~/modules/fees/preview-household'
import { RulebookSchema } from '~/modules/fees/rulebook-schema'
import { pickText } from '~/modules/i18n/locales'

/** Computes the example household live from the form's values with the pure calculator. */
export function HouseholdPreview({ rules, year }: { rules: unknown; year: number }) {
	const { t, i18n } = useTranslation('fees-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	let body: React.ReactNode
	try {
		const parsed = RulebookSchema.safeParse(rules)
		if (!parsed.success) body = <p>{t('rules.preview.invalid')}</p>
		else {
			const preview = previewHousehold(parsed.data, year)
			body = (
				<>
					<p data-testid="preview-total">{t('rules.preview.sentence', { year, total: money(preview.total), online: money(preview.totalOnline) })}</p>
					<ul className="mt-2 list-disc pl-6">
						{preview.lines.map((line) => (
							<li key={`${line.feeType}:${line.who}`}>
								{t(`rules.preview.who.${line.who}`)} (
								{pickText(parsed.data.feeTypes.find((fee) => fee.code === line.feeType)?.names, i18n.language) || line.feeType}): {money(line.amount)}
							</li>
						))}
					</ul>
				</>
			)
		}
	} catch {
		body = <p>{t('rules.preview.invalid')}</p>
	}
	return (
		<section aria-labelledby="preview-heading" aria-live="polite" className="mb-8 rounded-town border p-4">
			<h2 id="preview-heading" className="mb-2 text-xl font-semibold">
				{t('rules.preview.heading')}
			</h2>
			{body}
		</section>
	)
}
