import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FORM_LOCALES, type LocalizedText } from '~/modules/forms/form-definition-schema'

// Small pieces of the visual builder. Every edit is an ordinary form POST with an intent, so the
// builder works without JavaScript; the page re-renders with the changed draft.

export const INPUT = 'mt-1 block w-full rounded-town border border-muted bg-surface px-3 py-2 text-ink'
export const BUTTON = 'rounded-town bg-primary px-3 py-1.5 font-medium text-primary-contrast'
export const SECONDARY = 'rounded-town border border-primary px-3 py-1.5'

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
	return (
		<fieldset className="grid gap-2 sm:grid-cols-3">
			<legend className="font-medium">{legend}</legend>
			{FORM_LOCALES.map((locale) => {
				const suffix = locale.charAt(0).toUpperCase() + locale.slice(1)
				return (
					<div key={locale}>
						<label htmlFor={`${id}-${locale}`} className="text-sm">
							{legend} ({t(`designer.lang.${locale}`)})
						</label>
						<input id={`${id}-${locale}`} name={`${name}${suffix}`} lang={locale} defaultValue={value?.[locale] ?? ''} className={INPUT} />
					</div>
				)
			})}
		</fieldset>
	)
}

export function TextInput({ id, name, label, value, type = 'text' }: { id: string; name: string; label: string; value?: string | number; type?: 'text' | 'number' }) {
	return (
		<div>
			<label htmlFor={id} className="font-medium">
				{label}
			</label>
			<input id={id} name={name} type={type} defaultValue={value ?? ''} className={INPUT} />
		</div>
	)
}

/** A one-button form (move up/down, remove): the intent plus the address, nothing to fill in. */
export function IntentButton({ intent, address, extra, label, accessibleLabel }: { intent: string; address?: FieldAddress; extra?: Record<string, string | number>; label: string; accessibleLabel: string }) {
	return (
		<Form method="post" className="inline">
			<input type="hidden" name="intent" value={intent} />
			{address ? <AddressInputs address={address} /> : null}
			{Object.entries(extra ?? {}).map(([key, value]) => (
				<input key={key} type="hidden" name={key} value={value} />
			))}
			<button type="submit" className={SECONDARY} aria-label={accessibleLabel}>
				{label}
			</button>
		</Form>
	)
}

/** Up, down and remove for one item of a list. */
export function ReorderButtons({ intent, address, extra, name }: { intent: 'step' | 'field' | 'option'; address: FieldAddress; extra?: Record<string, string | number>; name: string }) {
	const { t } = useTranslation('forms-office')
	return (
		<div className="flex flex-wrap gap-2">
			<IntentButton intent={`move-${intent}`} address={address} extra={{ ...extra, direction: 'up' }} label={t('designer.moveUp')} accessibleLabel={`${t('designer.moveUp')}: ${name}`} />
			<IntentButton intent={`move-${intent}`} address={address} extra={{ ...extra, direction: 'down' }} label={t('designer.moveDown')} accessibleLabel={`${t('designer.moveDown')}: ${name}`} />
			<IntentButton intent={`remove-${intent}`} address={address} extra={extra} label={t('designer.remove')} accessibleLabel={`${t('designer.remove')}: ${name}`} />
		</div>
	)
}
