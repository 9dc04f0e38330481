import cs from '../../locales/cs/common.json'
import en from '../../locales/en/common.json'
import uk from '../../locales/uk/common.json'
import platformMailCs from '../../locales/cs/platform-mail.json'
import platformMailEn from '../../locales/en/platform-mail.json'
import platformMailUk from '../../locales/uk/platform-mail.json'
import citizenCs from '../../locales/cs/citizen.json'
import citizenEn from '../../locales/en/citizen.json'
import citizenUk from '../../locales/uk/citizen.json'
import officeCs from '../../locales/cs/office.json'
import officeEn from '../../locales/en/office.json'
import officeUk from '../../locales/uk/office.json'
import bankCs from '../../locales/cs/bank.json'
import bankEn from '../../locales/en/bank.json'
import bankUk from '../../locales/uk/bank.json'
import type { Locale } from './locales'

export const resources: Record<Locale, { common: typeof cs; 'platform-mail': typeof platformMailCs; citizen: typeof citizenCs; office: typeof officeCs; bank: typeof bankCs }> = {
	cs: { common: cs, 'platform-mail': platformMailCs, citizen: citizenCs, office: officeCs, bank: bankCs },
	en: { common: en, 'platform-mail': platformMailEn, citizen: citizenEn, office: officeEn, bank: bankEn },
	uk: { common: uk, 'platform-mail': platformMailUk, citizen: citizenUk, office: officeUk, bank: bankUk },
}
