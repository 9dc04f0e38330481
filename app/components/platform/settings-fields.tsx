import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, SelectField, TextField } from '~/components/office/form-field'
import { LOCALES } from '~/modules/i18n/locales'
import { TOWN_TYPES } from '~/modules/tenancy/blueprint-schema'
import type { ThemeTokens } from '~/modules/theming/tokens'
import { COLOUR_TOKENS, type SettingsGroup } from '~/modules/town-settings/settings-groups'

// The fields of one settings group on the vendor console (platform.obce.$slug_.nastaveni.$group).
// Conform gives ids, names and the messages' wiring; labels reuse the onboarding wizard's texts.

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>
type Fields = Record<string, Field>
type Contrast = { foreground: string; background: string; ratio: number; needed: number }

/** The field at a path such as `contact.officeHours.cs` or `hosts[2]`. */
function at(fields: Fields, path: string): Field {
	const [first, ...rest] = path.match(/[^.[\]]+/g)!
	let field = fields[first!]!
	for (const part of rest) {
		const inner = field as unknown as { getFieldList: () => Field[]; getFieldset: () => Fields }
		field = /^\d+$/.test(part) ? inner.getFieldList()[Number(part)]! : inner.getFieldset()[part]!
	}
	return field
}

const asText = (field: Field) => field as FieldMetadata<string | undefined | null>

function LocalizedFields({ fields, path, label }: { fields: Fields; path: string; label: string }) {
	const { t } = useTranslation('platform-health')
	return (
		<fieldset className="mb-2">
			<legend className="mb-2 font-semibold">{label}</legend>
			{LOCALES.map((locale) => (
				<TextField key={locale} field={asText(at(fields, `${path}.${locale}`))} label={`${label} (${t(`onboarding.locales.${locale}`)})`} />
			))}
		</fieldset>
	)
}

function ColourField({ field, token, placeholder, contrast }: { field: Field; token: string; placeholder?: string; contrast: Contrast[] }) {
	const { t } = useTranslation('platform-health')
	const { key, ...props } = getInputProps(asText(field), { type: 'text' })
	const mine = contrast.filter((failure) => failure.foreground === token)
	const others = (field.errors ?? []).filter((error) => !error.endsWith('settings.errors.contrast'))
	const invalid = mine.length > 0 || others.length > 0
	return (
		<div className="mb-3">
			<label htmlFor={field.id} className="mb-1 block font-medium">
				{t(`onboarding.tokens.${token}`)}
			</label>
			<input
				key={key}
				{...props}
				aria-invalid={invalid || undefined}
				aria-describedby={invalid ? field.errorId : undefined}
				placeholder={placeholder}
				className="w-40 rounded-town border border-muted bg-surface px-3 py-2 font-mono text-ink"
			/>
			{invalid ? (
				<ul id={field.errorId} className="mt-1 text-sm font-medium text-red-800">
					{mine.map((failure) => (
						<li key={failure.background}>
							{t('onboarding.errors.contrast', {
								fg: t(`onboarding.tokens.${failure.foreground}`),
								bg: t(`onboarding.tokens.${failure.background}`),
								ratio: failure.ratio,
								needed: failure.needed,
							})}
						</li>
					))}
					{others.map((error) => (
						<li key={error}>{t(error)}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

function ListErrors({ field }: { field: Field }) {
	return <FieldErrors id={field.errorId} errors={field.errors} />
}

type Props = { group: SettingsGroup; fields: Fields; presets: Record<string, ThemeTokens>; logo: string | null; contrast: Contrast[] }

export function SettingsFields({ group, fields, presets, logo, contrast }: Props) {
	const { t } = useTranslation('platform-health')
	const l = (key: string) => t(`onboarding.fields.${key}`)
	const s = (key: string) => t(`settings.fields.${key}`)
	const f = (path: string) => asText(at(fields, path))
	switch (group) {
		case 'identity':
			return (
				<>
					<LocalizedFields fields={fields} path="name" label={s('name')} />
					<SelectField
						field={at(fields, 'type')}
						label={l('type')}
						options={TOWN_TYPES.map((type) => ({ value: type, label: t(`onboarding.townTypes.${type}`) }))}
					/>
					<LocalizedFields fields={fields} path="intro" label={s('intro')} />
				</>
			)
		case 'contact':
			return (
				<>
					<TextField field={f('contact.address')} label={l('address')} />
					<TextField field={f('contact.phone')} label={l('phone')} />
					<TextField field={f('contact.email')} label={l('email')} type="email" />
					<TextField field={f('contact.web')} label={l('web')} />
					<TextField field={f('contact.dataBox')} label={l('dataBox')} help={t('onboarding.hints.dataBox')} />
					<TextField field={f('contact.ico')} label={l('ico')} inputMode="numeric" />
					<LocalizedFields fields={fields} path="contact.officeHours" label={l('officeHours')} />
				</>
			)
		case 'languages': {
			const enabled = at(fields, 'locales.enabled')
			const chosen = Array.isArray(enabled.initialValue)
				? (enabled.initialValue as string[])
				: typeof enabled.initialValue === 'string'
					? [enabled.initialValue]
					: []
			return (
				<>
					<SelectField
						field={at(fields, 'locales.default')}
						label={l('defaultLocale')}
						options={LOCALES.map((locale) => ({ value: locale, label: t(`onboarding.locales.${locale}`) }))}
					/>
					<fieldset className="mb-4" aria-describedby={enabled.errors?.length ? enabled.errorId : undefined}>
						<legend className="mb-1 font-medium">{l('enabledLocales')}</legend>
						{LOCALES.map((locale) => (
							<label key={locale} className="mr-4 inline-flex items-center gap-2">
								<input type="checkbox" name={enabled.name} value={locale} defaultChecked={chosen.includes(locale)} />
								{t(`onboarding.locales.${locale}`)}
							</label>
						))}
						<ListErrors field={enabled} />
					</fieldset>
				</>
			)
		}
		case 'look': {
			const preset = at(fields, 'theme.preset')
			const presetName = typeof preset.initialValue === 'string' && presets[preset.initialValue] ? preset.initialValue : Object.keys(presets)[0]
			const logoField = at(fields, 'logo')
			return (
				<>
					<SelectField field={preset} label={l('preset')} options={Object.keys(presets).map((name) => ({ value: name, label: name }))} />
					<fieldset className="mb-4">
						<legend className="mb-1 font-semibold">{l('overrides')}</legend>
						<p className="mb-2 text-sm text-muted">{t('onboarding.hints.overrides')}</p>
						{COLOUR_TOKENS.map((token) => (
							<ColourField
								key={token}
								token={token}
								field={at(fields, `theme.overrides.${token}`)}
								placeholder={presetName ? presets[presetName]?.[token] : undefined}
								contrast={contrast}
							/>
						))}
					</fieldset>
					<div className="mb-4">
						<label htmlFor={logoField.id} className="mb-1 block font-medium">
							{l('logo')}
						</label>
						<p id={`${logoField.id}-help`} className="mb-1 text-sm text-muted">
							{logo ? t('settings.logoNow', { logo }) : t('settings.logoNone')} {t('settings.logoRules')}
						</p>
						<input
							id={logoField.id}
							name={logoField.name}
							type="file"
							accept=".svg,.png,image/svg+xml,image/png"
							aria-invalid={logoField.errors?.length ? true : undefined}
							aria-describedby={logoField.errors?.length ? `${logoField.id}-help ${logoField.errorId}` : `${logoField.id}-help`}
						/>
						<FieldErrors id={logoField.errorId} errors={logoField.errors} />
						{logo ? (
							<label className="mt-2 flex items-center gap-2">
								<input type="checkbox" name="removeLogo" />
								{s('removeLogo')}
							</label>
						) : null}
					</div>
				</>
			)
		}
		case 'payments':
			return <TextField field={f('payments.iban')} label={l('iban')} help={t('onboarding.hints.iban')} />
		case 'hosts': {
			const hosts = at(fields, 'hosts') as unknown as Field & { getFieldList: () => Field[] }
			return (
				<fieldset className="mb-4" aria-describedby={hosts.errors?.length ? hosts.errorId : undefined}>
					<legend className="mb-1 font-semibold">{s('hosts')}</legend>
					<p className="mb-2 text-sm text-muted">{t('settings.hostsHint')}</p>
					{hosts.getFieldList().map((host, index) => (
						<TextField key={host.key} field={asText(host)} label={index === 0 ? l('primaryHost') : t('settings.fields.otherHost', { index })} />
					))}
					<ListErrors field={hosts} />
				</fieldset>
			)
		}
		case 'nia':
			return (
				<>
					<TextField field={f('nia.spIssuer')} label={l('spIssuer')} help={t('onboarding.hints.spIssuer')} />
					<SelectField
						field={at(fields, 'nia.minimumLoa')}
						label={l('minimumLoa')}
						options={['substantial', 'high'].map((value) => ({ value, label: t(`onboarding.loa.${value}`) }))}
					/>
					<TextField field={f('nia.idpMetadataUrl')} label={l('idpMetadataUrl')} help={t('settings.idpMetadataHint')} />
					<TextField field={f('nia.municipalityCode')} label={l('municipalityCode')} help={t('onboarding.hints.municipalityCode')} inputMode="numeric" />
					<TextField field={f('nia.sessionIdleMinutes')} label={s('sessionIdleMinutes')} help={t('settings.sessionIdleHint')} inputMode="numeric" />
				</>
			)
		case 'agendas': {
			const rows = at(fields, 'submissionAgendas') as unknown as Field & { getFieldList: () => Field[] }
			return (
				<>
					<p className="mb-2 text-sm text-muted">{t('settings.agendasHint')}</p>
					{rows.getFieldList().map((row, index) => (
						<fieldset key={row.key} className="mb-4 rounded-town border border-muted p-3">
							<legend className="px-1 font-semibold">{t('settings.fields.agenda', { index: index + 1 })}</legend>
							<TextField field={f(`submissionAgendas[${index}].code`)} label={s('agendaCode')} />
							{LOCALES.map((locale) => (
								<TextField
									key={locale}
									field={f(`submissionAgendas[${index}].name.${locale}`)}
									label={`${s('agendaName')} (${t(`onboarding.locales.${locale}`)})`}
								/>
							))}
						</fieldset>
					))}
					<ListErrors field={rows} />
				</>
			)
		}
	}
}
