import { z } from 'zod'
import { PAGE_PARAM } from '../http/page-param'

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)

/** The clerk's claims list filters, read from the query string (bad values are dropped, not fatal). */
export const ClaimFiltersSchema = z.object({
	feeType: z
		.preprocess(
			blankToUndefined,
			z
				.string()
				.regex(/^[a-z][a-z0-9_-]{0,30}$/)
				.optional(),
		)
		.catch(undefined),
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
	status: z.preprocess(blankToUndefined, z.enum(['open', 'partly_paid', 'paid', 'overpaid', 'cancelled', 'written_off']).optional()).catch(undefined),
	vs: z
		.preprocess(
			blankToUndefined,
			z
				.string()
				.regex(/^\d{1,10}$/)
				.optional(),
		)
		.catch(undefined),
	name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()).catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type ClaimFilters = z.output<typeof ClaimFiltersSchema>

/** The filters' query parameters: Czech like the paths (docs/glossary.md). */
export const CLAIM_FILTER_PARAMS = { feeType: 'poplatek', year: 'rok', status: 'stav', vs: 'vs', name: 'jmeno', page: PAGE_PARAM } as const

export function readClaimFilters(url: URL): ClaimFilters {
	return ClaimFiltersSchema.parse(
		Object.fromEntries(Object.entries(CLAIM_FILTER_PARAMS).map(([key, param]) => [key, url.searchParams.get(param) ?? undefined])),
	)
}
