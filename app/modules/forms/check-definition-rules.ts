// Rules a definition must keep that span more than one field. Each problem is reported with the
// path to the offending part (e.g. steps.1.fields.3.visibleWhen.field) so an author can find it,
// and with a rule key (params.rule) the builder turns into a message in the clerk's language.
import type { z } from 'zod'
import type { Condition, Field, FormDefinition, LeafField } from './form-definition-schema'

type Ctx = z.RefinementCtx
type Path = (string | number)[]
type Issue = (path: Path, message: string, rule: string, values?: Record<string, unknown>) => void

// Which field types each identity binding fits: a date of birth cannot prefill a phone field.
const PREFILL_FITS: Record<string, Field['type'][]> = {
	givenName: ['text'],
	familyName: ['text'],
	fullName: ['text'],
	dateOfBirth: ['date'],
	address: ['address', 'text', 'longText'],
	email: ['email', 'text'],
	phone: ['phone', 'text'],
}

export function checkDefinitionRules(definition: FormDefinition, ctx: Ctx) {
	const issue: Issue = (path, message, rule, values) => ctx.addIssue({ code: 'custom', path, message, params: { rule, ...values } })
	const seenSteps = new Set<string>()
	// Field name -> the field, with the step it is on, for conditions (which may name only earlier or same-step fields).
	const known = new Map<string, { field: Field; step: number }>()

	definition.steps.forEach((step, s) => {
		if (seenSteps.has(step.id)) issue(['steps', s, 'id'], `duplicate step id "${step.id}"`, 'duplicateStep')
		seenSteps.add(step.id)
		step.fields.forEach((field, f) => {
			const path: Path = ['steps', s, 'fields', f]
			if (known.has(field.name)) issue([...path, 'name'], `duplicate field name "${field.name}"`, 'duplicateName')
			known.set(field.name, { field, step: s })
			checkField(field, path, issue, definition.attachments.maxFileSizeMb)
			if (field.type === 'group') {
				const inner = new Set<string>()
				field.fields.forEach((child, c) => {
					const childPath: Path = [...path, 'fields', c]
					if (inner.has(child.name)) issue([...childPath, 'name'], `duplicate field name "${child.name}" in group "${field.name}"`, 'duplicateName')
					inner.add(child.name)
					checkField(child, childPath, issue, definition.attachments.maxFileSizeMb)
					if (child.visibleWhen) issue([...childPath, 'visibleWhen'], 'conditions inside a repeating group are not supported', 'groupCondition')
					if (child.prefill) issue([...childPath, 'prefill'], 'fields inside a repeating group cannot be prefilled', 'groupPrefill')
				})
				if (field.minItems > field.maxItems)
					issue([...path, 'minItems'], `minItems (${field.minItems}) is greater than maxItems (${field.maxItems})`, 'minAboveMax')
			}
		})
	})

	// Conditions second, so that the error for a later field names it as "later", not "unknown".
	definition.steps.forEach((step, s) => {
		step.fields.forEach((field, f) => {
			if (!field.visibleWhen) return
			checkCondition(field, field.visibleWhen, s, ['steps', s, 'fields', f, 'visibleWhen'], known, issue)
		})
	})

	const fileFields = definition.steps.flatMap((step) => step.fields).filter((field) => field.type === 'file')
	const fileSlots = fileFields.reduce((sum, field) => sum + (field.type === 'file' ? field.maxFiles : 0), 0)
	if (fileFields.length && definition.attachments.maxFiles === 0)
		issue(['attachments', 'maxFiles'], 'the form has file fields but allows no attachments', 'noAttachments')
	if (fileSlots > 0 && definition.attachments.maxFileSizeMb > definition.attachments.maxTotalSizeMb) {
		issue(['attachments', 'maxFileSizeMb'], 'one file may not be larger than all files together (maxTotalSizeMb)', 'fileAboveTotal')
	}
}

function checkField(field: Field | LeafField, path: Path, issue: Issue, formMaxFileSizeMb: number) {
	if (field.prefill && !PREFILL_FITS[field.prefill]?.includes(field.type)) {
		issue([...path, 'prefill'], `"${field.prefill}" cannot prefill a ${field.type} field`, 'prefillFit')
	}
	if (field.type === 'text') {
		if (field.pattern !== undefined) {
			try {
				new RegExp(field.pattern, 'u')
			} catch (error) {
				issue([...path, 'pattern'], `the pattern is not a valid regular expression: ${(error as Error).message}`, 'pattern')
			}
		}
	}
	if ((field.type === 'text' || field.type === 'longText') && field.minLength !== undefined && field.minLength > field.maxLength) {
		issue([...path, 'minLength'], `minLength (${field.minLength}) is greater than maxLength (${field.maxLength})`, 'minAboveMax')
	}
	if (field.type === 'number' && field.min !== undefined && field.max !== undefined && field.min > field.max) {
		issue([...path, 'min'], `min (${field.min}) is greater than max (${field.max})`, 'minAboveMax')
	}
	if (field.type === 'date' && field.min && field.max && field.min !== 'today' && field.max !== 'today' && field.min > field.max) {
		issue([...path, 'min'], `min (${field.min}) is after max (${field.max})`, 'minAboveMax')
	}
	if (field.type === 'file' && field.maxFileSizeMb !== undefined && field.maxFileSizeMb > formMaxFileSizeMb) {
		issue([...path, 'maxFileSizeMb'], `the field's size limit (${field.maxFileSizeMb} MB) is above the form's (${formMaxFileSizeMb} MB)`, 'fileAboveForm', {
			max: formMaxFileSizeMb,
		})
	}
	if (field.type === 'select' || field.type === 'radio') {
		const values = new Set<string>()
		field.options.forEach((option, o) => {
			if (values.has(option.value)) issue([...path, 'options', o, 'value'], `duplicate option value "${option.value}"`, 'duplicateOption')
			values.add(option.value)
		})
	}
}

function checkCondition(field: Field, condition: Condition, step: number, path: Path, known: Map<string, { field: Field; step: number }>, issue: Issue) {
	const target = known.get(condition.field)
	if (condition.field === field.name) return issue([...path, 'field'], `field "${field.name}" cannot depend on itself`, 'selfCondition')
	if (!target) return issue([...path, 'field'], `the condition names an unknown field "${condition.field}"`, 'unknownField')
	if (target.step > step) return issue([...path, 'field'], `the condition names "${condition.field}", which comes on a later step`, 'laterField')
	if (target.field.type === 'group' || target.field.type === 'file')
		return issue([...path, 'field'], `a condition cannot test a ${target.field.type} field`, 'untestable')
	if (condition.op === 'in' && !condition.values?.length) issue([...path, 'values'], 'the "in" condition needs a list of values', 'needsValue')
	if (condition.op !== 'in' && condition.op !== 'filled' && (condition.value === undefined || condition.value === ''))
		return issue([...path, 'value'], `the "${condition.op}" condition needs a value`, 'needsValue')
	if (condition.op === 'greaterThan' || condition.op === 'lessThan') {
		const type = target.field.type
		if (type !== 'number' && type !== 'date') return issue([...path, 'op'], `"${condition.op}" compares numbers and dates, not a ${type} field`, 'compareType')
		const value = String(condition.value)
		if (type === 'number' && !Number.isFinite(Number(value.replace(/\s/g, '').replace(',', '.'))))
			issue([...path, 'value'], `"${value}" is not a number`, 'notNumber')
		if (type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) issue([...path, 'value'], `"${value}" is not a date (YYYY-MM-DD)`, 'notDate')
	}
	const targetField = target.field
	if (targetField.type === 'select' || targetField.type === 'radio') {
		const allowed = new Set(targetField.options.map((option) => option.value))
		const tested = condition.op === 'in' ? (condition.values ?? []) : condition.value === undefined ? [] : [String(condition.value)]
		for (const value of tested) {
			if (!allowed.has(value))
				issue([...path, condition.op === 'in' ? 'values' : 'value'], `"${value}" is not an option of field "${condition.field}"`, 'notAnOption', { value })
		}
	}
}
