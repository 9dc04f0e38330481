import type { Locale } from './locales'

const intlLocale: Record<Locale, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' }

/** 1 234,50 Kč in Czech; amounts are kept in haléře (integer) everywhere else. */
export function formatMoney(amountInHalere: number, locale: Locale, currency = 'CZK') {
	return new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency }).format(amountInHalere / 100)
}

/** 26. 11. 2026 in Czech, 26/11/2026 in English, 26.11.2026 in Ukrainian. */
export function formatDate(date: Date | string, locale: Locale) {
	return new Intl.DateTimeFormat(intlLocale[locale], { timeZone: 'Europe/Prague' }).format(new Date(date))
}
