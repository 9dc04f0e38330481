import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AUDIT_OUTCOMES, AuditFilterSchema } from '~/modules/audit/audit-filter-schema'
import { FormErrors, SelectField, SubmitButton, TextField } from './form-field'
import { useZodForm } from './use-zod-form'

type Props = { lastResult?: SubmissionResult<string[]> | null; defaultValue: Record<string, string>; actions: string[] }

export function AuditFilterForm({ lastResult, defaultValue, actions }: Props) {
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(AuditFilterSchema, { id: 'audit-filter', lastResult, defaultValue })
	const select = (field: typeof fields.akce | typeof fields.vysledek, label: string, options: { value: string; label: string }[]) => (
		<SelectField field={field} label={label} options={options} emptyLabel={t('audit.all')} width="max-w-xs" />
	)
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
