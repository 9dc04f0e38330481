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

export function parseInboxFilter(params: URLSearchParams): InboxFilter {
	return InboxFilterSchema.parse(Object.fromEntries(['form', 'status', 'assignee', 'from', 'to', 'q'].map((key) => [key, params.get(key)])))
}
