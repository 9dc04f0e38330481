export const LOCALES = ['cs', 'en', 'uk'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'cs'

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Text given per language; Czech is always present and is the fallback. */
export type LocalizedText = { cs: string } & Partial<Record<Exclude<Locale, 'cs'>, string>>

/**
 * The one helper for text stored per language (town names, form titles and labels, agendas, claim
 * labels): the locale's text, else Czech, else ''. Takes `unknown` because much of it comes from JSON
 * columns.
 */
export function pickText(text: unknown, locale: string): string {
	if (!text || typeof text !== 'object') return ''
	const record = text as Record<string, unknown>
	const value = record[locale] ?? record.cs
	return typeof value === 'string' ? value : ''
}
