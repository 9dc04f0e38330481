import { createInstance, type TFunction } from 'i18next'
import cs from '../../locales/cs/reminders.json'
import en from '../../locales/en/reminders.json'
import uk from '../../locales/uk/reminders.json'
import { isLocale } from '../i18n/locales'

// Texts of payment reminders, written by a job outside any request.
const i18n = createInstance()
void i18n.init({
	resources: { cs: { reminders: cs }, en: { reminders: en }, uk: { reminders: uk } },
	fallbackLng: 'cs',
	ns: ['reminders'],
	defaultNS: 'reminders',
	interpolation: { escapeValue: false },
	initImmediate: false,
})

export function remindersTranslator(locale: string): TFunction<'reminders'> {
	return i18n.getFixedT(isLocale(locale) ? locale : 'cs', 'reminders')
}
