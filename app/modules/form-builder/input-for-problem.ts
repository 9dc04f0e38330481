// Which input of the builder form that sent an edit a definition problem belongs to, so its message
// is shown at that input: `steps.0.fields.5.minLength` after a set-field of 0/5 is the "minLength"
// input; `steps.0.fields.4.options.2.value` after an add-option is that form's "value" input.
// Problems elsewhere in the definition (another field's condition broken by a renamed option) have
// no input here: they stay in the list at the top of the page.
import type { BuilderEdit } from './builder-edit-schema'

const SET_FIELD_INPUTS: Record<string, string> = {
	name: 'name',
	label: 'label',
	help: 'help',
	required: 'required',
	pattern: 'pattern',
	minLength: 'minLength',
	maxLength: 'maxLength',
	min: 'min',
	max: 'max',
	accept: 'accept',
	maxFiles: 'maxFiles',
	maxFileSizeMb: 'maxFileSizeMb',
	prefill: 'prefill',
}

const FORM_INPUTS: Record<string, string> = {
	title: 'title',
	description: 'description',
	lifeSituation: 'lifeSituation',
	agenda: 'agenda',
	requiresLogin: 'requiresLogin',
	retentionYears: 'retentionYears',
}

export function inputForProblem(path: string, edit: BuilderEdit): string | null {
	const parts = path.split('.')
	// Problems of the posted values themselves (BuilderEditSchema) are named by the input already.
	if (parts.length === 1 && !/^\d+$/.test(path) && path !== 'steps' && path !== 'code' && edit.intent !== 'set-form') return path || null
	switch (edit.intent) {
		case 'set-form':
			return FORM_INPUTS[parts[0] ?? ''] ?? null
		case 'set-step':
		case 'add-step': {
			if (parts[0] !== 'steps') return null
			if (edit.intent === 'set-step' && parts[1] !== String(edit.step)) return null
			if (parts[2] === 'id') return 'id'
			if (parts[2] === 'title') return 'title'
			if (edit.intent === 'add-step' && parts[2] === 'fields') return parts[4] === 'name' ? 'fieldName' : parts[4] === 'label' ? 'fieldLabel' : null
			return null
		}
		case 'add-field': {
			const base = edit.group === undefined ? `steps.${edit.step}.fields.` : `steps.${edit.step}.fields.${edit.group}.fields.`
			if (!path.startsWith(base)) return null
			const rest = path.slice(base.length).split('.').slice(1)
			if (rest[0] === 'options') return rest[2] === 'label' ? 'optionLabel' : 'optionValue'
			return rest[0] === 'name' || rest[0] === 'label' || rest[0] === 'type' ? rest[0] : null
		}
		case 'set-field':
		case 'add-option':
		case 'set-option': {
			const base = edit.child === undefined ? `steps.${edit.step}.fields.${edit.field}.` : `steps.${edit.step}.fields.${edit.field}.fields.${edit.child}.`
			if (!path.startsWith(base)) return null
			const rest = path.slice(base.length).split('.')
			if (edit.intent !== 'set-field') {
				if (rest[0] !== 'options') return null
				if (edit.intent === 'set-option' && rest[1] !== String(edit.option)) return null
				return rest[2] === 'label' ? 'label' : 'value'
			}
			if (rest[0] === 'visibleWhen') return rest[1] === 'field' ? 'conditionField' : rest[1] === 'op' ? 'conditionOp' : 'conditionValue'
			return SET_FIELD_INPUTS[rest[0] ?? ''] ?? null
		}
		default:
			return null
	}
}
