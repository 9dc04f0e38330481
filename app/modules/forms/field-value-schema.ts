// The zod schema of one field's value, as it arrives from a form post (strings; Conform turns
// `address.street` and `dogs[0].name` into objects and arrays) and as it is stored (typed).
import { electronicFormatIBAN, isValidIBAN } from 'ibantools'
import { z } from 'zod'
import type { Field, LeafField } from './form-definition-schema'
import { pickText } from '../i18n/locales'
import { type VALIDATION_MESSAGES } from './validation-messages'

type Messages = (typeof VALIDATION_MESSAGES)['cs']

export const POSTAL_CODE = /^\d{3} ?\d{2}$/
// Czech numbers with or without +420, and international numbers: digits with optional spaces.
const PHONE = /^(\+\d{1,3} ?)?\d{3} ?\d{3} ?\d{3,4}$/

export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null) return true
	if (typeof value === 'string') return value.trim() === ''
	if (Array.isArray(value)) return value.every(isEmptyValue)
	if (typeof value === 'object') return Object.values(value).every(isEmptyValue)
	return false
}

/** Today in Prague, as YYYY-MM-DD, for `min: 'today'` and `max: 'today'`. */
export function todayInPrague(now = new Date()) {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(now)
}

const requiredText = (m: Messages) => z.string({ error: m.required }).trim().min(1, m.required)

/**
 * @param locale the citizen's language, for the form's own messages (a pattern's "what is expected").
 */
export function fieldValueSchema(field: Field | LeafField, m: Messages, locale = 'cs'): z.ZodType {
	switch (field.type) {
		case 'text': {
			let schema = requiredText(m).max(field.maxLength, m.tooLong(field.maxLength))
			if (field.minLength) schema = schema.min(field.minLength, m.tooShort(field.minLength))
			// The definition says what is expected ("Číslo čipu má 15 číslic."); the generic message is the fallback.
			if (field.pattern) schema = schema.regex(new RegExp(field.pattern, 'u'), field.patternMessage ? pickText(field.patternMessage, locale) : m.pattern)
			return schema
		}
		case 'longText': {
			let schema = requiredText(m).max(field.maxLength, m.tooLong(field.maxLength))
			if (field.minLength) schema = schema.min(field.minLength, m.tooShort(field.minLength))
			return schema
		}
		case 'number': {
			let schema = z.number({ error: m.number }).refine(Number.isFinite, m.number)
			if (field.integer) schema = schema.refine(Number.isInteger, m.integer)
			if (field.min !== undefined) schema = schema.refine((n) => n >= field.min!, m.min(field.min))
			if (field.max !== undefined) schema = schema.refine((n) => n <= field.max!, m.max(field.max))
			// Czech users type a decimal comma and group digits with spaces ("1 250,5").
			return z
				.union([z.string(), z.number()], { error: m.number })
				.transform((value) => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value.replace(/\s/g, '').replace(',', '.'))))
				.pipe(schema)
		}
		case 'date': {
			const bound = (value: string) => (value === 'today' ? todayInPrague() : value)
			return z.iso
				.date({ error: m.date })
				.refine((d) => !field.min || d >= bound(field.min), m.min(field.min ?? ''))
				.refine((d) => !field.max || d <= bound(field.max), m.max(field.max ?? ''))
		}
		case 'select':
		case 'radio':
			return z.enum(field.options.map((option) => option.value) as [string, ...string[]], { error: m.option })
		case 'checkbox':
			return z.union([z.literal('on'), z.literal('true'), z.literal(true)], { error: m.mustCheck }).transform(() => true)
		case 'email':
			return z
				.string()
				.trim()
				.toLowerCase()
				.pipe(z.email({ error: m.email }))
		case 'phone':
			return z.string().trim().regex(PHONE, m.phone)
		case 'iban':
			return z
				.string()
				.transform((value) => electronicFormatIBAN(value) ?? '')
				.refine((value) => isValidIBAN(value), m.iban)
		case 'address':
			return z.object({
				street: requiredText(m).max(200, m.tooLong(200)),
				city: requiredText(m).max(100, m.tooLong(100)),
				postalCode: z
					.string({ error: m.required })
					.trim()
					.regex(POSTAL_CODE, m.postalCode)
					.transform((code) => `${code.replace(' ', '').slice(0, 3)} ${code.replace(' ', '').slice(3)}`),
			})
		case 'file':
			// Values are ids of attachments already uploaded to the draft (checked by content there).
			return z
				.union([z.string().uuid(), z.array(z.string().uuid())])
				.transform((ids) => (Array.isArray(ids) ? ids : [ids]))
				.refine((ids) => ids.length <= field.maxFiles, m.tooManyFiles(field.maxFiles))
		case 'group':
			throw new Error('groups are built by buildSubmissionSchema')
	}
}
