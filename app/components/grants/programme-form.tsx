import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ProgrammeFormProblem, ProgrammeFormValues } from '~/modules/grants/programme-form.server'

type Props = { values: ProgrammeFormValues; problem: ProgrammeFormProblem | null; isEdit: boolean; submitLabel: string }

const FIELD = 'w-full max-w-xl rounded-town border border-muted bg-surface px-3 py-2 text-ink'
const AREA = 'w-full max-w-2xl rounded-town border border-muted bg-surface px-3 py-2 font-mono text-ink'

/** The grants admin's programme and call editor; plain form POST, every error at its field. */
export function ProgrammeForm({ values, problem, isEdit, submitLabel }: Props) {
	const { t } = useTranslation('grants')
	const errorsOf = (name: string) => problem?.fieldErrors[name] ?? []
	const a11y = (name: string, help = false) => ({
		'aria-invalid': errorsOf(name).length ? true : undefined,
		'aria-describedby': [help ? `${name}-help` : null, errorsOf(name).length ? `${name}-error` : null].filter(Boolean).join(' ') || undefined,
	})
	const errorList = (name: string) =>
		errorsOf(name).length ? (
			<ul id={`${name}-error`} className="mt-1 text-sm font-medium text-red-800">
				{errorsOf(name).map((key) => (
					<li key={key}>{t(key)}</li>
				))}
			</ul>
		) : null
	const label = (name: string, text = t(`field.${name}`)) => (
		<label htmlFor={`programme-${name}`} className="mb-1 block font-medium">
			{text}
		</label>
	)
	const input = (name: string, options: { type?: 'text' | 'date' | 'number'; required?: boolean; readOnly?: boolean } = {}) => (
		<div className="mb-4">
			{label(name)}
			<input
				id={`programme-${name}`}
				name={name}
				type={options.type ?? 'text'}
				defaultValue={values[name] ?? ''}
				required={options.required}
				readOnly={options.readOnly}
				{...(options.type === 'number' ? { min: 0, inputMode: 'numeric' as const } : {})}
				{...a11y(name)}
				className={FIELD}
			/>
			{errorList(name)}
		</div>
	)
	const area = (name: string, options: { rows?: number; help?: string } = {}) => (
		<div className="mb-4">
			{label(name)}
			{options.help ? (
				<p id={`${name}-help`} className="mb-1 text-sm text-muted">
					{options.help}
				</p>
			) : null}
			<textarea
				id={`programme-${name}`}
				name={name}
				rows={options.rows ?? 3}
				defaultValue={values[name] ?? ''}
				{...a11y(name, Boolean(options.help))}
				className={AREA}
			/>
			{errorList(name)}
		</div>
	)
	const select = (name: string, options: { value: string; text: string }[], text = t(`field.${name}`)) => (
		<div className="mb-4">
			{label(name, text)}
			<select id={`programme-${name}`} name={name} defaultValue={values[name] ?? ''} {...a11y(name)} className={FIELD}>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.text}
					</option>
				))}
			</select>
			{errorList(name)}
		</div>
	)
	return (
		<Form method="post" className="max-w-3xl" noValidate>
			<div role="alert" className={problem?.formError ? 'mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900' : undefined}>
				{problem?.formError ? <p>{t(problem.formError.key, problem.formError.values ?? {})}</p> : null}
			</div>
			{input('code', { required: true, readOnly: isEdit })}
			{select(
				'kind',
				(['programme', 'individual'] as const).map((k) => ({ value: k, text: t(`office.kind.${k}`) })),
				t('office.fieldKind'),
			)}
			{input('name', { required: true })}
			{area('purpose')}
			{area('reasons')}
			{input('totalBudget', { type: 'number', required: true })}
			{input('maxGrant', { type: 'number', required: true })}
			{input('minGrant', { type: 'number' })}
			{select(
				'eligibleApplicants',
				(['both', 'natural', 'legal'] as const).map((k) => ({ value: k, text: t(`eligible.${k}`) })),
			)}
			{input('coFinancingPercent', { type: 'number' })}
			{area('costCategories', { rows: 4, help: t('office.rulesHelp') })}
			{area('criteria', { rows: 4, help: t('office.rulesHelp') })}
			{area('requiredAttachments', { rows: 3, help: t('office.rulesHelp') })}
			{area('conditions', { rows: 4 })}
			{input('periodFrom', { type: 'date' })}
			{input('periodTo', { type: 'date' })}
			{input('decisionDeadline', { type: 'date' })}
			{input('settlementDeadline', { type: 'date' })}
			<div className="mb-4">
				<label>
					<input type="checkbox" name="deMinimis" defaultChecked={values.deMinimis === 'on'} className="mr-2" />
					{t('field.deMinimis')}
				</label>
			</div>
			{area('contractTemplate', { rows: 6 })}
			<fieldset className="mb-4 rounded-town border border-muted p-4">
				<legend className="px-1 font-bold">{t('office.callTitle')}</legend>
				{input('callName', { required: true })}
				{input('opensOn', { type: 'date', required: true })}
				{input('closesOn', { type: 'date', required: true })}
			</fieldset>
			<button type="submit" name="intent" value="save" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
				{submitLabel}
			</button>
		</Form>
	)
}
