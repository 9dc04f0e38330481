import { useTranslation } from 'react-i18next'
import { displayValue, groupRows } from '~/modules/forms/display-value'
import { type Field } from '~/modules/forms/form-definition-schema'

/** One answer on the review and submission pages: a repeated group as a numbered list of its rows. */
export function FieldValue({
	field,
	value,
	locale,
	files,
}: {
	field: Field
	value: unknown
	locale: string
	files: { fieldName: string; fileName: string }[]
}) {
	const { t } = useTranslation('forms')
	const words = { yes: t('fill.yes'), no: t('fill.no'), empty: t('fill.empty') }
	if (field.type !== 'group') return <>{displayValue(field, value, locale, files, words)}</>
	const rows = groupRows(field, value, locale, files, words)
	if (!rows.length) return <>{words.empty}</>
	return (
		<ol className="list-decimal pl-6">
			{rows.map((row, index) => (
				<li key={index} aria-label={t('fill.row', { n: index + 1 })}>
					<dl className="mb-1">
						{row.map((cell) => (
							<div key={cell.label} className="flex flex-wrap gap-x-2">
								<dt className="font-medium">{cell.label}:</dt>
								<dd>{cell.value}</dd>
							</div>
						))}
					</dl>
				</li>
			))}
		</ol>
	)
}
