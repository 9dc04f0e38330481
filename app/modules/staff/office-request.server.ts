import { type AppLoadContext } from '@remix-run/node'
import { getRequestLocale } from '../i18n/locale.server'
import { pickText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { requireTenant, requireTownProfile } from '../tenancy/require-town.server'
import { townOrigin } from '../tenancy/town-origin.server'

/** Who is asking, for the audit log: the address Express resolved (TRUST_PROXY aware) and the request id. */
export function requestMeta(context: AppLoadContext) {
	return { ip: context.portal?.clientIp ?? null, requestId: context.portal?.requestId ?? null }
}

/**
 * The town, the visitor's language and the page title for an office page, from office.json. `origin`
 * is the town's public address from its stored primary host: never the request's Host header.
 */
export async function officePage(request: Request, context: AppLoadContext, titleKey: string) {
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const townName = pickText(profile.name, locale)
	return { profile, locale, townName, origin: townOrigin(requireTenant(context).primaryHost), title: `${officeText(locale, titleKey)} – ${townName}` }
}

/** A text from office.json by its dotted key (the key itself when missing, which the i18n test forbids). */
export function officeText(locale: keyof typeof resources, key: string): string {
	let node: unknown = resources[locale].office
	for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
	return typeof node === 'string' ? node : key
}
