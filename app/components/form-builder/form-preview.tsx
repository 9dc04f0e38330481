import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react'
import { FormFieldInput } from '~/components/forms/form-field-input'
import { GroupFieldInput } from '~/components/forms/group-field'
import { VisibleWhen } from '~/components/forms/visible-when'
import { type FormDefinition } from '~/modules/forms/form-definition-schema'
import { pickText } from '~/modules/i18n/locales'

/**
 * The draft as a citizen meets it, drawn by the citizen's own field components, every step on one
 * page. It is a form only so that Conform can drive conditions and repeating rows; it has no submit
 * button and sends nothing.
 */
export function FormPreview({ definition, locale, label }: { definition: FormDefinition; locale: string; label: string }) {
	const defaultValue = Object.fromEntries(
		definition.steps.flatMap((step) => step.fields).map((field) => [field.name, field.type === 'group' ? [{}] : undefined]),
	)
	const [form, fields] = useForm<Record<string, unknown>>({ id: 'preview', defaultValue: defaultValue as never })
	return (
		<form {...getFormProps(form)} aria-label={label} className="grid gap-6">
			<h3 className="text-2xl font-bold">{pickText(definition.title, locale)}</h3>
			{definition.description ? <p>{pickText(definition.description, locale)}</p> : null}
			{definition.steps.map((step) => (
				<section key={step.id} aria-labelledby={`preview-step-${step.id}`} className="grid gap-4">
					<h4 id={`preview-step-${step.id}`} className="text-xl font-semibold">
						{pickText(step.title, locale)}
					</h4>
					{step.fields.map((field) =>
						field.type === 'group' ? (
							<GroupFieldInput key={field.name} field={field} meta={fields[field.name] as FieldMetadata<unknown>} form={form} locale={locale} />
						) : (
							<VisibleWhen key={field.name} field={field} formValues={form.value ?? defaultValue}>
								<FormFieldInput
									field={field}
									meta={fields[field.name] as FieldMetadata<unknown>}
									locale={locale}
									files={[]}
									maxFileSizeMb={definition.attachments.maxFileSizeMb}
								/>
							</VisibleWhen>
						),
					)}
				</section>
			))}
		</form>
	)
}
