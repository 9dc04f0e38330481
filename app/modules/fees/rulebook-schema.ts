// A town's fee rulebook (decision 007): stored whole in fee_rule_version.rules and in the blueprint
// under `fees:`. Amounts are whole CZK here (what a town writes); claims hold haléře.
import { z } from 'zod'

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const MonthDaySchema = z.string().regex(/^\d{2}-\d{2}$/, 'expected MM-DD')
const NamesSchema = z.object({ cs: z.string().min(1), en: z.string().min(1), uk: z.string().min(1) })

export const ReliefSchema = z.discriminatedUnion('kind', [
	// Age on 1 January of the year: under `under` / at least `atLeast`.
	z.object({ kind: z.literal('age_under'), code: z.string().min(1), under: z.number().int().positive(), percent: z.number().min(0).max(100) }),
	z.object({ kind: z.literal('age_at_least'), code: z.string().min(1), atLeast: z.number().int().positive(), percent: z.number().min(0).max(100) }),
	z.object({ kind: z.literal('disability'), code: z.string().min(1), statuses: z.array(z.enum(['ztp', 'ztpp'])).min(1), percent: z.number().min(0).max(100) }),
])
export type Relief = z.infer<typeof ReliefSchema>

export const InstalmentSchema = z.object({ dueDate: MonthDaySchema, percent: z.number().positive().max(100) })

export const FeeTypeSchema = z
	.object({
		code: z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/),
		kind: z.enum(['waste', 'dog', 'custom']),
		names: NamesSchema,
		/** Rate per year in CZK, e.g. { "2026": 720 }. */
		rates: z.record(z.string().regex(/^\d{4}$/), z.number().int().nonnegative()),
		/** Dog fee: rate for the second and each further dog of the same keeper, and the senior keeper rate. */
		furtherDogRates: z.record(z.string().regex(/^\d{4}$/), z.number().int().nonnegative()).optional(),
		seniorDog: z.object({ atLeast: z.number().int().positive(), rates: z.record(z.string().regex(/^\d{4}$/), z.number().int().nonnegative()) }).optional(),
		/** Legal cap per year in CZK (configuration, not a constant: the law changes). */
		cap: z.number().int().positive().optional(),
		reliefs: z.array(ReliefSchema).default([]),
		proRateByMonths: z.boolean().default(true),
		instalments: z.array(InstalmentSchema).min(1),
	})
	.superRefine((fee, ctx) => {
		const total = fee.instalments.reduce((sum, i) => sum + i.percent, 0)
		if (Math.abs(total - 100) > 1e-9) ctx.addIssue({ code: 'custom', path: ['instalments'], message: `instalments must add up to 100 %, not ${total} %` })
		for (const [year, rate] of Object.entries(fee.rates)) {
			if (fee.cap !== undefined && rate > fee.cap)
				ctx.addIssue({ code: 'custom', path: ['rates', year], message: `rate ${rate} CZK exceeds the legal cap of ${fee.cap} CZK` })
		}
		if (fee.kind !== 'dog' && (fee.furtherDogRates || fee.seniorDog))
			ctx.addIssue({ code: 'custom', path: ['kind'], message: 'dog rates only apply to a dog fee' })
	})
export type FeeType = z.infer<typeof FeeTypeSchema>

export const RulebookSchema = z
	.object({
		feeTypes: z.array(FeeTypeSchema).default([]),
		/** The e-payment discount: paid through the portal by the due date. */
		discount: z
			.object({
				percent: z.number().positive().max(100),
				feeTypes: z.array(z.string()).min(1),
				condition: z.literal('portal_payment_by_due_date'),
				/**
				 * Whether paying from a payment slip without logging in (/zaplatit) also gets the discount.
				 * The usual town rule is no: the discount is for payments made through the portal after login.
				 */
				discountWithoutLogin: z.boolean().default(false),
			})
			.optional(),
		reminders: z
			.object({ daysBefore: z.array(z.number().int().nonnegative()).default([]), daysAfter: z.array(z.number().int().nonnegative()).default([]) })
			.default({ daysBefore: [], daysAfter: [] }),
		validFrom: DateSchema.optional(),
	})
	.superRefine((book, ctx) => {
		const codes = book.feeTypes.map((f) => f.code)
		if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['feeTypes'], message: 'fee type codes must be unique' })
		for (const code of book.discount?.feeTypes ?? []) {
			if (!codes.includes(code)) ctx.addIssue({ code: 'custom', path: ['discount', 'feeTypes'], message: `unknown fee type ${code}` })
		}
	})
export type Rulebook = z.infer<typeof RulebookSchema>
