// The visual builder's edits, one per form POST (`intent=add-field&step=0...`), so the builder works
// without JavaScript. Each names what it changes by index; applyBuilderEdit turns it into a new
// definition, which the definition schema then checks as a whole.
import { z } from 'zod'
import { CONDITION_OPS, PREFILL_SOURCES } from '../forms/form-definition-schema'

export const BUILDER_FIELD_TYPES = [
	'text',
	'longText',
	'number',
	'date',
	'select',
	'radio',
	'checkbox',
	'email',
	'phone',
	'address',
	'iban',
	'file',
	'group',
] as const

const index = z.coerce.number().int().min(0).max(1000)
/** Empty inputs arrive as '' (or not at all); both mean "not given". */
const text = z
	.string()
	.trim()
	.max(2000)
	.optional()
	.transform((value) => value ?? '')
const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean())
const localizedInputs = (prefix: string) => ({ [`${prefix}Cs`]: text, [`${prefix}En`]: text, [`${prefix}Uk`]: text })
const direction = z.enum(['up', 'down'])
/** A field of a step, or (with `child`) a field inside a repeating group on that step. */
const fieldAddress = { step: index, field: index, child: z.preprocess((value) => (value === '' ? undefined : value), index.optional()) }

export const BuilderEditSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('set-form'),
		...localizedInputs('title'),
		...localizedInputs('description'),
		lifeSituation: text,
		agenda: text,
		requiresLogin: checkbox,
		retentionYears: z.coerce.number().int().catch(0),
	}),
	z.object({ intent: z.literal('add-step'), id: text, ...localizedInputs('title'), fieldName: text, ...localizedInputs('fieldLabel') }),
	z.object({ intent: z.literal('set-step'), step: index, id: text, ...localizedInputs('title') }),
	z.object({ intent: z.literal('move-step'), step: index, direction }),
	z.object({ intent: z.literal('remove-step'), step: index }),
	z.object({
		intent: z.literal('add-field'),
		step: index,
		/** Set: the new field goes into this repeating group of the step. */
		group: z.preprocess((value) => (value === '' ? undefined : value), index.optional()),
		type: z.enum(BUILDER_FIELD_TYPES),
		name: text,
		...localizedInputs('label'),
		required: checkbox,
		/** select/radio need at least one option from the start. */
		optionValue: text,
		...localizedInputs('optionLabel'),
	}),
	z.object({
		intent: z.literal('set-field'),
		...fieldAddress,
		name: text,
		...localizedInputs('label'),
		required: checkbox,
		...localizedInputs('help'),
		pattern: text,
		/** Limits as typed (checked and turned into numbers or dates by applyBuilderEdit, with a message at the input). */
		minLength: text,
		maxLength: text,
		min: text,
		max: text,
		/** File fields: accepted content types, comma-separated (the page posts one checkbox per type). */
		accept: text,
		maxFiles: text,
		maxFileSizeMb: text,
		prefill: z.union([z.enum(PREFILL_SOURCES), z.literal('')]).optional(),
		conditionField: text,
		/** Empty: "equals" when a value is given, else "filled". */
		conditionOp: z.union([z.enum(CONDITION_OPS), z.literal('')]).optional(),
		/** For "in": the values separated by commas. */
		conditionValue: text,
	}),
	z.object({ intent: z.literal('move-field'), ...fieldAddress, direction }),
	z.object({ intent: z.literal('remove-field'), ...fieldAddress }),
	z.object({ intent: z.literal('add-option'), ...fieldAddress, value: text, ...localizedInputs('label') }),
	/** value: the option's stored value (what conditions and the records system see); absent keeps it. */
	z.object({ intent: z.literal('set-option'), ...fieldAddress, option: index, value: z.string().trim().max(2000).optional(), ...localizedInputs('label') }),
	z.object({ intent: z.literal('move-option'), ...fieldAddress, option: index, direction }),
	z.object({ intent: z.literal('remove-option'), ...fieldAddress, option: index }),
])
export type BuilderEdit = z.infer<typeof BuilderEditSchema>
