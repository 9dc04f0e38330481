import { z } from 'zod'
import '../util/zod-jitless'

// The audit log's filters (a GET form): the same schema checks them in the browser and the loader.
// Messages are keys in the `office` namespace. Its keys are the query parameters, Czech like the paths
// (docs/glossary.md); `toAuditFilter` gives the English names the code uses.
const DateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: 'validation.date' })

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const

export const AuditFilterSchema = z
	.object({
		akce: z
			.string()
			.regex(/^[a-z][a-z_.]{0,63}$/, { error: 'validation.auditAction' })
			.optional(),
		vysledek: z.enum(AUDIT_OUTCOMES, { error: 'validation.auditOutcome' }).optional(),
		od: DateSchema.optional(),
		do: DateSchema.optional(),
		strana: z.coerce.number({ error: 'validation.page' }).int({ error: 'validation.page' }).min(1, { error: 'validation.page' }).max(100_000).optional(),
	})
	.refine((value) => !value.od || !value.do || value.od <= value.do, { path: ['do'], error: 'validation.dateRange' })

export type AuditFilterQuery = z.infer<typeof AuditFilterSchema>
export type AuditFilter = { action?: string; outcome?: (typeof AUDIT_OUTCOMES)[number]; from?: string; to?: string; page?: number }

export function toAuditFilter(query: AuditFilterQuery): AuditFilter {
	return { action: query.akce, outcome: query.vysledek, from: query.od, to: query.do, page: query.strana }
}
