import { getRequestLocale } from '../i18n/locale.server'
import { LOCALES } from '../i18n/locales'
import { officeText } from '../staff/office-request.server'

/** The visitor's language and a page title for a vendor console page (texts in office.json, `vendor.*`). */
export async function platformPage(request: Request, titleKey: string) {
	const locale = await getRequestLocale(request, { enabledLocales: [...LOCALES], defaultLocale: 'cs' })
	return { locale, title: `${officeText(locale, titleKey)} – ${officeText(locale, 'vendor.console')}` }
}
