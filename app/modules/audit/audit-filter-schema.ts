import { z } from 'zod'
import '../util/zod-jitless'

// The audit log's filters (a GET form): the same schema checks them in the browser and the loader.
// Messages are keys in the `office` namespace.
const DateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: 'validation.date' })

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const

export const AuditFilterSchema = z
	.object({
		action: z.string().regex(/^[a-z][a-z_.]{0,63}$/, { error: 'validation.auditAction' }).optional(),
		outcome: z.enum(AUDIT_OUTCOMES, { error: 'validation.auditOutcome' }).optional(),
		from: DateSchema.optional(),
		to: DateSchema.optional(),
		page: z.coerce.number({ error: 'validation.page' }).int({ error: 'validation.page' }).min(1, { error: 'validation.page' }).max(100_000).optional(),
	})
	.refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], error: 'validation.dateRange' })

export type AuditFilter = z.infer<typeof AuditFilterSchema>
