import { DEFAULT_LOCALE, LOCALES } from './locales'

export const i18nConfig = {
	supportedLngs: [...LOCALES],
	fallbackLng: DEFAULT_LOCALE,
	defaultNS: 'common',
	ns: ['common'],
	interpolation: { escapeValue: false },
	react: { useSuspense: false },
}
