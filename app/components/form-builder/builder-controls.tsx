import { Form } from '@remix-run/react'
import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { DefinitionProblem } from '~/modules/form-builder/parse-definition-json'
import { FORM_LOCALES, type LocalizedText } from '~/modules/forms/form-definition-schema'

// Small pieces of the visual builder. Every edit is an ordinary form POST with an intent, so the
// builder works without JavaScript; the page re-renders with the changed draft.

export const INPUT = 'mt-1 block w-full rounded-town border border-muted bg-surface px-3 py-2 text-ink'
export const BUTTON = 'rounded-town bg-primary px-3 py-1.5 font-medium text-primary-contrast'
export const SECONDARY = 'rounded-town border border-primary px-3 py-1.5'

/**
 * A refused edit, so the form that sent it can show it again: which form (its formKey), what was
 * typed (input name -> value) and the problems by input name, each shown at its input.
 */
export type Rejected = { key: string; values: Record<string, string>; errors: Record<string, DefinitionProblem[]> }

/** The page's draft stamp (see draftStamp) and the refused edit, if any. */
export const BuilderPageContext = createContext<{ draftStamp: string; rejected: Rejected | null }>({ draftStamp: '', rejected: null })
const FormKeyContext = createContext<string>('')

/**
 * Every builder edit form: posts its intent, which form it is (formKey, so a refusal comes back to
 * it) and the draft stamp (so a save over someone else's newer save is refused, not lost).
 */
export function BuilderForm({
	formKey,
	intent,
	className,
	children,
	...rest
}: {
	formKey: string
	intent: string
	className?: string
	children: React.ReactNode
	'aria-labelledby'?: string
}) {
	const { draftStamp } = useContext(BuilderPageContext)
	return (
		<Form method="post" className={className} {...rest}>
			<input type="hidden" name="intent" value={intent} />
			<input type="hidden" name="formKey" value={formKey} />
			<input type="hidden" name="draftStamp" value={draftStamp} />
			<FormKeyContext.Provider value={formKey}>{children}</FormKeyContext.Provider>
		</Form>
	)
}

/** What the refused edit of this form had in an input, and the problems found there. */
export function useRejectedInput(name: string): { value: string | undefined; problems: DefinitionProblem[]; isRejected: boolean } {
	const { rejected } = useContext(BuilderPageContext)
	const key = useContext(FormKeyContext)
	if (!rejected || rejected.key !== key) return { value: undefined, problems: [], isRejected: false }
	return { value: rejected.values[name] ?? '', problems: rejected.errors[name] ?? [], isRejected: true }
}

/** A problem in the clerk's language: the rule's message, or the generic one with the technical detail. */
export function useProblemText() {
	const { t, i18n } = useTranslation('forms-office')
	return (problem: DefinitionProblem) => {
		const key = `designer.error.${problem.rule ?? ''}`
		return problem.rule && i18n.exists(key, { ns: 'forms-office' }) ? t(key, problem.values ?? {}) : t('designer.error.invalid', { detail: problem.message })
	}
}

export function InputErrors({ id, problems }: { id: string; problems: DefinitionProblem[] }) {
	const text = useProblemText()
	if (!problems.length) return null
	return (
		<p id={id} className="mt-1 font-semibold text-red-800">
			{problems.map(text).join(' ')}
		</p>
	)
}

/** Where an edit applies: a step, a field of it, a field inside a repeating group on it. */
export type FieldAddress = { step: number; field?: number; child?: number }

export function AddressInputs({ address }: { address: FieldAddress }) {
	return (
		<>
			<input type="hidden" name="step" value={address.step} />
			{address.field !== undefined ? <input type="hidden" name="field" value={address.field} /> : null}
			{address.child !== undefined ? <input type="hidden" name="child" value={address.child} /> : null}
		</>
	)
}

export function addressId(address: FieldAddress) {
	return [address.step, address.field, address.child].filter((part) => part !== undefined).join('-')
}

/** Three inputs, one per language, named <name>Cs/En/Uk. Czech is the one the schema requires. */
export function LocalizedInputs({ name, id, legend, value }: { name: string; id: string; legend: string; value?: LocalizedText | undefined }) {
	const { t } = useTranslation('forms-office')
	const rejected = useRejectedInput(name)
	const { rejected: page } = useContext(BuilderPageContext)
	const errorId = `${id}-error`
	return (
		<fieldset className="grid gap-2 sm:grid-cols-3" aria-describedby={rejected.problems.length ? errorId : undefined}>
			<legend className="font-medium">{legend}</legend>
			{FORM_LOCALES.map((locale) => {
				const suffix = locale.charAt(0).toUpperCase() + locale.slice(1)
				const typed = rejected.isRejected ? (page?.values[`${name}${suffix}`] ?? '') : undefined
				// A missing Czech text is the usual problem: mark that input.
				const invalid = rejected.problems.length > 0 && (locale === 'cs' || rejected.problems.some((problem) => problem.path.endsWith(`.${locale}`)))
				return (
					<div key={locale}>
						<label htmlFor={`${id}-${locale}`} className="text-sm">
							{legend} ({t(`designer.lang.${locale}`)})
						</label>
						<input
							id={`${id}-${locale}`}
							name={`${name}${suffix}`}
							lang={locale}
							defaultValue={typed ?? value?.[locale] ?? ''}
							aria-invalid={invalid || undefined}
							aria-describedby={invalid ? errorId : undefined}
							className={INPUT}
						/>
					</div>
				)
			})}
			<div className="sm:col-span-3">
				<InputErrors id={errorId} problems={rejected.problems} />
			</div>
		</fieldset>
	)
}

export function TextInput({
	id,
	name,
	label,
	value,
	type = 'text',
	hint,
}: {
	id: string
	name: string
	label: string
	value?: string | number | undefined
	type?: 'text' | 'number'
	hint?: string
}) {
	const rejected = useRejectedInput(name)
	const errorId = `${id}-error`
	const describedBy = [hint ? `${id}-hint` : null, rejected.problems.length ? errorId : null].filter(Boolean).join(' ')
	return (
		<div>
			<label htmlFor={id} className="font-medium">
				{label}
			</label>
			{hint ? (
				<p id={`${id}-hint`} className="text-sm text-muted">
					{hint}
				</p>
			) : null}
			<input
				id={id}
				name={name}
				type={type}
				defaultValue={rejected.value ?? value ?? ''}
				aria-invalid={rejected.problems.length > 0 || undefined}
				aria-describedby={describedBy || undefined}
				className={INPUT}
			/>
			<InputErrors id={errorId} problems={rejected.problems} />
		</div>
	)
}

/** A one-button form (move up/down, remove): the intent plus the address, nothing to fill in. */
export function IntentButton({
	intent,
	address,
	extra,
	label,
	accessibleLabel,
}: {
	intent: string
	address?: FieldAddress
	extra?: Record<string, string | number>
	label: string
	accessibleLabel: string
}) {
	return (
		<BuilderForm formKey={`${intent}-${address ? addressId(address) : ''}`} intent={intent} className="inline">
			{address ? <AddressInputs address={address} /> : null}
			{Object.entries(extra ?? {}).map(([key, value]) => (
				<input key={key} type="hidden" name={key} value={value} />
			))}
			<button type="submit" className={SECONDARY} aria-label={accessibleLabel}>
				{label}
			</button>
		</BuilderForm>
	)
}

/** Up, down and remove for one item of a list. */
export function ReorderButtons({
	intent,
	address,
	extra,
	name,
}: {
	intent: 'step' | 'field' | 'option'
	address: FieldAddress
	extra?: Record<string, string | number>
	name: string
}) {
	const { t } = useTranslation('forms-office')
	return (
		<div className="flex flex-wrap gap-2">
			<IntentButton
				intent={`move-${intent}`}
				address={address}
				extra={{ ...extra, direction: 'up' }}
				label={t('designer.moveUp')}
				accessibleLabel={`${t('designer.moveUp')}: ${name}`}
			/>
			<IntentButton
				intent={`move-${intent}`}
				address={address}
				extra={{ ...extra, direction: 'down' }}
				label={t('designer.moveDown')}
				accessibleLabel={`${t('designer.moveDown')}: ${name}`}
			/>
			<IntentButton
				intent={`remove-${intent}`}
				address={address}
				extra={extra}
				label={t('designer.remove')}
				accessibleLabel={`${t('designer.remove')}: ${name}`}
			/>
		</div>
	)
}

export function SelectInput({
	id,
	name,
	label,
	value,
	options,
	small,
}: {
	id: string
	name: string
	label: string
	value: string
	options: { value: string; label: string }[]
	small?: boolean
}) {
	const rejected = useRejectedInput(name)
	const errorId = `${id}-error`
	return (
		<div>
			<label htmlFor={id} className={small ? 'text-sm' : 'font-medium'}>
				{label}
			</label>
			<select
				id={id}
				name={name}
				defaultValue={rejected.value ?? value}
				aria-invalid={rejected.problems.length > 0 || undefined}
				aria-describedby={rejected.problems.length ? errorId : undefined}
				className={INPUT}
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<InputErrors id={errorId} problems={rejected.problems} />
		</div>
	)
}

export function CheckboxInput({ name, label, checked }: { name: string; label: string; checked: boolean }) {
	const rejected = useRejectedInput(name)
	return (
		<label className="flex items-center gap-2">
			<input type="checkbox" name={name} defaultChecked={rejected.isRejected ? rejected.value === 'on' : checked} />
			{label}
		</label>
	)
}
