import { getCollectionProps, getFieldsetProps, getFormProps, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AGENDAS, STAFF_ROLES } from '~/modules/access/permissions'
import { LOCALES } from '~/modules/i18n/locales'
import { InviteStaffSchema } from '~/modules/staff/staff-forms'
import { FieldErrors, FormErrors, SubmitButton, TextField } from './form-field'
import { useZodForm } from './use-zod-form'

/** Invite a new member of staff: e-mail, name, roles and (for clerks) agendas. */
export function InviteStaffForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(InviteStaffSchema, { id: 'invite-staff', lastResult })
	return (
		<Form method="post" {...getFormProps(form)} className="rounded-town border border-muted/30 bg-surface p-5">
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="intent" value="invite" />
			<TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="off" />
			<TextField field={fields.name} label={t('fields.name')} autoComplete="off" />
			<CheckboxGroup field={fields.roles} options={STAFF_ROLES} legend={t('staff.rolesLegend')} labelPrefix="roles" />
			<CheckboxGroup field={fields.agendas} options={AGENDAS} legend={t('staff.agendasLegend')} labelPrefix="agendas" />
			<div className="mb-4">
				<label htmlFor={fields.locale.id} className="mb-1 block font-medium">
					{t('profile.language')}
				</label>
				<select
					id={fields.locale.id}
					name={fields.locale.name}
					defaultValue={fields.locale.initialValue ?? ''}
					aria-describedby={fields.locale.errorId}
					className="rounded-town border border-muted bg-surface px-3 py-2"
				>
					<option value="">{t('profile.townDefault')}</option>
					{LOCALES.map((locale) => (
						<option key={locale} value={locale}>
							{t(`common:language.${locale}`)}
						</option>
					))}
				</select>
				<FieldErrors id={fields.locale.errorId} errors={fields.locale.errors} />
			</div>
			<SubmitButton>{t('staff.inviteSubmit')}</SubmitButton>
		</Form>
	)
}

function CheckboxGroup<Value extends string>({
	field,
	options,
	legend,
	labelPrefix,
}: {
	field: FieldMetadata<Value[] | undefined>
	options: readonly Value[]
	legend: string
	labelPrefix: string
}) {
	const { t } = useTranslation('office')
	return (
		<fieldset {...getFieldsetProps(field)} className="mb-4">
			<legend className="mb-1 font-medium">{legend}</legend>
			<div className="flex flex-wrap gap-4">
				{getCollectionProps(field, { type: 'checkbox', options: [...options] }).map(({ key, value: option, ...props }) => (
					<label key={key} className="flex items-center gap-2">
						<input {...props} value={option} className="h-5 w-5" />
						{t(`${labelPrefix}.${option}`)}
					</label>
				))}
			</div>
			<FieldErrors id={field.errorId} errors={field.errors} />
		</fieldset>
	)
}
