import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'

type Options = { db: TenantDb; representationId: string; decision: 'confirm' | 'revoke'; by: string; ip?: string | null; requestId?: string | null }

/**
 * A clerk confirms a citizen's representation of a resident (from then on the citizen sees and pays
 * the resident's claims) or revokes it (the row goes; a new request starts over). Both audited.
 */
export async function decideRepresentation({ db, representationId, decision, by, ip = null, requestId = null }: Options) {
	await db.$transaction(async (tx) => {
		const rep = await tx.representation.findUnique({ where: { id: representationId } })
		if (!rep) throw new AppError('input_invalid', 'No such representation')
		if (decision === 'confirm') {
			if (rep.confirmedAt) return
			await tx.representation.update({ where: { id: rep.id }, data: { confirmedAt: new Date(), confirmedBy: by } })
		} else {
			await tx.representation.delete({ where: { id: rep.id } })
		}
		await recordAudit(tx, {
			action: decision === 'confirm' ? 'representation.confirmed' : 'representation.revoked',
			staffId: by,
			subject: `Resident:${rep.residentId}`,
			details: { personId: rep.personId, representationId: rep.id },
			ip,
			requestId,
		})
	})
}
