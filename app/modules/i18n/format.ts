import type { Locale } from './locales'

const intlLocale: Record<Locale, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' }

// Intl formatters are costly to build (a list of 50 claims formats 150 amounts and dates): one per
// locale (and currency), built on first use.
const moneyFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/** 1 234,50 Kč in Czech; amounts are kept in haléře (integer) everywhere else. */
export function formatMoney(amountInHalere: number, locale: Locale, currency = 'CZK') {
	const key = `${locale}:${currency}`
	let format = moneyFormats.get(key)
	if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency })))
	return format.format(amountInHalere / 100)
}

/** 26. 11. 2026 in Czech, 26/11/2026 in English, 26.11.2026 in Ukrainian. */
export function formatDate(date: Date | string, locale: Locale) {
	let format = dateFormats.get(locale)
	if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: 'Europe/Prague' })))
	return format.format(new Date(date))
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>()

/** 14:35 (Prague time), in the locale's own notation. */
export function formatTime(date: Date | string, locale: Locale) {
	let format = timeFormats.get(locale)
	if (!format)
		timeFormats.set(locale, (format = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })))
	return format.format(new Date(date))
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>()

/** 4. 12. 2026 22:35 in Czech: an instant as the date and time it was in Prague (never UTC). */
export function formatDateTime(date: Date | string, locale: Locale) {
	let format = dateTimeFormats.get(locale)
	if (!format)
		dateTimeFormats.set(
			locale,
			(format = new Intl.DateTimeFormat(intlLocale[locale], {
				timeZone: 'Europe/Prague',
				day: 'numeric',
				month: 'numeric',
				year: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
			})),
		)
	return format.format(new Date(date))
}

/** formatDate for a value that may be missing: '—' then. */
export function formatOptionalDate(date: Date | string | null | undefined, locale: Locale) {
	return date ? formatDate(date, locale) : '—'
}

/** The locale the page is shown in, from i18next's language (which may be 'cs-CZ' or unset). */
export function asLocale(language: string | undefined): Locale {
	const short = (language ?? '').slice(0, 2)
	return short === 'en' || short === 'uk' ? short : 'cs'
}

const sizeFormats = new Map<string, Intl.NumberFormat>()

/** 410 B, 12,3 kB, 4,5 MB: a file's size in the locale's units (decimal units, as Intl names them). */
export function formatFileSize(bytes: number, locale: Locale) {
	const [unit, value] =
		bytes < 1000 ? (['byte', bytes] as const) : bytes < 1_000_000 ? (['kilobyte', bytes / 1000] as const) : (['megabyte', bytes / 1_000_000] as const)
	// English Intl writes "410 byte"; the usual symbol is B.
	if (unit === 'byte' && locale === 'en') return `${bytes} B`
	const key = `${locale}:${unit}`
	let format = sizeFormats.get(key)
	if (!format)
		sizeFormats.set(
			key,
			(format = new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 })),
		)
	return format.format(value)
}
