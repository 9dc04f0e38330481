import { z } from 'zod'

// What a town admin may change on the two legal pages (decision 016). Everything else is the
// complete default, written from the town's settings and the project's own accessibility audit.
// Stored in town_settings.legal_pages; {} (or a missing page) means "the default".

const DateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'date')
	.refine((value) => !Number.isNaN(Date.parse(value)), 'date')
const OptionalText = z.string().trim().max(4000, 'tooLong').default('')
const LocalizedOptionalSchema = z.object({ cs: OptionalText, en: OptionalText, uk: OptionalText })

export const ACCESSIBILITY_STATUSES = ['full', 'partial', 'none'] as const
export const ASSESSMENT_METHODS = ['self', 'third_party'] as const

export const AccessibilityEditsSchema = z.object({
	status: z.enum(ACCESSIBILITY_STATUSES, { error: 'choice' }),
	/** The town's own non-accessible content, one item per line, beside the project's known items. */
	nonAccessible: LocalizedOptionalSchema,
	preparedOn: DateSchema,
	reviewedOn: DateSchema,
	method: z.enum(ASSESSMENT_METHODS, { error: 'choice' }),
	feedbackEmail: z.union([z.literal(''), z.email({ error: 'email' })]).default(''),
})

export const PrivacyEditsSchema = z.object({
	dpoName: z.string().trim().max(200, 'tooLong').default(''),
	dpoEmail: z.union([z.literal(''), z.email({ error: 'email' })]).default(''),
	dpoPhone: z
		.union([
			z.literal(''),
			z
				.string()
				.trim()
				.regex(/^\+?[\d ]{9,16}$/, 'phone'),
		])
		.default(''),
	/** Anything the town adds (its own retention schedule, other processing), per language. */
	extra: LocalizedOptionalSchema,
})

export const LegalPagesSchema = z.object({ accessibility: AccessibilityEditsSchema.optional(), privacy: PrivacyEditsSchema.optional() })

export type AccessibilityEdits = z.infer<typeof AccessibilityEditsSchema>
export type PrivacyEdits = z.infer<typeof PrivacyEditsSchema>
export type LegalPages = z.infer<typeof LegalPagesSchema>
