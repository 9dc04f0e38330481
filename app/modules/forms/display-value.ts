import { type Field, type LeafField } from './form-definition-schema'
import { pickText } from '../i18n/locales'

/** A field's value as text, for the review page, the PDF and the timeline page. */
export function displayValue(field: Field | LeafField, value: unknown, locale: string, files: { fieldName: string; fileName: string }[], words: { yes: string; no: string; empty: string }): string {
	if (field.type === 'file') return files.filter((file) => file.fieldName === field.name).map((file) => file.fileName).join(', ') || words.empty
	if (value === undefined || value === null || value === '') return words.empty
	if (field.type === 'checkbox') return value === true || value === 'on' ? words.yes : words.no
	if (field.type === 'select' || field.type === 'radio') return pickText(field.options.find((option) => option.value === value)?.label, locale) || String(value)
	if (field.type === 'address' && typeof value === 'object') {
		const address = value as { street?: string; city?: string; postalCode?: string }
		return [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
	}
	if (field.type === 'group' && Array.isArray(value)) {
		return value.map((row: Record<string, unknown>) => field.fields.map((child) => `${pickText(child.label, locale)}: ${displayValue(child, row[child.name], locale, files, words)}`).join('; ')).join(' | ')
	}
	return String(value)
}
