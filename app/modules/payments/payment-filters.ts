import { z } from 'zod'
import { PAGE_PARAM } from '../http/page-param'

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const DateSchema = z.preprocess(blankToUndefined, z.iso.date().optional()).catch(undefined)

/** The payment states a clerk filters by, and the refund queue: money received above what was owed, not yet returned. */
export const PAYMENT_FILTER_STATES = ['to_refund', 'created', 'pending', 'paid', 'cancelled', 'expired', 'failed', 'refunded', 'partially_refunded'] as const

/** The clerk's payments list filters from the query string; bad values are dropped, not fatal. */
export const PaymentFiltersSchema = z.object({
	state: z.preprocess(blankToUndefined, z.enum(PAYMENT_FILTER_STATES).optional()).catch(undefined),
	method: z.preprocess(blankToUndefined, z.enum(['bank_transfer', 'gopay', 'stripe', 'manual']).optional()).catch(undefined),
	from: DateSchema,
	to: DateSchema,
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type PaymentFilters = z.output<typeof PaymentFiltersSchema>

/** The filters' query parameters: Czech like the paths (docs/glossary.md). */
export const PAYMENT_FILTER_PARAMS = { state: 'stav', method: 'zpusob', from: 'od', to: 'do', page: PAGE_PARAM } as const

export function readPaymentFilters(url: URL): PaymentFilters {
	return PaymentFiltersSchema.parse(
		Object.fromEntries(Object.entries(PAYMENT_FILTER_PARAMS).map(([key, param]) => [key, url.searchParams.get(param) ?? undefined])),
	)
}
