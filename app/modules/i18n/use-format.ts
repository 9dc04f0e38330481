import { useTranslation } from 'react-i18next'
import { asLocale, formatDate, formatDateTime, formatMoney, formatOptionalDate, formatTime } from './format'
import { instalmentLabel } from '../claims/instalment-label'
import { pickText } from './locales'

/**
 * The one way an office page shows a value (issue 19): dates and times as they are in Prague in the
 * page's locale, money in Kč from haléře, instalments as "1. splátka ze 2" (nothing for a single payment), texts stored per language.
 * Loaders, CSV and PDF use app/modules/i18n/format.ts, the same functions with the locale passed in.
 */
export function useFormat() {
	const { t, i18n } = useTranslation('common')
	const locale = asLocale(i18n.language)
	return {
		locale,
		date: (value: Date | string) => formatDate(value, locale),
		optionalDate: (value: Date | string | null | undefined) => formatOptionalDate(value, locale),
		dateTime: (value: Date | string) => formatDateTime(value, locale),
		time: (value: Date | string) => formatTime(value, locale),
		money: (halere: number) => formatMoney(halere, locale),
		text: (value: unknown) => pickText(value, locale),
		instalment: (claim: { instalment: number; instalmentCount: number }) => instalmentLabel(claim, (key, values) => t(`labels.${key}`, values)),
	}
}
