// The settings pages' form values and their messages. Values come from the town's exported
// blueprint; a message is a translation key: the field's own text where there is one (the settings'
// or, shared with it, the onboarding wizard's), else a general "check this field".
import { resources } from '../i18n/resources.server'
import { COLOUR_TOKENS, type SettingsGroup } from './settings-groups'

type Raw = Record<string, unknown>
const OUR_CODES = new Set(['contrast', 'hostTaken', 'metadataUnusable', 'agendaInUse'])
const text = resources.en['platform-health']

/** The translation key (namespace included) of a message shown at a field. */
export function settingsErrorKey(name: string, code: string) {
	if (code.startsWith('platform-health:')) return code
	if (OUR_CODES.has(code)) return `platform-health:settings.errors.${code}`
	const field = name.replace(/\[\d+\]/g, '').replace(/\./g, '_')
	if (field in text.settings.fieldErrors) return `platform-health:settings.fieldErrors.${field}`
	if (field in text.onboarding.fieldErrors) return `platform-health:onboarding.fieldErrors.${field}`
	return 'platform-health:settings.errors.invalid'
}

/** What the group's fields show first: the current settings, and one empty row where a list can grow. */
export function formValues(group: SettingsGroup, blueprint: Raw): Raw {
	switch (group) {
		case 'identity':
			return { name: blueprint.name, type: blueprint.type, intro: blueprint.intro ?? {} }
		case 'contact':
			return { contact: blueprint.contact }
		case 'languages':
			return { locales: blueprint.locales }
		case 'look': {
			const theme = blueprint.theme as { preset: string; overrides: Raw }
			return { theme: { preset: theme.preset, overrides: Object.fromEntries(COLOUR_TOKENS.map((token) => [token, theme.overrides[token] ?? ''])) } }
		}
		case 'payments':
			return { payments: blueprint.payments }
		case 'hosts':
			return { hosts: [...(blueprint.hosts as string[]), ''] }
		case 'nia': {
			const nia = (blueprint.nia ?? { minimumLoa: 'substantial' }) as Raw
			return {
				nia: {
					spIssuer: nia.spIssuer,
					minimumLoa: nia.minimumLoa,
					idpMetadataUrl: nia.idpMetadataUrl,
					municipalityCode: nia.municipalityCode,
					sessionIdleMinutes: nia.sessionIdleMinutes,
				},
			}
		}
		case 'agendas':
			return { submissionAgendas: [...(blueprint.submissionAgendas as Raw[]), { code: '', name: { cs: '', en: '', uk: '' } }] }
	}
}
