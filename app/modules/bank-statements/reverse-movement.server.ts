// A credit reversal (GPC posting code 5, camt RvslInd) takes back money the bank had credited. When
// the reversed credit was matched, its crediting is undone in the same transaction: money (and the
// discount that money earned) is taken back from the payment's claims, last-due first; each claim gets
// a `refund` event saying it was a bank reversal, its status is recomputed, the payment moves to
// refunded / partially_refunded (source bank_statement) and the reversal points at the credit it undid.
import type { Prisma } from '../../generated/tenant/client'
import { deriveClaimStatus } from '../claims/claim-status'
import { transitionPayment } from '../payments/payment-states'
import type { TenantDb } from '../db/tenant-db.server'

export type ReversalInput = { id: string; amount: number; bookingDate: string; variableSymbol?: string; counterAccount?: string }

/** The matched credit this reversal undoes: same VS and amount, booked no later, not yet reversed. */
async function findReversedCredit(tx: Prisma.TransactionClient, reversal: ReversalInput) {
	if (!reversal.variableSymbol) return null
	return tx.bankMovement.findFirst({
		where: {
			kind: 'credit',
			matchStatus: 'matched',
			paymentId: { not: null },
			variableSymbol: reversal.variableSymbol,
			amount: BigInt(reversal.amount),
			bookingDate: { lte: new Date(`${reversal.bookingDate}T00:00:00Z`) },
			reversal: null,
			...(reversal.counterAccount ? { OR: [{ counterAccount: reversal.counterAccount }, { counterAccount: null }] } : {}),
		},
		orderBy: [{ bookingDate: 'desc' }, { createdAt: 'desc' }],
	})
}

async function undoCredit(
	tx: Prisma.TransactionClient,
	{ paymentId, amount, reversalId, originalId, actor }: { paymentId: string; amount: number; reversalId: string; originalId: string; actor: string },
) {
	await tx.payment.updateMany({ where: { id: paymentId }, data: { updatedAt: new Date() } })
	const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { items: true } })
	const claimIds = payment.items.map((item) => item.claimId).sort()
	for (const id of claimIds) await tx.claim.update({ where: { id }, data: { updatedAt: new Date() } })
	const claims = await tx.claim.findMany({ where: { id: { in: claimIds } }, orderBy: [{ dueDate: 'desc' }, { id: 'desc' }] })
	const fullReversal = amount >= payment.paidAmount - payment.refundedAmount
	let left = amount
	for (const claim of claims) {
		const item = payment.items.find((i) => i.claimId === claim.id)!
		const take = Math.min(left, item.amount, claim.paidAmount)
		// The discount was earned by paying the rest in time; once money is taken back it is no longer earned.
		const withdrawn = fullReversal || take > 0 ? Math.min(item.discount, claim.discountGranted) : 0
		if (take === 0 && withdrawn === 0) continue
		left -= take
		const paidAmount = claim.paidAmount - take
		const discountGranted = claim.discountGranted - withdrawn
		await tx.claim.update({
			where: { id: claim.id },
			data: { paidAmount, discountGranted, status: deriveClaimStatus({ ...claim, paidAmount, discountGranted }) },
		})
		await tx.paymentItem.update({ where: { id: item.id }, data: { amount: item.amount - take, discount: item.discount - withdrawn } })
		await tx.claimEvent.create({
			data: {
				claimId: claim.id,
				kind: 'refund',
				amount: take,
				paymentId,
				actor,
				detail: { reason: 'bank_reversal', discountWithdrawn: withdrawn, reversalMovementId: reversalId, reversedMovementId: originalId },
			},
		})
	}
	const refunded = Math.min(payment.paidAmount, payment.refundedAmount + amount)
	await tx.payment.update({ where: { id: paymentId }, data: { refundedAmount: refunded, overpaidAmount: Math.max(0, payment.overpaidAmount - amount) } })
	const to = refunded >= payment.paidAmount ? 'refunded' : 'partially_refunded'
	await transitionPayment(tx, { paymentId, to, source: 'bank_statement', detail: { reversalMovementId: reversalId, amount } })
}

/** Applies one new credit reversal; returns whether it undid a matched credit (else it waits for a clerk). */
export async function reverseMovement({
	db,
	reversal,
	actor,
	staffId,
}: {
	db: TenantDb
	reversal: ReversalInput
	actor: string
	staffId?: string | null
}): Promise<boolean> {
	return db.$transaction(async (tx) => {
		const original = await findReversedCredit(tx, reversal)
		if (!original?.paymentId) return false
		await undoCredit(tx, { paymentId: original.paymentId, amount: reversal.amount, reversalId: reversal.id, originalId: original.id, actor })
		await tx.bankMovement.update({
			where: { id: reversal.id },
			data: { matchStatus: 'matched', paymentId: original.paymentId, reversedMovementId: original.id, matchedBy: actor, matchedAt: new Date() },
		})
		await tx.auditLog.create({
			data: {
				action: 'bank.reversal_applied',
				staffId: staffId ?? null,
				subject: `BankMovement:${reversal.id}`,
				details: { actor, reversedMovementId: original.id, paymentId: original.paymentId, amount: reversal.amount },
			},
		})
		return true
	})
}
