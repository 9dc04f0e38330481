import { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'

/** Throws the builder's draft away; the published versions stay as they are. */
export async function discardFormDraft({
	db,
	code,
	staff,
	ip,
	requestId,
}: {
	db: TenantDb
	code: string
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
}) {
	await db.$transaction(async (tx) => {
		const changed = await tx.form.updateMany({
			where: { code, NOT: { draftDefinition: { equals: Prisma.DbNull } } },
			data: { draftDefinition: Prisma.DbNull, draftUpdatedAt: null, draftUpdatedBy: null },
		})
		if (changed.count) await recordAudit(tx, { action: 'form.draft_discarded', staffId: staff.id, subject: `Form:${code}`, ip, requestId })
	})
}
