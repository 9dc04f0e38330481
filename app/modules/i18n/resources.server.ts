import cs from '../../locales/cs/common.json'
import en from '../../locales/en/common.json'
import uk from '../../locales/uk/common.json'
import type { Locale } from './locales'

export const resources: Record<Locale, { common: typeof cs }> = {
	cs: { common: cs },
	en: { common: en },
	uk: { common: uk },
}
