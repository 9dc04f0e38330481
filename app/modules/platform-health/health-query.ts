import { z } from 'zod'

// The console's table query from the URL (shared by the loader and the page's form).
// Sorting is by a whitelisted column; "problems" puts red first, then amber, most problems first.
export const HEALTH_ORDER_SQL = {
	problems: `CASE h.level WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE -1 END, h.problems DESC, t.slug`,
	slug: 't.slug',
	name: 't.name, t.slug',
	status: 't.status DESC, t.slug',
	login: `(h.figures->>'lastCitizenLoginAt') DESC NULLS LAST, t.slug`,
	refreshed: 'h.refreshed_at ASC NULLS FIRST, t.slug',
} as const
export const HEALTH_SORTS = Object.keys(HEALTH_ORDER_SQL) as (keyof typeof HEALTH_ORDER_SQL)[]

export const HealthQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
	q: z.string().trim().max(100).catch(''),
	sort: z.enum(HEALTH_SORTS as [keyof typeof HEALTH_ORDER_SQL, ...(keyof typeof HEALTH_ORDER_SQL)[]]).catch('problems'),
	level: z.enum(['all', 'red', 'amber', 'green']).catch('all'),
})
export type HealthQuery = z.infer<typeof HealthQuerySchema>

/** The console's query parameters: Czech like the paths (docs/glossary.md). */
export const HEALTH_QUERY_PARAMS = { q: 'q', sort: 'razeni', level: 'uroven' } as const
