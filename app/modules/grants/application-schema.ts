import { z } from 'zod'

const optionalDay = z.preprocess(
	(v) => (v === '' ? undefined : v),
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.date' })
		.optional(),
)
// The applicant types crowns (whole or with haléře after a comma); stored in haléře.
export const crownsToHalere = z.preprocess(
	(v) => (typeof v === 'string' ? v.replace(/\s/g, '').replace(',', '.') : v) || '0',
	z.coerce
		.number({ error: 'errors.amount' })
		.min(0, { error: 'errors.amount' })
		.max(100_000_000, { error: 'errors.amount' })
		.transform((kc) => Math.round(kc * 100)),
)

export const BudgetLineSchema = z.object({
	category: z.string().min(1, { error: 'errors.required' }),
	description: z.string().trim().max(500).default(''),
	ownShare: crownsToHalere,
	requested: crownsToHalere,
})

/** §10a(3) content the applicant fills in; identity comes from NIA or ARES, not from the form. */
export const ApplicationInputSchema = z.object({
	purpose: z.string().trim().max(2000).default(''),
	reasoning: z.string().trim().max(8000).default(''),
	periodFrom: optionalDay,
	periodTo: optionalDay,
	representatives: z.string().trim().max(2000).default(''),
	ownership: z.string().trim().max(2000).default(''),
	contactEmail: z.preprocess((v) => (v === '' ? undefined : v), z.email({ error: 'errors.email' }).optional()),
	budget: z.array(BudgetLineSchema).max(30).default([]),
})
export type ApplicationInput = z.output<typeof ApplicationInputSchema>
