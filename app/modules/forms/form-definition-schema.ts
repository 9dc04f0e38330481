// A form definition: the JSON a town keeps per form version (blueprint `forms:` section, later the
// form builder). The shape is checked by zod; the rules that span fields (a condition naming a
// field that does not exist, a duplicate name, a regex that does not compile, ...) are checked in
// checkDefinitionRules and reported with the path of the problem, so a bad definition is refused
// before any citizen meets it. Shared by server and browser: no server imports here.
import { z } from 'zod'
import { checkDefinitionRules } from './check-definition-rules'

export const FORM_LOCALES = ['cs', 'en', 'uk'] as const
export type FormLocale = (typeof FORM_LOCALES)[number]

export const LocalizedTextSchema = z
	.object({ cs: z.string().trim().min(1), en: z.string().trim().min(1).optional(), uk: z.string().trim().min(1).optional() })
	.strict()
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/** Identity data a field may be prefilled from (the citizen's Person record, from NIA). */
export const PREFILL_SOURCES = ['givenName', 'familyName', 'fullName', 'dateOfBirth', 'address', 'email', 'phone'] as const
export type PrefillSource = (typeof PREFILL_SOURCES)[number]

const FIELD_NAME = /^[a-z][a-zA-Z0-9_]{0,50}$/

export const CONDITION_OPS = ['equals', 'notEquals', 'in', 'filled', 'greaterThan', 'lessThan'] as const
export type ConditionOp = (typeof CONDITION_OPS)[number]

export const ConditionSchema = z
	.object({
		field: z.string(),
		/**
		 * equals: value matches; notEquals; in: one of values; filled: any value given (checkbox checked);
		 * greaterThan / lessThan: a number or date field above / below value (a date as YYYY-MM-DD).
		 */
		op: z.enum(CONDITION_OPS),
		value: z.union([z.string(), z.number(), z.boolean()]).optional(),
		values: z.array(z.string()).optional(),
	})
	.strict()
export type Condition = z.infer<typeof ConditionSchema>

const OptionSchema = z.object({ value: z.string().min(1).max(100), label: LocalizedTextSchema }).strict()

const baseField = {
	name: z.string().regex(FIELD_NAME, 'a field name is a letter followed by letters, digits or _'),
	label: LocalizedTextSchema,
	help: LocalizedTextSchema.optional(),
	required: z.boolean().default(false),
	visibleWhen: ConditionSchema.optional(),
	prefill: z.enum(PREFILL_SOURCES).optional(),
}

const TextFieldSchema = z
	.object({
		...baseField,
		type: z.literal('text'),
		pattern: z.string().optional(),
		patternMessage: LocalizedTextSchema.optional(),
		minLength: z.int().min(0).optional(),
		maxLength: z.int().min(1).max(1000).default(200),
	})
	.strict()
const LongTextFieldSchema = z
	.object({ ...baseField, type: z.literal('longText'), minLength: z.int().min(0).optional(), maxLength: z.int().min(1).max(20000).default(4000) })
	.strict()
const NumberFieldSchema = z
	.object({ ...baseField, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(false) })
	.strict()
const IsoDate = z.union([z.iso.date(), z.literal('today')])
const DateFieldSchema = z.object({ ...baseField, type: z.literal('date'), min: IsoDate.optional(), max: IsoDate.optional() }).strict()
const ChoiceFieldSchema = z.object({ ...baseField, type: z.enum(['select', 'radio']), options: z.array(OptionSchema).min(1).max(200) }).strict()
const CheckboxFieldSchema = z.object({ ...baseField, type: z.literal('checkbox') }).strict()
const SimpleFieldSchema = z.object({ ...baseField, type: z.enum(['email', 'phone', 'address', 'iban']) }).strict()
const FileFieldSchema = z
	.object({
		...baseField,
		type: z.literal('file'),
		/** Detected content types accepted (checked by content, not by the file name). */
		accept: z
			.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/))
			.min(1)
			.default(['application/pdf', 'image/jpeg', 'image/png']),
		maxFiles: z.int().min(1).max(20).default(1),
		/** A smaller size limit for this field's files than the form's attachments.maxFileSizeMb. */
		maxFileSizeMb: z.number().positive().max(25).optional(),
	})
	.strict()

const leafFieldSchemas = [
	TextFieldSchema,
	LongTextFieldSchema,
	NumberFieldSchema,
	DateFieldSchema,
	ChoiceFieldSchema,
	CheckboxFieldSchema,
	SimpleFieldSchema,
	FileFieldSchema,
] as const
export const LeafFieldSchema = z.union(leafFieldSchemas)
export type LeafField = z.infer<typeof LeafFieldSchema>

/** A repeating group (e.g. several dogs): its own fields, repeated minItems..maxItems times. No nesting. */
const GroupFieldSchema = z
	.object({
		...baseField,
		type: z.literal('group'),
		fields: z.array(LeafFieldSchema).min(1).max(30),
		minItems: z.int().min(0).default(0),
		maxItems: z.int().min(1).max(50).default(10),
	})
	.strict()

export const FieldSchema = z.union([...leafFieldSchemas, GroupFieldSchema])
export type Field = z.infer<typeof FieldSchema>
export type GroupField = z.infer<typeof GroupFieldSchema>
export type FieldType = Field['type']

export const StepSchema = z
	.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), title: LocalizedTextSchema, fields: z.array(FieldSchema).min(1).max(60) })
	.strict()
export type Step = z.infer<typeof StepSchema>

export const AttachmentLimitsSchema = z
	.object({
		maxFiles: z.int().min(0).max(50).default(5),
		maxFileSizeMb: z.number().positive().max(25).default(10),
		maxTotalSizeMb: z.number().positive().max(100).default(25),
	})
	.strict()

export const FormDefinitionBaseSchema = z
	.object({
		code: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'a form code is lower-case letters, digits and hyphens'),
		title: LocalizedTextSchema,
		description: LocalizedTextSchema.optional(),
		/** Životní situace: groups the catalogue (e.g. "pets", "housing", "transport"). */
		lifeSituation: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
		/** The town's submission agenda (clerk group) that receives it. */
		agenda: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
		/** false = anonymous submissions allowed (rate limited per IP). */
		requiresLogin: z.boolean().default(true),
		/** How long submissions are kept (spisový a skartační plán), in years. */
		retentionYears: z.int().min(1).max(100),
		attachments: AttachmentLimitsSchema.default({ maxFiles: 5, maxFileSizeMb: 10, maxTotalSizeMb: 25 }),
		steps: z.array(StepSchema).min(1).max(20),
	})
	.strict()

export const FormDefinitionSchema = FormDefinitionBaseSchema.superRefine(checkDefinitionRules)
export type FormDefinition = z.infer<typeof FormDefinitionBaseSchema>
/** What a definition looks like before defaults are applied (blueprints, builder import). */
export type FormDefinitionInput = z.input<typeof FormDefinitionBaseSchema>

/** Content types the builder offers for a file field (what file-type detects from the bytes). */
export const FILE_TYPES = [
	'application/pdf',
	'image/jpeg',
	'image/png',
	'image/tiff',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.oasis.opendocument.text',
] as const

const FILE_TYPE_NAMES: Record<string, string> = {
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
	'application/vnd.oasis.opendocument.text': 'ODT',
}

/** A content type as people know it: "PDF", "JPEG", "DOCX". */
export function fileTypeName(type: string): string {
	return FILE_TYPE_NAMES[type] ?? (type.split('/')[1] ?? type).toUpperCase()
}

/** Every field of every step, in order (groups included, their children not). */
export function allFields(definition: Pick<FormDefinition, 'steps'>): Field[] {
	return definition.steps.flatMap((step) => step.fields)
}
