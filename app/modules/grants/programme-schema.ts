import { z } from 'zod'
import { CostCategorySchema, CriterionSchema, parseRuleLines, RequiredAttachmentSchema } from './programme-rules'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.date' })
const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), day.optional())
// Money is typed in whole crowns in the office form and stored in haléře.
const crowns = z.coerce.number({ error: 'errors.amount' }).int({ error: 'errors.amount' }).min(0, { error: 'errors.amount' }).max(20_000_000, { error: 'errors.amount' }).transform((kc) => kc * 100)

const linesOf = <T>(schema: z.ZodType<T>, toObject: (parts: string[]) => unknown) =>
	z.string().transform((text, ctx) => {
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
		code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'errors.code' }),
		kind: z.enum(['programme', 'individual']).default('programme'),
		name: z.string().trim().min(3, { error: 'errors.required' }).max(200),
		purpose: z.string().trim().min(3, { error: 'errors.required' }).max(4000),
		reasons: z.string().trim().max(4000).default(''),
		totalBudget: crowns,
		maxGrant: crowns,
		minGrant: crowns.default(0),
		eligibleApplicants: z.enum(['natural', 'legal', 'both']),
		coFinancingPercent: z.coerce.number().int().min(0).max(100).default(0),
		costCategories: linesOf(CostCategorySchema, ([code, name, max]) => ({ code, name, ...(max ? { maxPercent: Number(max) } : {}) })),
		criteria: linesOf(CriterionSchema, ([code, name, weight, maxPoints]) => ({ code, name, weight: Number(weight), maxPoints: Number(maxPoints) })),
		requiredAttachments: linesOf(RequiredAttachmentSchema, ([code, name]) => ({ code, name })),
		conditions: z.string().trim().max(8000).default(''),
		decisionDeadline: optionalDay,
		settlementDeadline: optionalDay,
		periodFrom: optionalDay,
		periodTo: optionalDay,
		deMinimis: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false),
		contractTemplate: z.string().max(20000).default(''),
		callName: z.string().trim().min(3, { error: 'errors.required' }).max(200),
		opensOn: day,
		closesOn: day,
	})
	.superRefine((value, ctx) => {
		if (value.maxGrant <= 0 || value.maxGrant > value.totalBudget) ctx.addIssue({ code: 'custom', path: ['maxGrant'], message: 'errors.maxGrant' })
		if (value.minGrant > value.maxGrant) ctx.addIssue({ code: 'custom', path: ['minGrant'], message: 'errors.minGrant' })
		if (value.closesOn < value.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'errors.callDates' })
		if (!value.costCategories.length) ctx.addIssue({ code: 'custom', path: ['costCategories'], message: 'errors.required' })
		if (!value.criteria.length) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'errors.required' })
	})
export type ProgrammeInput = z.output<typeof ProgrammeInputSchema>
