// ONE zod schema derived from a form definition, used by the server (the action) and the browser
// (Conform's onValidate), so both refuse exactly the same input. Hidden fields (visibleWhen false)
// are neither required nor kept; required visible fields that are empty get the "required" message.
import { z } from 'zod'
import { fieldValueSchema, isEmptyValue } from './field-value-schema'
import { allFields, FORM_LOCALES, type Condition, type Field, type FormDefinition, type FormLocale, type Step } from './form-definition-schema'
import { VALIDATION_MESSAGES } from './validation-messages'

export type SubmissionData = Record<string, unknown>

export function isConditionMet(condition: Condition | undefined, values: Record<string, unknown>): boolean {
	if (!condition) return true
	const raw = values[condition.field]
	const value = typeof raw === 'boolean' ? raw : raw === 'on' ? true : raw
	switch (condition.op) {
		case 'filled':
			return !isEmptyValue(value) && value !== false
		case 'equals':
			return String(value ?? '') === String(condition.value)
		case 'notEquals':
			return String(value ?? '') !== String(condition.value)
		case 'in':
			return (condition.values ?? []).includes(String(value ?? ''))
		case 'greaterThan':
		case 'lessThan': {
			if (isEmptyValue(value)) return false
			const order = compareValues(String(value), String(condition.value))
			if (order === null) return false
			return condition.op === 'greaterThan' ? order > 0 : order < 0
		}
	}
}

/** Numbers (a Czech "1 250,5" too) compare as numbers, dates (YYYY-MM-DD) as dates; null when not comparable. */
function compareValues(a: string, b: string): number | null {
	const iso = /^\d{4}-\d{2}-\d{2}$/
	if (iso.test(a) && iso.test(b)) return a < b ? -1 : a > b ? 1 : 0
	const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(/\s/g, '').replace(',', '.')))
	const x = number(a)
	const y = number(b)
	if (!Number.isFinite(x) || !Number.isFinite(y)) return null
	return x - y
}

function toLocale(locale: string): FormLocale {
	return (FORM_LOCALES as readonly string[]).includes(locale) ? (locale as FormLocale) : 'cs'
}

/**
 * @param options.steps validate only these steps (a multi-step post checks the current step; the
 *   final submit checks them all).
 */
export function buildSubmissionSchema(definition: Pick<FormDefinition, 'steps'>, locale: string, options: { steps?: Step[] } = {}) {
	const lang = toLocale(locale)
	const m = VALIDATION_MESSAGES[lang]
	const fields = options.steps ? options.steps.flatMap((step) => step.fields) : allFields(definition)
	const shape = Object.fromEntries(fields.map((field) => [field.name, z.unknown().optional()]))

	return z.object(shape).transform((input, ctx) => {
		const output: SubmissionData = {}
		const addIssues = (path: (string | number)[], error: z.ZodError) => {
			for (const issue of error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] })
		}
		for (const field of fields) {
			if (!isConditionMet(field.visibleWhen, input)) continue
			const value = input[field.name]
			if (field.type === 'group') {
				const result = groupSchema(field, m, lang).safeParse(value ?? [])
				if (result.success) output[field.name] = result.data
				else addIssues([field.name], result.error)
				continue
			}
			if (isEmptyValue(value)) {
				if (field.required) ctx.addIssue({ code: 'custom', message: field.type === 'checkbox' ? m.mustCheck : m.required, path: [field.name] })
				else if (field.type === 'checkbox') output[field.name] = false
				continue
			}
			const result = fieldValueSchema(field, m, lang).safeParse(value)
			if (result.success) output[field.name] = result.data
			else addIssues([field.name], result.error)
		}
		return output
	})
}

function groupSchema(field: Extract<Field, { type: 'group' }>, m: (typeof VALIDATION_MESSAGES)['cs'], locale: FormLocale) {
	const item = z.record(z.string(), z.unknown()).transform((input, ctx) => {
		const output: SubmissionData = {}
		for (const child of field.fields) {
			const value = input[child.name]
			if (isEmptyValue(value)) {
				if (child.required) ctx.addIssue({ code: 'custom', message: m.required, path: [child.name] })
				continue
			}
			const result = fieldValueSchema(child, m, locale).safeParse(value)
			if (result.success) output[child.name] = result.data
			else for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [child.name, ...issue.path] })
		}
		return output
	})
	const min = field.required ? Math.max(1, field.minItems) : field.minItems
	// Rows left entirely blank (an added but unused row) are dropped before the rows are checked, except
	// the rows a required group needs: those stay, so each empty field gets its own message at the field.
	return z.preprocess(
		(value) => {
			if (!Array.isArray(value)) return isEmptyValue(value) ? [] : value
			let blanksToKeep = min - value.filter((entry) => !isEmptyValue(entry)).length
			return value.filter((entry) => !isEmptyValue(entry) || blanksToKeep-- > 0).map((entry) => entry ?? {})
		},
		z
			.array(item)
			.refine((items) => items.length >= min, min === 1 ? m.required : m.tooFewItems(min))
			.refine((items) => items.length <= field.maxItems, m.tooManyItems(field.maxItems)),
	)
}
