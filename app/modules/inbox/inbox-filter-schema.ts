import { z } from 'zod'

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional())

/** The inbox's query string; anything malformed is dropped rather than failing the page. */
export const InboxFilterSchema = z.object({
	form: optional(z.string().regex(/^[a-z][a-z0-9-]{1,60}$/)).catch(undefined),
	status: optional(z.enum(['submitted', 'delivered', 'assigned', 'in_progress', 'needs_info', 'answered', 'resolved', 'rejected', 'failed'])).catch(undefined),
	assignee: optional(z.union([z.literal('none'), z.uuid()])).catch(undefined),
	from: optional(z.coerce.date()).catch(undefined),
	to: optional(z.coerce.date()).catch(undefined),
	q: optional(z.string().trim().min(1).max(100)).catch(undefined),
})
export type InboxFilter = z.infer<typeof InboxFilterSchema>

/** The filters' query parameters: Czech like the paths (docs/glossary.md). */
export const INBOX_FILTER_PARAMS = { form: 'formular', status: 'stav', assignee: 'referent', from: 'od', to: 'do', q: 'q' } as const satisfies Record<
	keyof InboxFilter,
	string
>

export function parseInboxFilter(params: URLSearchParams): InboxFilter {
	return InboxFilterSchema.parse(Object.fromEntries(Object.entries(INBOX_FILTER_PARAMS).map(([key, param]) => [key, params.get(param)])))
}
