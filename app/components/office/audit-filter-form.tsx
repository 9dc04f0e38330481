import { getFormProps, getSelectProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AUDIT_OUTCOMES, AuditFilterSchema } from '~/modules/audit/audit-filter-schema'
import { FieldErrors, FormErrors, SubmitButton, TextField } from './form-field'
import { useZodForm } from './use-zod-form'

type Props = { lastResult?: SubmissionResult<string[]> | null; defaultValue: Record<string, string>; actions: string[] }

export function AuditFilterForm({ lastResult, defaultValue, actions }: Props) {
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(AuditFilterSchema, { id: 'audit-filter', lastResult, defaultValue })
	const select = (field: typeof fields.akce | typeof fields.vysledek, label: string, options: { value: string; label: string }[]) => {
		const { key, ...props } = getSelectProps(field)
		return (
			<div className="mb-4">
				<label htmlFor={field.id} className="mb-1 block font-medium">
					{label}
				</label>
				<select key={key} {...props} className="w-full max-w-xs rounded-town border border-muted bg-surface px-3 py-2 text-ink">
					<option value="">{t('audit.all')}</option>
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
	return (
		<Form method="get" {...getFormProps(form)} className="mb-6 rounded-town border border-muted/30 bg-surface p-5">
			<FormErrors id={form.errorId} errors={form.errors} />
			<div className="grid gap-x-6 sm:grid-cols-2">
				{select(
					fields.akce,
					t('audit.action'),
					actions.map((action) => ({ value: action, label: t(`auditActions.${action}`, { defaultValue: action }) })),
				)}
				{select(
					fields.vysledek,
					t('audit.outcome'),
					AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`outcomes.${outcome}`) })),
				)}
				<TextField field={fields.od} label={t('audit.from')} type="date" />
				<TextField field={fields.do} label={t('audit.to')} type="date" />
			</div>
			<div className="flex flex-wrap items-center gap-6">
				<SubmitButton>{t('audit.filter')}</SubmitButton>
				<Link to="/urad/audit">{t('audit.clear')}</Link>
			</div>
		</Form>
	)
}
