// The shape of a programme's rules as stored in its version's JSON columns, shared by the office
// editor, the applicant's budget table (client and server) and the evaluation.
import { z } from 'zod'

export const CostCategorySchema = z.object({ code: z.string().min(1), name: z.string().min(1), maxPercent: z.number().int().min(1).max(100).optional() })
export const CriterionSchema = z.object({
	code: z.string().min(1),
	name: z.string().min(1),
	weight: z.number().int().min(1),
	maxPoints: z.number().int().min(1),
})
export const RequiredAttachmentSchema = z.object({ code: z.string().min(1), name: z.string().min(1) })
export type CostCategory = z.infer<typeof CostCategorySchema>
export type Criterion = z.infer<typeof CriterionSchema>
export type RequiredAttachment = z.infer<typeof RequiredAttachmentSchema>

export const readCostCategories = (json: unknown): CostCategory[] => z.array(CostCategorySchema).parse(json)
export const readCriteria = (json: unknown): Criterion[] => z.array(CriterionSchema).parse(json)
export const readRequiredAttachments = (json: unknown): RequiredAttachment[] => z.array(RequiredAttachmentSchema).parse(json)

/** One line per row: `code | name | number` (the number optional for cost categories). */
export function parseRuleLines(text: string): string[][] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => line.split('|').map((part) => part.trim()))
}
