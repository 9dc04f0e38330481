import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { isClosable } from './claim-status'
import { cancelSupersededPayments } from '../payments/cancel-superseded-payments.server'

type Options = { db: TenantDb; claimId: string; kind: 'cancelled' | 'written_off'; reason: string; by: string; ip?: string | null; requestId?: string | null }

/**
 * Cancels (issued in error) or writes off (uncollectable) a claim, with the clerk's reason on the
 * claim's history and in the audit log; its open QR payments are cancelled. A paid claim is not written off: its money is accounted for.
 */
export async function closeClaim({ db, claimId, kind, reason, by, ip = null, requestId = null }: Options) {
	return db.$transaction(async (tx) => {
		const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, status: true, amount: true, paidAmount: true } })
		if (!claim) throw new AppError('input_invalid', 'No such claim')
		if (claim.status === 'cancelled' || claim.status === 'written_off') throw new AppError('input_invalid', 'The claim is already closed')
		if (!isClosable(claim.status)) throw new AppError('input_invalid', 'A paid claim cannot be closed')
		await tx.claim.update({ where: { id: claimId }, data: { status: kind } })
		await tx.claimEvent.create({ data: { claimId, kind, amount: claim.amount - claim.paidAmount, actor: by, detail: { reason } } })
		// Its open QR payments would only bring money nobody owes.
		await cancelSupersededPayments(tx, { claimIds: [claimId], settledBy: null, source: 'clerk', reason: 'claim_closed' })
		await recordAudit(tx, {
			action: kind === 'cancelled' ? 'claims.cancelled' : 'claims.written_off',
			staffId: by,
			subject: `Claim:${claimId}`,
			details: { reason },
			ip,
			requestId,
		})
	})
}
