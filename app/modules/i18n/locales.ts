export const LOCALES = ['cs', 'en', 'uk'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'cs'

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Text given per language; Czech is always present and is the fallback. */
export type LocalizedText = { cs: string } & Partial<Record<Exclude<Locale, 'cs'>, string>>

export function pickText(text: LocalizedText | undefined | null, locale: Locale): string {
	if (!text) return ''
	return text[locale] ?? text.cs
}
