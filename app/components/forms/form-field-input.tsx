import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { fileTypeName, type Field, type LeafField } from '~/modules/forms/form-definition-schema'
import { formatFileSize } from '~/modules/i18n/format'
import { isLocale, pickText } from '~/modules/i18n/locales'

// Renders one field of a form definition with Conform's metadata (ids, names, aria-invalid,
// aria-describedby). Messages come from the derived schema, already in the citizen's language.

export type UploadedFile = { id: string; fieldName: string; fileName: string; size: number }

type Props = {
	field: Field | LeafField
	meta: FieldMetadata<unknown>
	locale: string
	isPrefilled?: boolean
	files?: UploadedFile[]
	maxFileSizeMb?: number
	/** Name prefix of the remove-file buttons' form (the step form posts them with intent remove-file). */
	children?: React.ReactNode
}

export function Errors({ id, errors }: { id: string; errors?: string[] }) {
	if (!errors?.length) return null
	return (
		<p id={id} className="mt-1 font-semibold text-red-800">
			{errors[0]}
		</p>
	)
}

function Label({ htmlFor, field, locale, isPrefilled }: { htmlFor: string; field: Field | LeafField; locale: string; isPrefilled?: boolean }) {
	const { t } = useTranslation('forms')
	return (
		<label htmlFor={htmlFor} className="block font-semibold">
			{pickText(field.label, locale)}
			{field.required ? <span className="font-normal text-muted"> ({t('fill.required')})</span> : null}
			{isPrefilled ? <span className="ml-2 text-sm font-normal text-muted">{t('fill.prefilled')}</span> : null}
		</label>
	)
}

const inputClass = 'mt-1 block w-full rounded-town border border-muted bg-surface px-3 py-2'

export function FormFieldInput({ field, meta, locale, isPrefilled, files = [], maxFileSizeMb }: Props) {
	const { t } = useTranslation('forms')
	const helpId = field.help ? `${meta.id}-help` : undefined
	const help = field.help ? (
		<p id={helpId} className="text-sm text-muted">
			{pickText(field.help, locale)}
		</p>
	) : null
	const errors = <Errors id={meta.errorId} errors={meta.errors} />
	const described = { ariaDescribedBy: helpId }
	switch (field.type) {
		case 'text':
		case 'email':
		case 'phone':
		case 'iban':
		case 'number':
		case 'date': {
			const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : field.type === 'date' ? 'date' : 'text'
			const { key, ...props } = getInputProps(meta as FieldMetadata<string>, { type, ...described })
			const autoComplete =
				field.prefill === 'fullName'
					? 'name'
					: field.type === 'email'
						? 'email'
						: field.type === 'phone'
							? 'tel'
							: field.prefill === 'dateOfBirth'
								? 'bday'
								: undefined
			return (
				<div>
					<Label htmlFor={meta.id} field={field} locale={locale} isPrefilled={isPrefilled} />
					{help}
					<input
						key={key}
						{...props}
						required={false}
						autoComplete={autoComplete}
						inputMode={field.type === 'number' ? 'decimal' : undefined}
						className={inputClass}
					/>
					{errors}
				</div>
			)
		}
		case 'longText': {
			const { key, ...props } = getTextareaProps(meta as FieldMetadata<string>, described)
			return (
				<div>
					<Label htmlFor={meta.id} field={field} locale={locale} />
					{help}
					<textarea key={key} {...props} required={false} rows={5} className={inputClass} />
					{errors}
				</div>
			)
		}
		case 'select': {
			const { key, ...props } = getSelectProps(meta as FieldMetadata<string>, described)
			return (
				<div>
					<Label htmlFor={meta.id} field={field} locale={locale} />
					{help}
					<select key={key} {...props} required={false} className={inputClass}>
						<option value="">—</option>
						{field.options.map((option) => (
							<option key={option.value} value={option.value}>
								{pickText(option.label, locale)}
							</option>
						))}
					</select>
					{errors}
				</div>
			)
		}
		case 'radio':
			return (
				<fieldset aria-describedby={[helpId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined}>
					<legend className="font-semibold">
						{pickText(field.label, locale)}
						{field.required ? <span className="font-normal text-muted"> ({t('fill.required')})</span> : null}
					</legend>
					{help}
					{field.options.map((option, index) => (
						<label key={option.value} className="mt-1 flex items-center gap-2">
							{/* The first option carries the field's id: the error summary links to it. */}
							<input
								type="radio"
								id={index === 0 ? meta.id : undefined}
								name={meta.name}
								value={option.value}
								defaultChecked={meta.initialValue === option.value}
							/>
							{pickText(option.label, locale)}
						</label>
					))}
					{errors}
				</fieldset>
			)
		case 'checkbox': {
			const { key, ...props } = getInputProps(meta as FieldMetadata<string>, { type: 'checkbox', ...described })
			return (
				<div>
					<label className="flex items-start gap-2 font-semibold">
						<input key={key} {...props} required={false} className="mt-1" />
						{pickText(field.label, locale)}
					</label>
					{help}
					{errors}
				</div>
			)
		}
		case 'address': {
			const parts = (meta as FieldMetadata<{ street: string; city: string; postalCode: string }>).getFieldset()
			return (
				<fieldset>
					<legend className="font-semibold">
						{pickText(field.label, locale)}
						{isPrefilled ? <span className="ml-2 text-sm font-normal text-muted">{t('fill.prefilled')}</span> : null}
					</legend>
					{help}
					{(['street', 'city', 'postalCode'] as const).map((part) => {
						const { key, ...props } = getInputProps(parts[part], { type: 'text' })
						return (
							<div key={part} className="mt-2">
								<label htmlFor={parts[part].id} className="block">
									{t(`address.${part}`)}
								</label>
								<input
									key={key}
									{...props}
									required={false}
									autoComplete={part === 'postalCode' ? 'postal-code' : part === 'city' ? 'address-level2' : 'street-address'}
									className={inputClass}
								/>
								<Errors id={parts[part].errorId} errors={parts[part].errors} />
							</div>
						)
					})}
					{errors}
				</fieldset>
			)
		}
		case 'file': {
			const mine = files.filter((file) => file.fieldName === field.name)
			const uploadId = `${meta.id}-upload`
			return (
				<div>
					<Label htmlFor={uploadId} field={field} locale={locale} />
					{help}
					<p id={`${uploadId}-help`} className="text-sm text-muted">
						{t('fill.uploadHelp', {
							types: field.accept.map(fileTypeName).join(', '),
							size: Math.min(field.maxFileSizeMb ?? Number.POSITIVE_INFINITY, maxFileSizeMb ?? Number.POSITIVE_INFINITY),
						})}
					</p>
					{mine.length ? (
						<ul aria-label={t('fill.uploaded')} className="my-2">
							{mine.map((file) => (
								<li key={file.id} className="flex items-center gap-3">
									<input type="hidden" name={meta.name} value={file.id} />
									<span>
										{file.fileName} ({formatFileSize(file.size, isLocale(locale) ? locale : 'cs')})
									</span>
									<button type="submit" name="removeFile" value={file.id} className="text-sm underline">
										{t('fill.removeFile', { name: file.fileName })}
									</button>
								</li>
							))}
						</ul>
					) : null}
					{mine.length < field.maxFiles ? (
						<input
							id={uploadId}
							type="file"
							name={`${field.name}__upload`}
							multiple={field.maxFiles - mine.length > 1}
							accept={field.accept.join(',')}
							aria-describedby={[`${uploadId}-help`, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(' ')}
							aria-invalid={meta.errors?.length ? true : undefined}
							className="mt-1 block"
						/>
					) : null}
					{errors}
				</div>
			)
		}
		case 'group':
			return null
	}
}
