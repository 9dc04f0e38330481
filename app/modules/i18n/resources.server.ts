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
import formsCs from '../../locales/cs/forms.json'
import formsEn from '../../locales/en/forms.json'
import formsUk from '../../locales/uk/forms.json'
import type { Locale } from './locales'

export const resources: Record<Locale, { common: typeof cs; 'platform-mail': typeof platformMailCs; citizen: typeof citizenCs; office: typeof officeCs; forms: typeof formsCs }> = {
	cs: { common: cs, 'platform-mail': platformMailCs, citizen: citizenCs, office: officeCs, forms: formsCs },
	en: { common: en, 'platform-mail': platformMailEn, citizen: citizenEn, office: officeEn, forms: formsEn },
	uk: { common: uk, 'platform-mail': platformMailUk, citizen: citizenUk, office: officeUk, forms: formsUk },
}
