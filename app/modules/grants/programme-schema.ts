import { z } from 'zod'
import { unknownPlaceholders } from './contract-template'
import { CostCategorySchema, CriterionSchema, parseRuleLines, RequiredAttachmentSchema } from './programme-rules'

// Every message is a key in grants.json (errors.*), so the office editor shows it at its field in cs/en/uk.
const day = z.string({ error: 'errors.date' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.date' })
const text = (min: number, max: number) =>
	z.string({ error: 'errors.required' }).trim().min(min, { error: 'errors.required' }).max(max, { error: 'errors.tooLong' })
const optionalText = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' }).default('')
const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), day.optional())
// Money is typed in whole crowns in the office form and stored in haléře.
const crowns = z.coerce
	.number({ error: 'errors.amount' })
	.int({ error: 'errors.amount' })
	.min(0, { error: 'errors.amount' })
	.max(20_000_000, { error: 'errors.amount' })
	.transform((kc) => kc * 100)

const linesOf = <T>(schema: z.ZodType<T>, toObject: (parts: string[]) => unknown) =>
	z
		.string()
		.default('')
		.transform((text, ctx) => {
			const out: T[] = []
			for (const parts of parseRuleLines(text)) {
				const parsed = schema.safeParse(toObject(parts))
				if (!parsed.success) {
					ctx.addIssue({ code: 'custom', message: 'errors.ruleLine' })
					return z.NEVER
				}
				out.push(parsed.data)
			}
			return out
		})

export const ProgrammeInputSchema = z
	.object({
		code: z.string({ error: 'errors.code' }).regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'errors.code' }),
		kind: z.enum(['programme', 'individual'], { error: 'errors.choose' }).default('programme'),
		name: text(3, 200),
		purpose: text(3, 4000),
		reasons: optionalText(4000),
		totalBudget: crowns,
		maxGrant: crowns,
		minGrant: crowns.default(0),
		eligibleApplicants: z.enum(['natural', 'legal', 'both'], { error: 'errors.choose' }),
		coFinancingPercent: z.coerce
			.number({ error: 'errors.percent' })
			.int({ error: 'errors.percent' })
			.min(0, { error: 'errors.percent' })
			.max(100, { error: 'errors.percent' })
			.default(0),
		costCategories: linesOf(CostCategorySchema, ([code, name, max]) => ({ code, name, ...(max ? { maxPercent: Number(max) } : {}) })),
		criteria: linesOf(CriterionSchema, ([code, name, weight, maxPoints]) => ({ code, name, weight: Number(weight), maxPoints: Number(maxPoints) })),
		requiredAttachments: linesOf(RequiredAttachmentSchema, ([code, name]) => ({ code, name })),
		conditions: optionalText(8000),
		decisionDeadline: optionalDay,
		settlementDeadline: optionalDay,
		periodFrom: optionalDay,
		periodTo: optionalDay,
		deMinimis: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false),
		contractTemplate: optionalText(20000),
		callName: text(3, 200),
		opensOn: day,
		closesOn: day,
	})
	.superRefine((value, ctx) => {
		if (value.maxGrant <= 0 || value.maxGrant > value.totalBudget) ctx.addIssue({ code: 'custom', path: ['maxGrant'], message: 'errors.maxGrant' })
		if (value.minGrant > value.maxGrant) ctx.addIssue({ code: 'custom', path: ['minGrant'], message: 'errors.minGrant' })
		if (value.closesOn < value.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'errors.callDates' })
		if (!value.costCategories.length) ctx.addIssue({ code: 'custom', path: ['costCategories'], message: 'errors.required' })
		if (!value.criteria.length) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'errors.required' })
		if (value.periodFrom && value.periodTo && value.periodTo < value.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'errors.period' })
		if (unknownPlaceholders(value.contractTemplate).length) ctx.addIssue({ code: 'custom', path: ['contractTemplate'], message: 'errors.placeholder' })
	})
export type ProgrammeInput = z.output<typeof ProgrammeInputSchema>
