// Crediting a paid payment to the claims it covers, in one transaction (decision 007). Card
// payments, portal QR transfers matched from a bank statement and clerk matches all end here, so a
// claim is credited the same way whatever paid it.
import type { Prisma } from '../../generated/tenant/client'
import type { TransitionSource } from '../../generated/tenant/enums'
import { AppError } from '../errors/app-error'
import { pragueDate } from '../dates/prague-date'
import { cancelSupersededPayments } from '../payments/cancel-superseded-payments.server'
import { transitionPayment } from '../payments/payment-states'
import { claimBalance, isOnOrBefore, remainingAmount } from './claim-balance'
import { deriveClaimStatus } from './claim-status'

export type CreditInput = {
	paymentId: string
	/** Money received, in haléře. */
	received: number
	/** When the money arrived (booking date or gateway time): decides the e-payment discount. */
	receivedAt: Date
	source: TransitionSource
	actor?: string
}

const isClosed = (claim: { status: string }) => claim.status === 'cancelled' || claim.status === 'written_off'

export type CreditResult = { credited: { claimId: string; amount: number; discount: number }[]; overpaid: number }

/**
 * Splits the money over the payment's claims (earliest due first). A claim gets its e-payment discount
 * only when the payment carries a discount deadline, the money arrived by it, and the money covers the
 * rest of that claim; otherwise the money is applied without discount. Money left over stays on the
 * last claim as an overpayment (shown, never lost, and in the office's refund queue). A claim this
 * settles closes the other open QR payments that cover it (they could only pay it twice).
 */
export async function creditPayment(tx: Prisma.TransactionClient, input: CreditInput): Promise<CreditResult> {
	if (!Number.isInteger(input.received) || input.received <= 0) throw new AppError('input_invalid', 'Received amount must be a positive number of haléře')
	// Lock the payment first, so a statement import and a clerk crediting the same payment serialise
	// and the second one sees it paid.
	await tx.payment.updateMany({ where: { id: input.paymentId }, data: { updatedAt: new Date() } })
	const payment = await tx.payment.findUnique({ where: { id: input.paymentId }, include: { items: true } })
	if (!payment) throw new AppError('input_invalid', `Payment ${input.paymentId} not found`)
	if (payment.items.length === 0) throw new AppError('input_invalid', `Payment ${input.paymentId} covers no claims`)

	const claimIds = payment.items.map((item) => item.claimId).sort()
	// Lock in id order so two payments for overlapping claims never deadlock. A touching update takes
	// the row lock through the schema-bound client (raw SQL would not know the town's schema).
	for (const id of claimIds) await tx.claim.update({ where: { id }, data: { updatedAt: new Date() } })
	const claims = await tx.claim.findMany({ where: { id: { in: claimIds } }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] })

	const transition =
		payment.state === 'paid'
			? null
			: await transitionPayment(tx, { paymentId: payment.id, to: 'paid', source: input.source, detail: { received: input.received } })
	if (transition && !transition.ok) throw new AppError('input_invalid', `Payment ${payment.id} cannot be paid from state ${payment.state}`)

	// Days in Prague (decision 012): a card payment started at 23:30 on the last day keeps the discount.
	const receivedOn = pragueDate(input.receivedAt)
	const discountOpen = isOnOrBefore(receivedOn, payment.discountUntil)
	let money = input.received
	const credited: CreditResult['credited'] = []
	for (const [index, claim] of claims.entries()) {
		const isLast = index === claims.length - 1
		const balance = claimBalance(claim, receivedOn)
		// A cancelled or written-off claim needs nothing more: money for it is an overpayment.
		const remaining = isClosed(claim) ? 0 : balance.remaining
		// The claim's own discount date counts too (claimBalance): a QR payment covering several claims
		// carries the earliest open deadline, and a claim whose discount had already ended gets none.
		const possibleDiscount = discountOpen ? balance.discountAvailable : 0
		let amount: number
		let discount = 0
		if (money >= remaining - possibleDiscount) {
			discount = possibleDiscount
			amount = remaining - possibleDiscount
		} else {
			amount = money
		}
		// Whatever is left after the last claim is an overpayment kept on that claim.
		if (isLast) amount = money
		money -= amount
		if (amount === 0 && discount === 0) continue
		const paidAmount = claim.paidAmount + amount
		const discountGranted = claim.discountGranted + discount
		await tx.claim.update({
			where: { id: claim.id },
			data: { paidAmount, discountGranted, status: deriveClaimStatus({ ...claim, paidAmount, discountGranted }) },
		})
		const existing = payment.items.find((item) => item.claimId === claim.id)
		await tx.paymentItem.update({ where: { id: existing!.id }, data: { amount, discount } })
		await tx.claimEvent.create({
			data: {
				claimId: claim.id,
				kind: 'payment',
				amount,
				paymentId: payment.id,
				actor: input.actor ?? null,
				detail: { discount, method: payment.method, source: input.source },
			},
		})
		credited.push({ claimId: claim.id, amount, discount })
	}
	const totalDue = claims.reduce((sum, c) => sum + (isClosed(c) ? 0 : remainingAmount(c)), 0)
	const discounts = credited.reduce((sum, c) => sum + c.discount, 0)
	const overpaid = Math.max(0, input.received - (totalDue - discounts))
	await tx.payment.update({ where: { id: payment.id }, data: { paidAmount: { increment: input.received }, overpaidAmount: { increment: overpaid } } })
	const after = await tx.claim.findMany({
		where: { id: { in: claimIds } },
		select: { id: true, status: true, amount: true, paidAmount: true, discountGranted: true, discountAmount: true, discountUntil: true },
	})
	const settled = after.filter((claim) => claimBalance(claim, receivedOn).isSettled).map((claim) => claim.id)
	await cancelSupersededPayments(tx, { claimIds: settled, settledBy: payment.id, source: input.source })
	return { credited, overpaid }
}
