import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'

type Options = { db: TenantDb; personId: string; formVersionId: string; values: Record<string, unknown>; step: number; initial?: Record<string, unknown> }

/**
 * Saves what the citizen filled in on one step into their draft for this form version (one draft
 * per citizen and version), creating it with the prefilled values first. Values are kept as typed,
 * unvalidated: the final submit validates everything against the definition.
 */
export async function saveDraft({ db, personId, formVersionId, values, step, initial = {} }: Options) {
	const existing = await db.submissionDraft.findUnique({ where: { personId_formVersionId: { personId, formVersionId } }, select: { id: true, data: true } })
	const data = { ...initial, ...((existing?.data as Record<string, unknown> | undefined) ?? {}), ...values } as Prisma.InputJsonObject
	return db.submissionDraft.upsert({
		where: { personId_formVersionId: { personId, formVersionId } },
		create: { personId, formVersionId, data, step },
		update: { data, step },
		select: { id: true, data: true, step: true },
	})
}

export async function getDraft({ db, personId, formVersionId }: { db: TenantDb; personId: string; formVersionId: string }) {
	return db.submissionDraft.findUnique({
		where: { personId_formVersionId: { personId, formVersionId } },
		select: {
			id: true,
			data: true,
			step: true,
			updatedAt: true,
			attachments: { select: { id: true, fieldName: true, fileName: true, size: true, contentType: true }, orderBy: { createdAt: 'asc' } },
		},
	})
}
