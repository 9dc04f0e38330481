import { useTranslation } from 'react-i18next'
import { BUILDER_FIELD_TYPES } from '~/modules/form-builder/builder-edit-schema'
import { CONDITION_OPS, FILE_TYPES, fileTypeName, PREFILL_SOURCES, type Field, type LeafField } from '~/modules/forms/form-definition-schema'
import {
	AddressInputs,
	addressId,
	BUTTON,
	BuilderForm,
	CheckboxInput,
	InputErrors,
	LocalizedInputs,
	ReorderButtons,
	SelectInput,
	TextInput,
	useRejectedInput,
	type FieldAddress,
} from './builder-controls'
import { pickText } from '~/modules/i18n/locales'

type Props = {
	field: Field | LeafField
	address: FieldAddress
	locale: string
	/** Names of fields a condition may test (the builder's rules check the rest). */
	conditionFields: string[]
	/** Which editor to show open (the one just edited, as "step-field[-child]"). */
	open: string | null
	/** The form's limit for one attached file, shown beside the field's own. */
	maxFileSizeMb: number
}

/** One field: its settings form, move/remove, options of a choice, the fields of a repeating group. */
export function FieldEditor({ field, address, locale, conditionFields, open, maxFileSizeMb }: Props) {
	const { t } = useTranslation('forms-office')
	const id = `field-${addressId(address)}`
	const isOpen = open === addressId(address) || Boolean(open?.startsWith(`${addressId(address)}-`))
	const label = pickText(field.label, locale)
	const isChild = address.child !== undefined
	return (
		<details id={id} open={isOpen} className="rounded-town border border-muted/40 p-3">
			<summary className="cursor-pointer font-medium">{t('designer.field', { label, type: t(`designer.types.${field.type}`), name: field.name })}</summary>
			<BuilderForm formKey={id} intent="set-field" className="mt-3 grid gap-3">
				<AddressInputs address={address} />
				<TextInput id={`${id}-name`} name="name" label={t('designer.fieldName')} value={field.name} />
				<LocalizedInputs name="label" id={`${id}-label`} legend={t('designer.label')} value={field.label} />
				<LocalizedInputs name="help" id={`${id}-help`} legend={t('designer.help')} value={field.help} />
				<CheckboxInput name="required" label={t('designer.required')} checked={field.required} />
				{field.type === 'text' ? <TextInput id={`${id}-pattern`} name="pattern" label={t('designer.pattern')} value={field.pattern} /> : null}
				{field.type === 'text' || field.type === 'longText' ? (
					<div className="grid gap-2 sm:grid-cols-2">
						<TextInput id={`${id}-min-length`} name="minLength" label={t('designer.minLength')} value={field.minLength} />
						<TextInput id={`${id}-max-length`} name="maxLength" label={t('designer.maxLength')} value={field.maxLength} />
					</div>
				) : null}
				{field.type === 'number' || field.type === 'date' ? (
					<div className="grid gap-2 sm:grid-cols-2">
						<TextInput
							id={`${id}-min`}
							name="min"
							label={t('designer.min')}
							value={field.min}
							hint={field.type === 'date' ? t('designer.dateLimitHint') : undefined}
						/>
						<TextInput
							id={`${id}-max`}
							name="max"
							label={t('designer.max')}
							value={field.max}
							hint={field.type === 'date' ? t('designer.dateLimitHint') : undefined}
						/>
					</div>
				) : null}
				{field.type === 'file' ? <FileSettings field={field} id={id} maxFileSizeMb={maxFileSizeMb} /> : null}
				{isChild ? null : (
					<>
						<SelectInput
							id={`${id}-prefill`}
							name="prefill"
							label={t('designer.prefill')}
							value={field.prefill ?? ''}
							options={[{ value: '', label: t('designer.prefillNone') }, ...PREFILL_SOURCES.map((source) => ({ value: source, label: source }))]}
						/>
						<fieldset className="grid gap-2 sm:grid-cols-3">
							<legend className="font-medium">{t('designer.condition')}</legend>
							<SelectInput
								small
								id={`${id}-condition-field`}
								name="conditionField"
								label={t('designer.conditionField')}
								value={field.visibleWhen?.field ?? ''}
								options={[
									{ value: '', label: t('designer.conditionNone') },
									...conditionFields.filter((name) => name !== field.name).map((name) => ({ value: name, label: name })),
								]}
							/>
							<SelectInput
								small
								id={`${id}-condition-op`}
								name="conditionOp"
								label={t('designer.conditionOp')}
								value={field.visibleWhen?.op ?? ''}
								options={[{ value: '', label: t('designer.ops.auto') }, ...CONDITION_OPS.map((op) => ({ value: op, label: t(`designer.ops.${op}`) }))]}
							/>
							<TextInput
								id={`${id}-condition-value`}
								name="conditionValue"
								label={t('designer.conditionValue')}
								value={field.visibleWhen?.values?.join(', ') ?? (field.visibleWhen?.value === undefined ? '' : String(field.visibleWhen.value))}
							/>
						</fieldset>
					</>
				)}
				<button type="submit" className={`${BUTTON} justify-self-start`}>
					{t('designer.save')}
				</button>
			</BuilderForm>
			<div className="mt-3">
				<ReorderButtons intent="field" address={address} name={label} />
			</div>
			{field.type === 'select' || field.type === 'radio' ? <OptionsEditor field={field} address={address} id={id} /> : null}
			{field.type === 'group' ? (
				<section aria-label={`${t('designer.groupFields')}: ${label}`} className="mt-4 grid gap-3 border-l-4 border-muted/40 pl-3">
					<h5 className="font-semibold">{t('designer.groupFields')}</h5>
					{field.fields.map((child, index) => (
						<FieldEditor
							key={`${child.name}-${index}`}
							field={child}
							address={{ ...address, child: index }}
							locale={locale}
							conditionFields={[]}
							open={open}
							maxFileSizeMb={maxFileSizeMb}
						/>
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
					<BuilderForm formKey={`option-${addressId(address)}-${index}`} intent="set-option" className="grid gap-2">
						<input type="hidden" name="option" value={index} />
						<AddressInputs address={address} />
						<TextInput
							id={`${id}-option-${index}-value`}
							name="value"
							label={`${t('designer.option', { value: option.value })}: ${t('designer.optionValue')}`}
							value={option.value}
							hint={t('designer.optionValueHint')}
						/>
						<LocalizedInputs
							name="label"
							id={`${id}-option-${index}`}
							legend={`${t('designer.option', { value: option.value })}: ${t('designer.optionLabel')}`}
							value={option.label}
						/>
						<button type="submit" className={`${BUTTON} justify-self-start`}>
							{t('designer.save')}
						</button>
					</BuilderForm>
					<div className="mt-2">
						<ReorderButtons intent="option" address={address} extra={{ option: index }} name={option.value} />
					</div>
				</div>
			))}
			<BuilderForm
				formKey={`new-option-${addressId(address)}`}
				intent="add-option"
				aria-labelledby={`${id}-new-option-title`}
				className="grid gap-2 rounded-town border border-dashed border-muted p-2"
			>
				<h6 id={`${id}-new-option-title`} className="font-medium">
					{t('designer.addOption')}
				</h6>
				<AddressInputs address={address} />
				<TextInput id={`${id}-new-option`} name="value" label={t('designer.optionValue')} hint={t('designer.optionValueHint')} />
				<LocalizedInputs name="label" id={`${id}-new-option-label`} legend={t('designer.optionLabel')} />
				<button type="submit" className={`${BUTTON} justify-self-start`}>
					{t('designer.addOption')}
				</button>
			</BuilderForm>
		</section>
	)
}

/** Adds a field to a step, or (with group) to a repeating group on that step. */
export function AddFieldForm({ step, group }: { step: number; group?: number | undefined }) {
	const { t } = useTranslation('forms-office')
	const id = `add-field-${step}${group === undefined ? '' : `-${group}`}`
	const title = group === undefined ? t('designer.addField') : t('designer.addFieldToGroup')
	return (
		<BuilderForm formKey={id} intent="add-field" aria-labelledby={`${id}-title`} className="grid gap-3 rounded-town border border-dashed border-muted p-3">
			<h5 id={`${id}-title`} className="font-semibold">
				{title}
			</h5>
			<input type="hidden" name="step" value={step} />
			{group === undefined ? null : <input type="hidden" name="group" value={group} />}
			<SelectInput
				id={`${id}-type`}
				name="type"
				label={t('designer.type')}
				value="text"
				options={BUILDER_FIELD_TYPES.filter((type) => group === undefined || type !== 'group').map((type) => ({
					value: type,
					label: t(`designer.types.${type}`),
				}))}
			/>
			<TextInput id={`${id}-name`} name="name" label={t('designer.fieldName')} />
			<LocalizedInputs name="label" id={`${id}-label`} legend={t('designer.label')} />
			<CheckboxInput name="required" label={t('designer.required')} checked={false} />
			<fieldset className="grid gap-2">
				<legend className="font-medium">{t('designer.firstOption')}</legend>
				<TextInput id={`${id}-option`} name="optionValue" label={t('designer.optionValue')} />
				<LocalizedInputs name="optionLabel" id={`${id}-option-label`} legend={t('designer.optionLabel')} />
			</fieldset>
			<button type="submit" className={`${BUTTON} justify-self-start`}>
				{title}
			</button>
		</BuilderForm>
	)
}

/** A file field's accepted types (one checkbox each), how many files and how large one may be. */
function FileSettings({ field, id, maxFileSizeMb }: { field: Extract<LeafField, { type: 'file' }>; id: string; maxFileSizeMb: number }) {
	const { t } = useTranslation('forms-office')
	const rejected = useRejectedInput('accept')
	const chosen = rejected.isRejected ? (rejected.value ?? '').split(',') : field.accept
	const errorId = `${id}-accept-error`
	return (
		<>
			<fieldset aria-describedby={rejected.problems.length ? errorId : undefined}>
				<legend className="font-medium">{t('designer.accept')}</legend>
				<div className="flex flex-wrap gap-x-4">
					{FILE_TYPES.map((type) => (
						<label key={type} className="flex items-center gap-2">
							<input type="checkbox" name="accept" value={type} defaultChecked={chosen.includes(type)} />
							{fileTypeName(type)}
						</label>
					))}
				</div>
				<InputErrors id={errorId} problems={rejected.problems} />
			</fieldset>
			<div className="grid gap-2 sm:grid-cols-2">
				<TextInput id={`${id}-max-files`} name="maxFiles" label={t('designer.maxFiles')} value={field.maxFiles} />
				<TextInput
					id={`${id}-max-file-size`}
					name="maxFileSizeMb"
					label={t('designer.maxFileSizeMb')}
					value={field.maxFileSizeMb}
					hint={t('designer.maxFileSizeHint', { max: maxFileSizeMb })}
				/>
			</div>
		</>
	)
}
