// Applies one builder edit to a copy of a definition and checks the result with the definition
// schema and its rules. The caller stores the result only when it is valid, so an invalid change
// (a condition naming a later field, a select without options, a label without Czech text ...)
// is refused with the path of the problem and nothing changes.
import { FormDefinitionSchema, type FormDefinition, type FormDefinitionInput } from '../forms/form-definition-schema'
import type { BuilderEdit } from './builder-edit-schema'
import { problemFromIssue, type DefinitionProblem } from './parse-definition-json'

type Json = Record<string, unknown>
type Localized = { cs: string; en?: string; uk?: string }

export type BuilderEditResult = { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[] }

function localizedFrom(edit: Record<string, unknown>, prefix: string): Localized {
	const read = (suffix: string) => String(edit[`${prefix}${suffix}`] ?? '').trim()
	const result: Localized = { cs: read('Cs') }
	if (read('En')) result.en = read('En')
	if (read('Uk')) result.uk = read('Uk')
	return result
}

function move<T>(list: T[], index: number, direction: 'up' | 'down') {
	const target = direction === 'up' ? index - 1 : index + 1
	if (target < 0 || target >= list.length) return
	const [item] = list.splice(index, 1)
	list.splice(target, 0, item as T)
}

class EditProblem extends Error {
	constructor(
		readonly path: string,
		message: string,
		readonly rule?: string,
	) {
		super(message)
	}
}

/** A whole number typed into the builder ('' = not given); anything else is refused at its input. */
function wholeNumber(text: string, path: string): number | undefined {
	if (text === '') return undefined
	const value = Number(text.replace(/\s/g, ''))
	if (!Number.isInteger(value)) throw new EditProblem(path, `"${text}" is not a whole number`, 'notInteger')
	return value
}

function decimalNumber(text: string, path: string): number | undefined {
	if (text === '') return undefined
	const value = Number(text.replace(/\s/g, '').replace(',', '.'))
	if (!Number.isFinite(value)) throw new EditProblem(path, `"${text}" is not a number`, 'notNumber')
	return value
}

/** Sets or (for undefined) removes a property. */
function put(target: Json, key: string, value: unknown) {
	if (value === undefined) delete target[key]
	else target[key] = value
}

function at<T>(list: T[] | undefined, index: number, path: string): T {
	const item = list?.[index]
	if (item === undefined) throw new EditProblem(path, 'there is nothing at this position (reload the page)')
	return item
}

export function applyBuilderEdit(current: FormDefinitionInput, edit: BuilderEdit): BuilderEditResult {
	const definition = structuredClone(current) as unknown as Json & { steps: (Json & { fields: Json[] })[] }
	try {
		applyTo(definition, edit)
	} catch (error) {
		if (error instanceof EditProblem)
			return { ok: false, problems: [{ path: error.path, message: error.message, ...(error.rule ? { rule: error.rule } : {}) }] }
		throw error
	}
	const parsed = FormDefinitionSchema.safeParse(definition)
	if (parsed.success) return { ok: true, definition: parsed.data }
	return { ok: false, problems: parsed.error.issues.map(problemFromIssue) }
}

function applyTo(definition: Json & { steps: (Json & { fields: Json[] })[] }, edit: BuilderEdit) {
	const steps = definition.steps
	const fieldsOf = (step: number, group?: number): { list: Json[]; path: string } => {
		const fields = at(steps, step, `steps.${step}`).fields
		if (group === undefined) return { list: fields, path: `steps.${step}.fields` }
		const parent = at(fields, group, `steps.${step}.fields.${group}`)
		if (parent.type !== 'group') throw new EditProblem(`steps.${step}.fields.${group}`, 'this field is not a repeating group')
		return { list: parent.fields as Json[], path: `steps.${step}.fields.${group}.fields` }
	}
	const fieldAt = (e: { step: number; field: number; child?: number | undefined }) => {
		if (e.child === undefined) {
			const { list, path } = fieldsOf(e.step)
			return { field: at(list, e.field, `${path}.${e.field}`), list, index: e.field, path: `${path}.${e.field}` }
		}
		const { list, path } = fieldsOf(e.step, e.field)
		return { field: at(list, e.child, `${path}.${e.child}`), list, index: e.child, path: `${path}.${e.child}` }
	}
	switch (edit.intent) {
		case 'set-form': {
			definition.title = localizedFrom(edit, 'title')
			const description = localizedFrom(edit, 'description')
			if (description.cs || description.en || description.uk) definition.description = description
			else delete definition.description
			Object.assign(definition, {
				lifeSituation: edit.lifeSituation,
				agenda: edit.agenda,
				requiresLogin: edit.requiresLogin,
				retentionYears: edit.retentionYears,
			})
			return
		}
		case 'add-step':
			steps.push({
				id: edit.id,
				title: localizedFrom(edit, 'title'),
				fields: [{ name: edit.fieldName, type: 'text', label: localizedFrom(edit, 'fieldLabel') }],
			})
			return
		case 'set-step': {
			const step = at(steps, edit.step, `steps.${edit.step}`)
			Object.assign(step, { id: edit.id, title: localizedFrom(edit, 'title') })
			return
		}
		case 'move-step':
			at(steps, edit.step, `steps.${edit.step}`)
			return move(steps, edit.step, edit.direction)
		case 'remove-step':
			at(steps, edit.step, `steps.${edit.step}`)
			steps.splice(edit.step, 1)
			return
		case 'add-field': {
			const { list } = fieldsOf(edit.step, edit.group)
			const label = localizedFrom(edit, 'label')
			const field: Json = { name: edit.name, type: edit.type, label, required: edit.required }
			if (edit.type === 'select' || edit.type === 'radio')
				field.options = edit.optionValue ? [{ value: edit.optionValue, label: localizedFrom(edit, 'optionLabel') }] : []
			// A repeating group needs a field to repeat: it starts with one text field, renamed and added to later.
			if (edit.type === 'group') field.fields = [{ name: 'item', type: 'text', label }]
			list.push(field)
			return
		}
		case 'set-field': {
			const { field, path } = fieldAt(edit)
			Object.assign(field, { name: edit.name, label: localizedFrom(edit, 'label'), required: edit.required })
			const help = localizedFrom(edit, 'help')
			put(field, 'help', help.cs || help.en || help.uk ? help : undefined)
			if (field.type === 'text') put(field, 'pattern', edit.pattern || undefined)
			if (field.type === 'text' || field.type === 'longText') {
				put(field, 'minLength', wholeNumber(edit.minLength, `${path}.minLength`))
				put(field, 'maxLength', wholeNumber(edit.maxLength, `${path}.maxLength`))
			}
			if (field.type === 'number') {
				put(field, 'min', decimalNumber(edit.min, `${path}.min`))
				put(field, 'max', decimalNumber(edit.max, `${path}.max`))
			}
			// A date limit is YYYY-MM-DD or "today"; the schema refuses anything else at its input.
			if (field.type === 'date') {
				put(field, 'min', edit.min || undefined)
				put(field, 'max', edit.max || undefined)
			}
			if (field.type === 'file') {
				const accept = edit.accept
					.split(',')
					.map((type) => type.trim())
					.filter(Boolean)
				if (!accept.length) throw new EditProblem(`${path}.accept`, 'choose at least one file type', 'fileTypeNone')
				field.accept = accept
				put(field, 'maxFiles', wholeNumber(edit.maxFiles, `${path}.maxFiles`))
				put(field, 'maxFileSizeMb', decimalNumber(edit.maxFileSizeMb, `${path}.maxFileSizeMb`))
			}
			put(field, 'prefill', edit.prefill || undefined)
			if (edit.conditionField) {
				const op = edit.conditionOp || (edit.conditionValue ? 'equals' : 'filled')
				if (op === 'filled') field.visibleWhen = { field: edit.conditionField, op }
				else if (op === 'in')
					field.visibleWhen = {
						field: edit.conditionField,
						op,
						values: edit.conditionValue
							.split(',')
							.map((value) => value.trim())
							.filter(Boolean),
					}
				else field.visibleWhen = { field: edit.conditionField, op, value: edit.conditionValue }
			} else delete field.visibleWhen
			return
		}
		case 'move-field': {
			const { list, index } = fieldAt(edit)
			return move(list, index, edit.direction)
		}
		case 'remove-field': {
			const { list, index } = fieldAt(edit)
			list.splice(index, 1)
			return
		}
		case 'add-option':
		case 'set-option':
		case 'move-option':
		case 'remove-option': {
			const { field, path } = fieldAt(edit)
			if (field.type !== 'select' && field.type !== 'radio') throw new EditProblem(path, 'only a select or radio field has options')
			const options = field.options as Json[]
			if (edit.intent === 'add-option') return void options.push({ value: edit.value, label: localizedFrom(edit, 'label') })
			const option = at(options, edit.option, `${path}.options.${edit.option}`)
			if (edit.intent === 'set-option') {
				option.label = localizedFrom(edit, 'label')
				if (edit.value !== undefined) option.value = edit.value
			} else if (edit.intent === 'move-option') move(options, edit.option, edit.direction)
			else options.splice(edit.option, 1)
			return
		}
	}
}
