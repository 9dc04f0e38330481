import { createInstance, type TFunction } from 'i18next'
import cs from '../../locales/cs/delivery.json'
import en from '../../locales/en/delivery.json'
import uk from '../../locales/uk/delivery.json'
import { LOCALES, type Locale } from '../i18n/locales'

// Texts of delivery e-mails and timeline entries, written outside any request (worker, callback).
const i18n = createInstance()
void i18n.init({
	resources: { cs: { delivery: cs }, en: { delivery: en }, uk: { delivery: uk } },
	fallbackLng: 'cs',
	ns: ['delivery'],
	defaultNS: 'delivery',
	interpolation: { escapeValue: false },
	initImmediate: false,
})

export function deliveryTranslator(locale: string): TFunction<'delivery'> {
	return i18n.getFixedT((LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'cs', 'delivery')
}
