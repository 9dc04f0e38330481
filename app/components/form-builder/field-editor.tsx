import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BUILDER_FIELD_TYPES } from '~/modules/form-builder/builder-edit-schema'
import { PREFILL_SOURCES, type Field, type LeafField } from '~/modules/forms/form-definition-schema'
import { AddressInputs, addressId, BUTTON, INPUT, LocalizedInputs, ReorderButtons, TextInput, type FieldAddress } from './builder-controls'
import { pickText } from '~/modules/i18n/locales'

type Props = {
	field: Field | LeafField
	address: FieldAddress
	locale: string
	/** Names of fields a condition may test (the builder's rules check the rest). */
	conditionFields: string[]
	/** Which editor to show open (the one just edited, as "step-field[-child]"). */
	open: string | null
}

/** One field: its settings form, move/remove, options of a choice, the fields of a repeating group. */
export function FieldEditor({ field, address, locale, conditionFields, open }: Props) {
	const { t } = useTranslation('forms-office')
	const id = `field-${addressId(address)}`
	const isOpen = open === addressId(address) || Boolean(open?.startsWith(`${addressId(address)}-`))
	const label = pickText(field.label, locale)
	const isChild = address.child !== undefined
	return (
		<details id={id} open={isOpen} className="rounded-town border border-muted/40 p-3">
			<summary className="cursor-pointer font-medium">{t('designer.field', { label, type: t(`designer.types.${field.type}`), name: field.name })}</summary>
			<Form method="post" className="mt-3 grid gap-3">
				<input type="hidden" name="intent" value="set-field" />
				<AddressInputs address={address} />
				<TextInput id={`${id}-name`} name="name" label={t('designer.fieldName')} value={field.name} />
				<LocalizedInputs name="label" id={`${id}-label`} legend={t('designer.label')} value={field.label} />
				<label className="flex items-center gap-2">
					<input type="checkbox" name="required" defaultChecked={field.required} />
					{t('designer.required')}
				</label>
				{field.type === 'text' ? <TextInput id={`${id}-pattern`} name="pattern" label={t('designer.pattern')} value={field.pattern} /> : null}
				{isChild ? null : (
					<>
						<div>
							<label htmlFor={`${id}-prefill`} className="font-medium">
								{t('designer.prefill')}
							</label>
							<select id={`${id}-prefill`} name="prefill" defaultValue={field.prefill ?? ''} className={INPUT}>
								<option value="">{t('designer.prefillNone')}</option>
								{PREFILL_SOURCES.map((source) => (
									<option key={source} value={source}>
										{source}
									</option>
								))}
							</select>
						</div>
						<fieldset className="grid gap-2 sm:grid-cols-2">
							<legend className="font-medium">{t('designer.condition')}</legend>
							<div>
								<label htmlFor={`${id}-condition-field`} className="text-sm">
									{t('designer.conditionField')}
								</label>
								<select id={`${id}-condition-field`} name="conditionField" defaultValue={field.visibleWhen?.field ?? ''} className={INPUT}>
									<option value="">{t('designer.conditionNone')}</option>
									{conditionFields
										.filter((name) => name !== field.name)
										.map((name) => (
											<option key={name} value={name}>
												{name}
											</option>
										))}
								</select>
							</div>
							<div>
								<label htmlFor={`${id}-condition-value`} className="text-sm">
									{t('designer.conditionValue')}
								</label>
								<input id={`${id}-condition-value`} name="conditionValue" defaultValue={field.visibleWhen?.value === undefined ? '' : String(field.visibleWhen.value)} className={INPUT} />
							</div>
						</fieldset>
					</>
				)}
				<button type="submit" className={`${BUTTON} justify-self-start`}>
					{t('designer.save')}
				</button>
			</Form>
			<div className="mt-3">
				<ReorderButtons intent="field" address={address} name={label} />
			</div>
			{field.type === 'select' || field.type === 'radio' ? <OptionsEditor field={field} address={address} id={id} /> : null}
			{field.type === 'group' ? (
				<section aria-label={`${t('designer.groupFields')}: ${label}`} className="mt-4 grid gap-3 border-l-4 border-muted/40 pl-3">
					<h5 className="font-semibold">{t('designer.groupFields')}</h5>
					{field.fields.map((child, index) => (
						<FieldEditor key={`${child.name}-${index}`} field={child} address={{ ...address, child: index }} locale={locale} conditionFields={[]} open={open} />
					))}
					<AddFieldForm step={address.step} group={address.field} />
				</section>
			) : null}
		</details>
	)
}

function OptionsEditor({ field, address, id }: { field: Extract<Field, { options: unknown }>; address: FieldAddress; id: string }) {
	const { t } = useTranslation('forms-office')
	return (
		<section aria-label={`${t('designer.options')}: ${field.name}`} className="mt-4 grid gap-3">
			<h5 className="font-semibold">{t('designer.options')}</h5>
			{field.options.map((option, index) => (
				<div key={`${option.value}-${index}`} className="rounded-town border border-muted/30 p-2">
					<Form method="post" className="grid gap-2">
						<input type="hidden" name="intent" value="set-option" />
						<input type="hidden" name="option" value={index} />
						<AddressInputs address={address} />
						<LocalizedInputs name="label" id={`${id}-option-${index}`} legend={t('designer.option', { value: option.value })} value={option.label} />
						<button type="submit" className={`${BUTTON} justify-self-start`}>
							{t('designer.save')}
						</button>
					</Form>
					<div className="mt-2">
						<ReorderButtons intent="option" address={address} extra={{ option: index }} name={option.value} />
					</div>
				</div>
			))}
			<Form method="post" className="grid gap-2 rounded-town border border-dashed border-muted p-2">
				<input type="hidden" name="intent" value="add-option" />
				<AddressInputs address={address} />
				<TextInput id={`${id}-new-option`} name="value" label={t('designer.optionValue')} />
				<LocalizedInputs name="label" id={`${id}-new-option-label`} legend={t('designer.optionLabel')} />
				<button type="submit" className={`${BUTTON} justify-self-start`}>
					{t('designer.addOption')}
				</button>
			</Form>
		</section>
	)
}

/** Adds a field to a step, or (with group) to a repeating group on that step. */
export function AddFieldForm({ step, group }: { step: number; group?: number | undefined }) {
	const { t } = useTranslation('forms-office')
	const id = `add-field-${step}${group === undefined ? '' : `-${group}`}`
	const title = group === undefined ? t('designer.addField') : t('designer.addFieldToGroup')
	return (
		<Form method="post" aria-labelledby={`${id}-title`} className="grid gap-3 rounded-town border border-dashed border-muted p-3">
			<h5 id={`${id}-title`} className="font-semibold">
				{title}
			</h5>
			<input type="hidden" name="intent" value="add-field" />
			<input type="hidden" name="step" value={step} />
			{group === undefined ? null : <input type="hidden" name="group" value={group} />}
			<div>
				<label htmlFor={`${id}-type`} className="font-medium">
					{t('designer.type')}
				</label>
				<select id={`${id}-type`} name="type" className={INPUT}>
					{BUILDER_FIELD_TYPES.filter((type) => group === undefined || type !== 'group').map((type) => (
						<option key={type} value={type}>
							{t(`designer.types.${type}`)}
						</option>
					))}
				</select>
			</div>
			<TextInput id={`${id}-name`} name="name" label={t('designer.fieldName')} />
			<LocalizedInputs name="label" id={`${id}-label`} legend={t('designer.label')} />
			<label className="flex items-center gap-2">
				<input type="checkbox" name="required" />
				{t('designer.required')}
			</label>
			<fieldset className="grid gap-2">
				<legend className="font-medium">{t('designer.firstOption')}</legend>
				<TextInput id={`${id}-option`} name="optionValue" label={t('designer.optionValue')} />
				<LocalizedInputs name="optionLabel" id={`${id}-option-label`} legend={t('designer.optionLabel')} />
			</fieldset>
			<button type="submit" className={`${BUTTON} justify-self-start`}>
				{title}
			</button>
		</Form>
	)
}
