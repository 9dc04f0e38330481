import { getTenantDb } from '../db/tenant-db.server'
import { isLocale, type Locale, type LocalizedText } from '../i18n/locales'
import { resolveTheme } from '../theming/presets.server'
import { tokensToCss, type ThemeTokens } from '../theming/tokens'
import { TOWN_TYPES, type TownType } from './blueprint-schema'
import type { ResolvedTenant } from './resolve-tenant.server'
import { rememberForTown } from './town-cache.server'

export type TownContact = {
	address: string
	email: string
	phone: string
	web?: string
	dataBox?: string
	ico?: string
	officeHours?: LocalizedText
}

/** What every page of a town needs: name, languages, look, contacts. Remembered per town (town-cache.server.ts). */
export type TownProfile = {
	slug: string
	name: LocalizedText
	/** obec, město, městys or statutární město: the wording follows it (decision 016). */
	townType: TownType
	intro: LocalizedText | null
	defaultLocale: Locale
	enabledLocales: Locale[]
	theme: ThemeTokens
	themeCss: string
	contact: TownContact
	iban: string | null
	hasLogo: boolean
	sessionIdleMinutes: number
	version: string
}

export function getTownProfile(tenant: ResolvedTenant): Promise<TownProfile> {
	return rememberForTown(tenant, 'profile', () => loadTownProfile(tenant))
}

async function loadTownProfile(tenant: ResolvedTenant): Promise<TownProfile> {
	const settings = await getTenantDb(tenant).townSettings.findUnique({
		where: { id: 1 },
		omit: { logo: true, fees: true, forms: true, gateways: true, legalPages: true },
	})
	if (!settings) throw new Error(`Town ${tenant.slug} has no settings; apply its blueprint`)
	const [logo, nia] = await Promise.all([
		getTenantDb(tenant).townSettings.count({ where: { id: 1, logo: { not: null } } }),
		getTenantDb(tenant).niaSettings.findUnique({ where: { id: 1 }, select: { sessionIdleMinutes: true } }),
	])
	const theme = resolveTheme(settings.themePreset, settings.themeOverrides as Partial<ThemeTokens>)
	const enabledLocales = settings.enabledLocales.filter(isLocale)
	const profile: TownProfile = {
		slug: tenant.slug,
		name: settings.name as LocalizedText,
		townType: (TOWN_TYPES as readonly string[]).includes(settings.townType) ? (settings.townType as TownType) : 'obec',
		intro: (settings.intro as LocalizedText | null)?.cs ? (settings.intro as LocalizedText) : null,
		defaultLocale: isLocale(settings.defaultLocale) ? settings.defaultLocale : 'cs',
		enabledLocales: enabledLocales.length ? enabledLocales : ['cs'],
		theme,
		themeCss: tokensToCss(theme),
		contact: settings.contact as TownContact,
		iban: settings.iban,
		hasLogo: logo > 0,
		sessionIdleMinutes: nia?.sessionIdleMinutes ?? 20,
		version: settings.updatedAt.getTime().toString(36),
	}
	return profile
}
