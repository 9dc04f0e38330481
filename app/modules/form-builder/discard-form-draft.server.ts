import { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { draftStamp, type DraftConflict } from './edit-form-draft.server'

type Options = {
	db: TenantDb
	code: string
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
	/** The draftStamp the admin's page showed: a draft saved since is not thrown away unseen. */
	expectedStamp?: string | undefined
}

/**
 * Throws the builder's draft away; the published versions stay as they are. Like a save, the delete
 * only applies to the draft the admin's page showed (its draftUpdatedAt, in the same statement), so
 * another admin's newer save is never discarded unseen: that answers with a DraftConflict.
 */
export async function discardFormDraft({ db, code, staff, ip, requestId, expectedStamp }: Options): Promise<{ ok: true; deleted: boolean } | DraftConflict> {
	return db.$transaction(async (tx) => {
		const form = await tx.form.findUnique({ where: { code }, select: { draftUpdatedAt: true, draftUpdatedBy: true } })
		if (!form) return { ok: true as const, deleted: false }
		const conflict = (now: { draftUpdatedAt: Date | null; draftUpdatedBy: string | null } | null): DraftConflict => ({
			ok: false,
			conflict: { by: now?.draftUpdatedBy ?? null, at: now?.draftUpdatedAt ?? null },
			problems: [],
		})
		if (expectedStamp !== undefined && expectedStamp !== draftStamp(form.draftUpdatedAt)) return conflict(form)
		const where = { code, NOT: { draftDefinition: { equals: Prisma.DbNull } } }
		const changed = await tx.form.updateMany({
			where: expectedStamp === undefined ? where : { ...where, draftUpdatedAt: form.draftUpdatedAt },
			data: { draftDefinition: Prisma.DbNull, draftUpdatedAt: null, draftUpdatedBy: null },
		})
		if (changed.count) await recordAudit(tx, { action: 'form.draft_discarded', staffId: staff.id, subject: `Form:${code}`, ip, requestId })
		else if (expectedStamp) {
			// Saved by someone else between the read and the delete.
			return conflict(await tx.form.findUnique({ where: { code }, select: { draftUpdatedAt: true, draftUpdatedBy: true } }))
		}
		// A blank form never published was nothing but its draft: remove it, so its code is free again.
		const deleted = changed.count ? await tx.form.deleteMany({ where: { code, versions: { none: {} } } }) : { count: 0 }
		return { ok: true as const, deleted: deleted.count > 0 }
	})
}
