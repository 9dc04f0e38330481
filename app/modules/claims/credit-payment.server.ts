// Crediting a paid payment to the claims it covers, in one transaction (decision 007). Card
// payments, portal QR transfers matched from a bank statement and clerk matches all end here, so a
// claim is credited the same way whatever paid it.
import type { Prisma } from '../../generated/tenant/client'
import type { TransitionSource } from '../../generated/tenant/enums'
import { AppError } from '../errors/app-error'
import { transitionPayment } from '../payments/payment-states'
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

export type CreditResult = { credited: { claimId: string; amount: number; discount: number }[]; overpaid: number }

const dateOnly = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Splits the money over the payment's claims (earliest due first). A claim gets its e-payment discount
 * only when the payment carries a discount deadline, the money arrived by it, and the money covers the
 * rest of that claim; otherwise the money is applied without discount. Money left over stays on the
 * last claim as an overpayment (shown, never lost).
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

	const transition = payment.state === 'paid' ? null : await transitionPayment(tx, { paymentId: payment.id, to: 'paid', source: input.source, detail: { received: input.received } })
	if (transition && !transition.ok) throw new AppError('input_invalid', `Payment ${payment.id} cannot be paid from state ${payment.state}`)

	const discountOpen = payment.discountUntil !== null && dateOnly(input.receivedAt) <= dateOnly(payment.discountUntil)
	let money = input.received
	const credited: CreditResult['credited'] = []
	for (const [index, claim] of claims.entries()) {
		const isLast = index === claims.length - 1
		const remaining = Math.max(0, claim.amount - claim.paidAmount - claim.discountGranted)
		// The claim's own discount date counts too: a QR payment covering several claims carries the
		// earliest open deadline, and a claim whose discount had already ended gets none.
		const claimDiscountOpen = discountOpen && claim.discountUntil !== null && dateOnly(input.receivedAt) <= dateOnly(claim.discountUntil)
		const possibleDiscount = claimDiscountOpen ? Math.min(claim.discountAmount - claim.discountGranted, remaining) : 0
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
			data: { claimId: claim.id, kind: 'payment', amount, paymentId: payment.id, actor: input.actor ?? null, detail: { discount, method: payment.method, source: input.source } },
		})
		credited.push({ claimId: claim.id, amount, discount })
	}
	const totalDue = claims.reduce((sum, c) => sum + Math.max(0, c.amount - c.paidAmount - c.discountGranted), 0)
	const discounts = credited.reduce((sum, c) => sum + c.discount, 0)
	const overpaid = Math.max(0, input.received - (totalDue - discounts))
	await tx.payment.update({ where: { id: payment.id }, data: { paidAmount: { increment: input.received }, overpaidAmount: { increment: overpaid } } })
	return { credited, overpaid }
}
