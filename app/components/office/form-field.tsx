import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'

// Form controls for the office and the vendor console. Conform supplies ids, names, aria-invalid and
// aria-describedby; error messages are translation keys in the `office` namespace.

/** A field's error messages; `ns` is the namespace holding the message keys (default `office`). */
export function FieldErrors({ id, errors, ns = 'office' }: { id: string; errors?: string[]; ns?: string }) {
	const { t } = useTranslation(ns)
	if (!errors?.length) return null
	return (
		<ul id={id} className="mt-1 text-sm font-medium text-red-800">
			{errors.map((error) => (
				<li key={error}>{t(error)}</li>
			))}
		</ul>
	)
}

/** The form's own errors (not tied to one field), announced when they appear. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
	const { t } = useTranslation('office')
	return (
		<div id={id} role="alert" className={errors?.length ? 'mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900' : undefined}>
			{errors?.map((error) => (
				<p key={error}>{t(error)}</p>
			))}
		</div>
	)
}

type TextFieldProps = {
	field: FieldMetadata<string | undefined | null>
	label: string
	type?: 'text' | 'email' | 'password' | 'date' | 'search'
	autoComplete?: string
	help?: string
	inputMode?: 'numeric' | 'text'
}

export function TextField({ field, label, type = 'text', autoComplete, help, inputMode }: TextFieldProps) {
	const helpId = help ? `${field.id}-help` : undefined
	const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: helpId })
	return (
		<div className="mb-4">
			<label htmlFor={field.id} className="mb-1 block font-medium">
				{label}
			</label>
			{help ? (
				<p id={helpId} className="mb-1 text-sm text-muted">
					{help}
				</p>
			) : null}
			<input
				key={key}
				{...props}
				autoComplete={autoComplete}
				inputMode={inputMode}
				className="w-full max-w-md rounded-town border border-muted bg-surface px-3 py-2 text-ink"
			/>
			<FieldErrors id={field.errorId} errors={field.errors} />
		</div>
	)
}

/** A drop-down with its label and errors; `emptyLabel` adds a first choice with no value (e.g. "all"). */
export function SelectField<Schema, FormSchema extends Record<string, unknown>>({
	field,
	label,
	options,
	emptyLabel,
	width = 'max-w-md',
}: {
	field: FieldMetadata<Schema, FormSchema, string[]>
	label: string
	options: { value: string; label: string }[]
	emptyLabel?: string
	width?: 'max-w-md' | 'max-w-xs'
}) {
	const { key, ...props } = getSelectProps(field)
	return (
		<div className="mb-4">
			<label htmlFor={field.id} className="mb-1 block font-medium">
				{label}
			</label>
			<select key={key} {...props} className={`w-full ${width} rounded-town border border-muted bg-surface px-3 py-2 text-ink`}>
				{emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<FieldErrors id={field.errorId} errors={field.errors} />
		</div>
	)
}

export function SubmitButton({
	children,
	name,
	value,
	variant = 'primary',
}: {
	children: React.ReactNode
	name?: string
	value?: string
	variant?: 'primary' | 'secondary'
}) {
	const look = variant === 'primary' ? 'bg-primary text-primary-contrast border-primary' : 'bg-surface text-ink border-muted'
	return (
		<button type="submit" name={name} value={value} className={`rounded-town border-2 px-4 py-2 font-semibold ${look}`}>
			{children}
		</button>
	)
}

/** A success or information message after a redirect (e.g. "password changed"). */
export function Notice({ children }: { children: React.ReactNode }) {
	return (
		<div role="status" className="mb-6 rounded-town border-2 border-primary bg-surface p-3">
			{children}
		</div>
	)
}
