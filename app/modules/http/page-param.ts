import { z } from 'zod'

/** The query parameter of a paginated list: Czech like the paths (`?strana=2`; docs/glossary.md). */
export const PAGE_PARAM = 'strana'

export const MAX_PAGE = 10_000

/** A page number: a whole number from 1 to 10 000; 1 when absent or not such a number. */
export const PageNumberSchema = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)

/** The page asked for in `?strana=` (a list that may run longer than 10 000 pages passes its own `max`). */
export function readPage(params: URLSearchParams, max = MAX_PAGE): number {
	return (max === MAX_PAGE ? PageNumberSchema : z.coerce.number().int().min(1).max(max).catch(1)).parse(params.get(PAGE_PARAM) ?? 1)
}

/** `?strana=<page>`, keeping the other parameters (filters) of `search`. */
export function pageSearch(search: string | URLSearchParams, page: number): string {
	const params = new URLSearchParams(search)
	params.set(PAGE_PARAM, String(page))
	return `?${params.toString()}`
}
