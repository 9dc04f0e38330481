import type { Locale } from '../i18n/locales'
import type { resources } from '../i18n/resources.server'

type UploadTexts = (typeof resources)['cs']['forms']['upload']

/**
 * An upload refusal for a page that answers without i18next (a form step's server answer): the file's
 * name, and the limit as a number in the visitor's format ("0,01 MB" in Czech), as `{{detail, number}}`
 * says in the texts.
 */
export function uploadRefusalText(texts: UploadTexts, reason: string, name: string, detail: string | undefined, locale: Locale) {
	const limit = detail !== undefined && detail !== '' && Number.isFinite(Number(detail)) ? new Intl.NumberFormat(locale).format(Number(detail)) : (detail ?? '')
	return texts[reason as keyof UploadTexts].replace('{{name}}', name).replace(/\{\{detail(?:, number)?\}\}/, limit)
}
