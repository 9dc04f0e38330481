import { type Field, type LeafField } from './form-definition-schema'
import { formatDate } from '../i18n/format'
import { isLocale, pickText } from '../i18n/locales'

type Words = { yes: string; no: string; empty: string }
type Files = { fieldName: string; fileName: string }[]

/** A field's value as text, for the review page, the PDF and the timeline page. Dates in the reader's locale. */
export function displayValue(field: Field | LeafField, value: unknown, locale: string, files: Files, words: Words): string {
	if (field.type === 'file')
		return (
			files
				.filter((file) => file.fieldName === field.name)
				.map((file) => file.fileName)
				.join(', ') || words.empty
		)
	if (value === undefined || value === null || value === '') return words.empty
	if (field.type === 'checkbox') return value === true || value === 'on' ? words.yes : words.no
	if (field.type === 'select' || field.type === 'radio') return pickText(field.options.find((option) => option.value === value)?.label, locale) || String(value)
	if (field.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, isLocale(locale) ? locale : 'cs')
	if (field.type === 'address' && typeof value === 'object') {
		const address = value as { street?: string; city?: string; postalCode?: string }
		return [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
	}
	if (field.type === 'group' && Array.isArray(value)) {
		return groupRows(field, value, locale, files, words)
			.map((row, index) => `${index + 1}. ${row.map((cell) => `${cell.label}: ${cell.value}`).join(', ')}`)
			.join('\n')
	}
	return String(value)
}

/** A repeated group as rows of labelled values, so pages and the PDF show it as a list. */
export function groupRows(
	field: Extract<Field, { type: 'group' }>,
	value: unknown,
	locale: string,
	files: Files,
	words: Words,
): { label: string; value: string }[][] {
	if (!Array.isArray(value)) return []
	return value.map((row: Record<string, unknown>) =>
		field.fields.map((child) => ({ label: pickText(child.label, locale), value: displayValue(child, row?.[child.name], locale, files, words) })),
	)
}
