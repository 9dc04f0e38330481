import type { FieldMetadata, FormMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { type GroupField } from '~/modules/forms/form-definition-schema'
import { Errors, FormFieldInput } from './form-field-input'
import { pickText } from '~/modules/i18n/locales'

/** A repeating group: one fieldset per row; add/remove are Conform intent buttons, so they work without JS too. */
export function GroupFieldInput({
	field,
	meta,
	form,
	locale,
}: {
	field: GroupField
	meta: FieldMetadata<unknown>
	form: FormMetadata<Record<string, unknown>>
	locale: string
}) {
	const { t } = useTranslation('forms')
	const rows = (meta as FieldMetadata<Record<string, unknown>[]>).getFieldList()
	return (
		<fieldset id={meta.id} className="rounded-town border border-muted p-4">
			<legend className="px-1 font-semibold">
				{pickText(field.label, locale)}
				{field.required ? <span className="font-normal text-muted"> ({t('fill.required')})</span> : null}
			</legend>
			{rows.map((row, index) => {
				const cells = row.getFieldset()
				return (
					<fieldset key={row.key} className="mb-4 grid gap-3 border-b border-muted pb-4">
						<legend className="font-semibold">{t('fill.row', { n: index + 1 })}</legend>
						{field.fields.map((child) => (
							<FormFieldInput key={child.name} field={child} meta={cells[child.name] as FieldMetadata<unknown>} locale={locale} />
						))}
						{rows.length > 1 ? (
							<button {...form.remove.getButtonProps({ name: meta.name, index })} className="justify-self-start text-sm underline">
								{t('fill.removeRow', { n: index + 1 })}
							</button>
						) : null}
					</fieldset>
				)
			})}
			{rows.length < field.maxItems ? (
				<button {...form.insert.getButtonProps({ name: meta.name })} className="rounded-town border border-primary px-3 py-1">
					{t('fill.addRow')}
				</button>
			) : null}
			<Errors id={meta.errorId} errors={meta.errors} />
		</fieldset>
	)
}
