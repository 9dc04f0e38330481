import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'

export type AuditEntry = {
	action: string // e.g. auth.login, auth.login_failed, access.denied, person.read, settings.update
	outcome?: 'ok' | 'denied' | 'failed'
	personId?: string | null // a citizen acting
	staffId?: string | null // a member of staff acting
	subject?: string | null // what was acted on, e.g. "Person:<id>"
	details?: Prisma.InputJsonObject
	ip?: string | null
	requestId?: string | null
}

/** Appends to the town's audit log (the table refuses updates and deletes). */
export async function recordAudit(db: TenantDb | Prisma.TransactionClient, entry: AuditEntry) {
	await db.auditLog.create({
		data: {
			action: entry.action,
			outcome: entry.outcome ?? 'ok',
			actorId: entry.personId ?? null,
			staffId: entry.staffId ?? null,
			subject: entry.subject ?? null,
			details: entry.details ?? {},
			ip: entry.ip ?? null,
			requestId: entry.requestId ?? null,
		},
	})
}
