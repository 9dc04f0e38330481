import { createInstance, type TFunction } from 'i18next'
import cs from '../../locales/cs/mail.json'
import en from '../../locales/en/mail.json'
import uk from '../../locales/uk/mail.json'
import type { Locale } from '../i18n/locales'

/** The texts of e-mails (app/locales/<lng>/mail.json), one namespace for all templates. */
export const mailResources = { cs, en, uk } satisfies Record<Locale, typeof cs>

const i18n = createInstance()
// Resources are inline, so initialisation is synchronous. Escaping is the templates' job (HTML only).
void i18n.init({
	resources: { cs: { mail: cs }, en: { mail: en }, uk: { mail: uk } },
	fallbackLng: 'cs',
	ns: ['mail'],
	defaultNS: 'mail',
	interpolation: { escapeValue: false },
	initImmediate: false,
})

export type MailTranslate = TFunction<'mail'>

export function mailTranslator(locale: Locale): MailTranslate {
	return i18n.getFixedT(locale, 'mail')
}

const intlLocale: Record<Locale, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' }

/** 1. 12. 2026 13:00 in Czech; dates in e-mail are Prague time, as the town's office works. */
export function formatMailDateTime(instant: string | Date, locale: Locale) {
	return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Prague' }).format(new Date(instant))
}
