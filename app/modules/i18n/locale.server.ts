import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { isLocale, type Locale } from './locales'

// Host-only cookie (no Domain), so each town remembers its own language choice.
export const localeCookie = createCookie('lng', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 })

const detectors = new Map<string, RemixI18Next>()

/** One detector per (enabled locales, default): towns restrict their languages. */
function detectorFor(enabled: readonly Locale[], fallback: Locale) {
	const key = `${enabled.join(',')}|${fallback}`
	let detector = detectors.get(key)
	if (!detector) {
		detector = new RemixI18Next({
			detection: {
				supportedLanguages: [...enabled],
				fallbackLanguage: fallback,
				cookie: localeCookie,
				order: ['searchParams', 'cookie', 'header'],
			},
		})
		detectors.set(key, detector)
	}
	return detector
}

/**
 * The language of this request: ?lng=, then the cookie, then Accept-Language, then the town's
 * default. A locale the town has not enabled (or an unknown one) is ignored, never an error.
 */
export async function getRequestLocale(request: Request, town: { enabledLocales: Locale[]; defaultLocale: Locale }): Promise<Locale> {
	const locale = await detectorFor(town.enabledLocales, town.defaultLocale).getLocale(request)
	return isLocale(locale) && town.enabledLocales.includes(locale) ? locale : town.defaultLocale
}

/** Set-Cookie value when the visitor picked a language through the switcher (?lng=xx). */
export async function rememberChosenLocale(request: Request, locale: Locale) {
	const asked = new URL(request.url).searchParams.get('lng')
	return asked === locale ? localeCookie.serialize(locale) : null
}
