import {
	getCollectionProps,
	getFormProps,
	getInputProps,
	getSelectProps,
	useForm,
	type FieldMetadata,
	type FormMetadata,
	type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { blankFee, formToRulebook, LEGAL_CAPS, RulebookFormSchema, type RulebookForm } from '~/modules/fees/rulebook-form'
import { FieldErrors, SubmitButton } from './form-field'

type Meta = FieldMetadata<string | undefined>
type AnyForm = FormMetadata<RulebookForm, string[]>

function Errors({ meta }: { meta: { errorId: string; errors?: string[] } }) {
	return <FieldErrors id={meta.errorId} errors={meta.errors} ns="fees-office" />
}

function Input({
	meta,
	label,
	help,
	inputMode,
	type = 'text',
	size = 'md',
}: {
	meta: Meta
	label: string
	help?: string
	inputMode?: 'numeric' | 'decimal'
	type?: 'text' | 'date'
	size?: 'sm' | 'md'
}) {
	const helpId = help ? `${meta.id}-help` : undefined
	const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: helpId })
	return (
		<div>
			<label htmlFor={meta.id} className="mb-1 block text-sm font-medium">
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
				inputMode={inputMode}
				className={`${size === 'sm' ? 'w-28' : 'w-full max-w-xs'} rounded-town border border-muted bg-surface px-2 py-1 text-ink`}
			/>
			<Errors meta={meta} />
		</div>
	)
}

function Select({ meta, label, options }: { meta: Meta; label: string; options: { value: string; label: string }[] }) {
	const { key, ...props } = getSelectProps(meta)
	return (
		<div>
			<label htmlFor={meta.id} className="mb-1 block text-sm font-medium">
				{label}
			</label>
			<select key={key} {...props} className="rounded-town border border-muted bg-surface px-2 py-1 text-ink">
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<Errors meta={meta} />
		</div>
	)
}

function Checkbox({ meta, label }: { meta: Meta; label: string }) {
	const { key, ...props } = getInputProps(meta, { type: 'checkbox' })
	return (
		<div>
			<label className="inline-flex items-center gap-2">
				<input key={key} {...props} />
				{label}
			</label>
			<Errors meta={meta} />
		</div>
	)
}

const smallButton = 'rounded-town border border-muted bg-surface px-2 py-1 text-sm'

function money(value: number, locale: string) {
	return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CZK', maximumFractionDigits: 0 }).format(value)
}

/** One fee: names, rates per year with the legal cap beside them, reliefs, instalments. */
function FeeFieldset({
	form,
	meta,
	index,
	count,
}: {
	form: AnyForm
	meta: FieldMetadata<NonNullable<RulebookForm['feeTypes']>[number], RulebookForm, string[]>
	index: number
	count: number
}) {
	const { t, i18n } = useTranslation('fees-office')
	const fee = meta.getFieldset()
	const names = fee.names.getFieldset()
	const kind = fee.kind.value ?? 'waste'
	const rates = fee.rates.getFieldList()
	const reliefs = fee.reliefs.getFieldList()
	const instalments = fee.instalments.getFieldList()
	const title = names.cs.value || fee.code.value || t('rules.form.newFee')
	const law = kind === 'waste' ? LEGAL_CAPS.waste : kind === 'dog' ? LEGAL_CAPS.dog : null
	return (
		<fieldset className="mb-6 rounded-town border border-muted p-4">
			<legend className="px-1 text-lg font-semibold">{t('rules.form.feeLegend', { n: index + 1, name: title })}</legend>
			<div className="grid gap-3 sm:grid-cols-3">
				<Input meta={fee.code} label={t('rules.form.code')} help={t('rules.form.codeHelp')} />
				<Select
					meta={fee.kind}
					label={t('rules.form.kind')}
					options={(['waste', 'dog', 'custom'] as const).map((k) => ({ value: k, label: t(`rules.form.kinds.${k}`) }))}
				/>
				<Checkbox meta={fee.proRateByMonths} label={t('rules.form.proRate')} />
				<Input meta={names.cs} label={t('rules.form.nameCs')} />
				<Input meta={names.en} label={t('rules.form.nameEn')} />
				<Input meta={names.uk} label={t('rules.form.nameUk')} />
			</div>

			<h3 className="mt-4 mb-2 font-semibold">{t('rules.form.rates')}</h3>
			<div className="mb-3 flex flex-wrap items-start gap-4">
				<Input meta={fee.cap} label={t('rules.form.cap')} inputMode="numeric" size="sm" help={t('rules.form.capHelp')} />
				{law ? (
					<p className="max-w-md text-sm" data-testid={`legal-cap-${index}`}>
						{kind === 'dog'
							? t('rules.form.lawDog', {
									rate: money(LEGAL_CAPS.dog.rate, i18n.language),
									further: money(LEGAL_CAPS.dog.furtherRate, i18n.language),
									senior: money(LEGAL_CAPS.dog.seniorRate, i18n.language),
									law: LEGAL_CAPS.dog.law,
								})
							: t('rules.form.lawWaste', { rate: money(LEGAL_CAPS.waste.rate, i18n.language), law: LEGAL_CAPS.waste.law })}
					</p>
				) : null}
			</div>
			{kind === 'dog' ? <Input meta={fee.seniorDogAtLeast} label={t('rules.form.seniorAtLeast')} inputMode="numeric" size="sm" /> : null}
			<ul className="mt-2 grid gap-2">
				{rates.map((row, r) => {
					const cells = row.getFieldset()
					return (
						<li key={row.key} className="flex flex-wrap items-end gap-3 border-b border-muted pb-2">
							<Input meta={cells.year} label={t('rules.form.year')} inputMode="numeric" size="sm" />
							<Input meta={cells.rate} label={kind === 'dog' ? t('rules.form.rateFirstDog') : t('rules.form.rate')} inputMode="numeric" size="sm" />
							{kind === 'dog' ? (
								<>
									<Input meta={cells.furtherRate} label={t('rules.form.rateFurtherDog')} inputMode="numeric" size="sm" />
									<Input meta={cells.seniorRate} label={t('rules.form.rateSenior')} inputMode="numeric" size="sm" />
								</>
							) : null}
							<button {...form.remove.getButtonProps({ name: fee.rates.name, index: r })} className={smallButton}>
								{t('rules.form.removeYear', { year: cells.year.value ?? '' })}
							</button>
						</li>
					)
				})}
			</ul>
			<Errors meta={fee.rates} />
			<button
				{...form.insert.getButtonProps({
					name: fee.rates.name,
					defaultValue: { year: String(Number(rates.at(-1)?.getFieldset().year.value ?? new Date().getFullYear()) + 1) },
				})}
				className={`${smallButton} mt-2`}
			>
				{t('rules.form.addYear')}
			</button>

			<h3 className="mt-4 mb-2 font-semibold">{t('rules.form.reliefs')}</h3>
			<ul className="grid gap-2">
				{reliefs.map((row, r) => {
					const cells = row.getFieldset()
					return (
						<li key={row.key} className="flex flex-wrap items-end gap-3 border-b border-muted pb-2">
							<Select
								meta={cells.kind}
								label={t('rules.form.reliefKind')}
								options={(['age_under', 'age_at_least', 'disability'] as const).map((k) => ({ value: k, label: t(`rules.form.reliefKinds.${k}`) }))}
							/>
							<Input meta={cells.code} label={t('rules.form.reliefCode')} size="sm" />
							{cells.kind.value === 'disability' ? (
								<fieldset>
									<legend className="mb-1 text-sm font-medium">{t('rules.form.statuses')}</legend>
									{getCollectionProps(cells.statuses, { type: 'checkbox', options: ['ztp', 'ztpp'] }).map(({ key, value: status, ...props }) => (
										<label key={key} className="mr-3 inline-flex items-center gap-1">
											<input {...props} value={status} />
											{t(`rules.form.status.${status}`)}
										</label>
									))}
									<Errors meta={cells.statuses} />
								</fieldset>
							) : (
								<Input meta={cells.age} label={t('rules.form.age')} inputMode="numeric" size="sm" />
							)}
							<Input meta={cells.percent} label={t('rules.form.reliefPercent')} inputMode="decimal" size="sm" />
							<button {...form.remove.getButtonProps({ name: fee.reliefs.name, index: r })} className={smallButton}>
								{t('rules.form.removeRelief', { n: r + 1 })}
							</button>
						</li>
					)
				})}
			</ul>
			<p className="mt-1 text-sm text-muted">{t('rules.form.reliefsHelp')}</p>
			<div className="mt-2 flex flex-wrap gap-2">
				<button {...form.insert.getButtonProps({ name: fee.reliefs.name, defaultValue: { kind: 'age_under', percent: '100' } })} className={smallButton}>
					{t('rules.form.addAgeRelief')}
				</button>
				<button
					{...form.insert.getButtonProps({ name: fee.reliefs.name, defaultValue: { kind: 'disability', statuses: ['ztp', 'ztpp'], percent: '100' } })}
					className={smallButton}
				>
					{t('rules.form.addDisabilityRelief')}
				</button>
			</div>

			<h3 className="mt-4 mb-2 font-semibold">{t('rules.form.instalments')}</h3>
			<ul className="grid gap-2">
				{instalments.map((row, r) => {
					const cells = row.getFieldset()
					return (
						<li key={row.key} className="flex flex-wrap items-end gap-3 border-b border-muted pb-2">
							<Input meta={cells.dueDate} label={t('rules.form.dueDate', { n: r + 1 })} help={r === 0 ? t('rules.form.dueDateHelp') : undefined} size="sm" />
							<Input meta={cells.percent} label={t('rules.form.instalmentPercent', { n: r + 1 })} inputMode="decimal" size="sm" />
							{instalments.length > 1 ? (
								<button {...form.remove.getButtonProps({ name: fee.instalments.name, index: r })} className={smallButton}>
									{t('rules.form.removeInstalment', { n: r + 1 })}
								</button>
							) : null}
						</li>
					)
				})}
			</ul>
			<Errors meta={fee.instalments} />
			<button
				{...form.insert.getButtonProps({ name: fee.instalments.name, defaultValue: { dueDate: '09-30', percent: '' } })}
				className={`${smallButton} mt-2`}
			>
				{t('rules.form.addInstalment')}
			</button>
			<Errors meta={meta} />
			{count > 1 ? (
				<div className="mt-4">
					<button {...form.remove.getButtonProps({ name: form.getFieldset().feeTypes.name, index })} className={smallButton}>
						{t('rules.form.removeFee', { name: title })}
					</button>
				</div>
			) : null}
		</fieldset>
	)
}

/** The whole rulebook as a form. Works without JavaScript: rows are added and removed by Conform intents. */
export function FeeRulesForm({
	defaultValue,
	lastResult,
	preview,
}: {
	defaultValue: RulebookForm
	lastResult?: SubmissionResult<string[]> | null
	preview: (rules: unknown) => React.ReactNode
}) {
	const { t } = useTranslation('fees-office')
	const [form, fields] = useForm<RulebookForm, unknown>({
		id: 'fee-rules',
		lastResult,
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RulebookFormSchema }),
	})
	void form.allErrors
	const fees = fields.feeTypes.getFieldList()
	const discount = fields.discount.getFieldset()
	const reminders = fields.reminders.getFieldset()
	const codes = fees.map((f) => f.getFieldset().code.value).filter((c): c is string => Boolean(c))
	const errorCount = Object.values(form.allErrors).flat().length
	return (
		<Form method="post" action="/urad/poplatky/pravidla" {...getFormProps(form)} className="mb-10">
			<input type="hidden" name="mode" value="form" />
			<div role="alert" className={errorCount ? 'mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900' : undefined}>
				{errorCount ? t('rules.form.errorCount', { count: errorCount }) : null}
				{form.errors?.map((e) => (
					<p key={e}>{t(e)}</p>
				))}
			</div>
			{preview(formToRulebook((form.value ?? {}) as RulebookForm))}
			{fees.map((fee, index) => (
				<FeeFieldset key={fee.key} form={form as AnyForm} meta={fee} index={index} count={fees.length} />
			))}
			<Errors meta={fields.feeTypes} />
			<button
				{...form.insert.getButtonProps({ name: fields.feeTypes.name, defaultValue: blankFee(new Date().getFullYear()) })}
				className={`${smallButton} mb-6`}
			>
				{t('rules.form.addFee')}
			</button>

			<fieldset className="mb-6 rounded-town border border-muted p-4">
				<legend className="px-1 text-lg font-semibold">{t('rules.form.discount')}</legend>
				<p className="mb-2 text-sm">{t('rules.form.discountHelp')}</p>
				<div className="grid gap-3">
					<Input meta={discount.percent} label={t('rules.form.discountPercent')} inputMode="decimal" size="sm" />
					<p className="text-sm">
						<span className="font-medium">{t('rules.form.discountUntil')}</span> {t('rules.form.discountUntilValue')}
					</p>
					<fieldset>
						<legend className="mb-1 text-sm font-medium">{t('rules.form.discountFees')}</legend>
						{getCollectionProps(discount.feeTypes, { type: 'checkbox', options: codes }).map(({ key, value: code, ...props }) => (
							<label key={key} className="mr-4 inline-flex items-center gap-1">
								<input {...props} value={code} />
								{fees
									.find((f) => f.getFieldset().code.value === code)
									?.getFieldset()
									.names.getFieldset().cs.value || code}
							</label>
						))}
						<Errors meta={discount.feeTypes} />
					</fieldset>
					<fieldset>
						<legend className="mb-1 text-sm font-medium">{t('rules.form.channels')}</legend>
						<p className="text-sm">{t('rules.form.channelPortal')}</p>
						<Checkbox meta={discount.withoutLogin} label={t('rules.form.channelWithoutLogin')} />
					</fieldset>
				</div>
			</fieldset>

			<fieldset className="mb-6 rounded-town border border-muted p-4">
				<legend className="px-1 text-lg font-semibold">{t('rules.form.remindersLegend')}</legend>
				<div className="grid gap-3 sm:grid-cols-2">
					<Input meta={reminders.daysBefore} label={t('rules.form.daysBefore')} help={t('rules.form.daysHelp')} />
					<Input meta={reminders.daysAfter} label={t('rules.form.daysAfter')} help={t('rules.form.daysHelp')} />
				</div>
				<div className="mt-3">
					<Input meta={fields.validFrom} label={t('rules.form.validFrom')} type="date" />
				</div>
			</fieldset>
			<SubmitButton>{t('rules.save')}</SubmitButton>
		</Form>
	)
}
