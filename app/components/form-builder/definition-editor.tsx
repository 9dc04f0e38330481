import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { allFields, type FormDefinition } from '~/modules/forms/form-definition-schema'
import { BUTTON, BuilderForm, BuilderPageContext, CheckboxInput, LocalizedInputs, ReorderButtons, SelectInput, TextInput } from './builder-controls'
import { AddFieldForm, FieldEditor } from './field-editor'
import { pickText } from '~/modules/i18n/locales'

type Props = { definition: FormDefinition; locale: string; agendas: { code: string; name: string }[]; open: string | null }

/** The whole definition as editable pieces: settings, then each step with its fields, then "add a step". */
export function DefinitionEditor({ definition, locale, agendas, open: openParam }: Props) {
	const { t } = useTranslation('forms-office')
	// The editor just saved (from the URL) or just refused (its values and messages shown again).
	const { rejected } = useContext(BuilderPageContext)
	const open = rejected ? rejected.key.replace(/^(field|option|new-option|add-field)-/, '') : openParam
	// A condition may test a field of the same or an earlier step; the rule check says so when not.
	const conditionFields = allFields(definition)
		.filter((field) => field.type !== 'group' && field.type !== 'file')
		.map((field) => field.name)
	return (
		<div className="grid gap-6">
			<details open={open === 'settings' || undefined} id="settings" className="rounded-town border border-muted/40 p-3">
				<summary className="cursor-pointer text-lg font-semibold">{t('designer.settings')}</summary>
				<BuilderForm formKey="settings" intent="set-form" className="mt-3 grid gap-3">
					<LocalizedInputs name="title" id="form-title" legend={t('designer.formTitle')} value={definition.title} />
					<LocalizedInputs name="description" id="form-description" legend={t('designer.description')} value={definition.description} />
					<TextInput id="form-life-situation" name="lifeSituation" label={t('designer.lifeSituation')} value={definition.lifeSituation} />
					<SelectInput
						id="form-agenda"
						name="agenda"
						label={t('designer.agenda')}
						value={definition.agenda}
						options={agendas.map((agenda) => ({ value: agenda.code, label: agenda.name }))}
					/>
					<CheckboxInput name="requiresLogin" label={t('designer.requiresLogin')} checked={definition.requiresLogin} />
					<TextInput id="form-retention" name="retentionYears" type="number" label={t('designer.retentionYears')} value={definition.retentionYears} />
					<button type="submit" className={`${BUTTON} justify-self-start`}>
						{t('designer.save')}
					</button>
				</BuilderForm>
			</details>
			{definition.steps.map((step, s) => {
				const title = pickText(step.title, locale)
				return (
					<section key={`${step.id}-${s}`} aria-labelledby={`step-${s}-heading`} className="grid gap-3 rounded-town border border-muted/40 p-3">
						<h3 id={`step-${s}-heading`} className="text-lg font-semibold">
							{t('designer.step', { n: s + 1, title })}
						</h3>
						<details open={open === `step-${s}` || undefined} id={`step-${s}`}>
							<summary className="cursor-pointer">{t('designer.stepTitle')}</summary>
							<BuilderForm formKey={`step-${s}`} intent="set-step" className="mt-2 grid gap-3">
								<input type="hidden" name="step" value={s} />
								<TextInput id={`step-${s}-id`} name="id" label={t('designer.stepId')} value={step.id} />
								<LocalizedInputs name="title" id={`step-${s}-title`} legend={t('designer.stepTitle')} value={step.title} />
								<button type="submit" className={`${BUTTON} justify-self-start`}>
									{t('designer.save')}
								</button>
							</BuilderForm>
						</details>
						<ReorderButtons intent="step" address={{ step: s }} name={title} />
						{step.fields.map((field, f) => (
							<FieldEditor
								key={`${field.name}-${f}`}
								field={field}
								address={{ step: s, field: f }}
								locale={locale}
								conditionFields={conditionFields}
								open={open}
								maxFileSizeMb={definition.attachments.maxFileSizeMb}
							/>
						))}
						<AddFieldForm step={s} />
					</section>
				)
			})}
			<BuilderForm
				formKey="add-step"
				intent="add-step"
				aria-labelledby="add-step-title"
				className="grid gap-3 rounded-town border border-dashed border-muted p-3"
			>
				<h3 id="add-step-title" className="text-lg font-semibold">
					{t('designer.addStep')}
				</h3>
				<TextInput id="add-step-id" name="id" label={t('designer.stepId')} />
				<LocalizedInputs name="title" id="add-step-title-text" legend={t('designer.stepTitle')} />
				<fieldset className="grid gap-2">
					<legend className="font-medium">{t('designer.firstField')}</legend>
					<TextInput id="add-step-field-name" name="fieldName" label={t('designer.fieldName')} />
					<LocalizedInputs name="fieldLabel" id="add-step-field-label" legend={t('designer.label')} />
				</fieldset>
				<button type="submit" className={`${BUTTON} justify-self-start`}>
					{t('designer.addStep')}
				</button>
			</BuilderForm>
		</div>
	)
}
