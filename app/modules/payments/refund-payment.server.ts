// Refunds by clerks on the payments agenda (issue 5): full or partial, never more than what is still
// refundable (paid - refunded - refunds under way), with a reason, audited, and the claims follow:
// the money leaves the claims it was credited to (latest due first) and a claim that loses all of
// this payment's money loses the discount that came with it. A bank transfer is returned by a bank
// order from the town's account, outside the portal: the clerk records it here once sent (decision
// 012, the refund queue), and the claims follow the same way.
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import { deriveClaimStatus } from '../claims/claim-status'
import type { TenantDb } from '../db/tenant-db.server'
import { transitionPayment } from './payment-states'
import { RefundError } from './refund-error'
import { isRefundableState, refundableAmount, refundNeedsMissingGatewayId } from './refundable'
import { GatewayRefusedError, isCardProvider } from './providers/payment-provider'
import { getPaymentProvider } from './providers/registry.server'
import { moveRefund, type RefundState } from './refund-states'

export { RefundError } from './refund-error'

export type RefundInput = {
	db: TenantDb
	ability: AppAbility
	paymentId: string
	amount: number
	reason: string
	staffId: string
	meta?: { ip?: string | null; requestId?: string | null }
}

export async function refundPayment(input: RefundInput) {
	const { db, ability } = input
	if (!ability.can('manage', 'Payment')) throw new RefundError('not_allowed')
	const reason = input.reason.trim()
	if (!Number.isInteger(input.amount) || input.amount <= 0) throw new RefundError('amount_invalid')
	if (!reason) throw new RefundError('reason_missing')

	// Reserve the amount under the payment's row lock, so two clerks cannot both refund the same money.
	const { refund, payment } = await db.$transaction(async (tx) => {
		await tx.payment.updateMany({ where: { AND: [accessibleWhere(ability, 'manage', 'Payment'), { id: input.paymentId }] }, data: { updatedAt: new Date() } })
		const payment = await tx.payment.findFirst({
			where: { AND: [accessibleWhere(ability, 'manage', 'Payment'), { id: input.paymentId }] },
			select: { id: true, method: true, state: true, paidAmount: true, refundedAmount: true, providerPaymentId: true },
		})
		if (!payment) throw new RefundError('not_found')
		if (refundNeedsMissingGatewayId(payment)) throw new RefundError('not_supported')
		if (!isRefundableState(payment.state)) throw new RefundError('not_refundable')
		const underWay = await tx.refund.aggregate({ where: { paymentId: payment.id, state: 'requested' satisfies RefundState }, _sum: { amount: true } })
		if (input.amount > refundableAmount(payment, underWay._sum.amount ?? 0)) throw new RefundError('too_large')
		const refund = await tx.refund.create({ data: { paymentId: payment.id, amount: input.amount, reason, actor: input.staffId }, select: { id: true } })
		return { refund, payment }
	})

	let providerRefundId: string | null = null
	try {
		if (isCardProvider(payment.method)) {
			const provider = await getPaymentProvider(db, payment.method)
			if (!provider) throw new RefundError('gateway_unavailable')
			providerRefundId = (await provider.refund({ providerPaymentId: payment.providerPaymentId!, amount: input.amount, reason, refundKey: refund.id }))
				.providerRefundId
		}
	} catch (error) {
		await moveRefund(db, { refundId: refund.id, to: 'failed' })
		await recordAudit(db, {
			action: 'payment.refund',
			outcome: 'failed',
			staffId: input.staffId,
			subject: `Payment:${payment.id}`,
			details: { amount: input.amount, reason, error: String((error as Error).message).slice(0, 200) },
			...input.meta,
		})
		if (error instanceof RefundError) throw error
		throw new RefundError(error instanceof GatewayRefusedError ? 'gateway_refused' : 'gateway_unavailable')
	}

	await db.$transaction(async (tx) => {
		await tx.payment.updateMany({ where: { id: payment.id }, data: { updatedAt: new Date() } })
		const current = await tx.payment.findUniqueOrThrow({
			where: { id: payment.id },
			select: { paidAmount: true, refundedAmount: true, items: { select: { claimId: true, amount: true, discount: true } } },
		})
		const refundedAmount = current.refundedAmount + input.amount
		await tx.payment.update({ where: { id: payment.id }, data: { refundedAmount } })
		await transitionPayment(tx, {
			paymentId: payment.id,
			to: refundedAmount >= current.paidAmount ? 'refunded' : 'partially_refunded',
			source: 'clerk',
			detail: { refundId: refund.id, amount: input.amount },
		})
		await moveRefund(tx, { refundId: refund.id, to: 'succeeded', providerRefundId })
		await takeMoneyBack(tx, { paymentId: payment.id, items: current.items, amount: input.amount, actor: input.staffId, reason })
		await recordAudit(tx, {
			action: 'payment.refund',
			staffId: input.staffId,
			subject: `Payment:${payment.id}`,
			details: { amount: input.amount, reason, refundId: refund.id },
			...input.meta,
		})
	})
	return { refundId: refund.id }
}

type Tx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0]

async function takeMoneyBack(
	tx: Tx,
	{
		paymentId,
		items,
		amount,
		actor,
		reason,
	}: { paymentId: string; items: { claimId: string; amount: number; discount: number }[]; amount: number; actor: string; reason: string },
) {
	const ids = items.map((item) => item.claimId).sort()
	for (const id of ids) await tx.claim.update({ where: { id }, data: { updatedAt: new Date() } })
	const claims = await tx.claim.findMany({ where: { id: { in: ids } }, orderBy: [{ dueDate: 'desc' }, { id: 'desc' }] })
	const earlier = await tx.claimEvent.groupBy({ by: ['claimId'], where: { paymentId, kind: 'refund' }, _sum: { amount: true } })
	let left = amount
	for (const claim of claims) {
		if (left === 0) break
		const item = items.find((i) => i.claimId === claim.id)!
		const alreadyBack = earlier.find((row) => row.claimId === claim.id)?._sum.amount ?? 0
		const back = Math.min(left, item.amount - alreadyBack)
		if (back <= 0) continue
		left -= back
		const allBack = alreadyBack + back >= item.amount
		const paidAmount = claim.paidAmount - back
		const discountGranted = allBack ? Math.max(0, claim.discountGranted - item.discount) : claim.discountGranted
		await tx.claim.update({
			where: { id: claim.id },
			data: { paidAmount, discountGranted, status: deriveClaimStatus({ ...claim, paidAmount, discountGranted }) },
		})
		await tx.claimEvent.create({
			data: { claimId: claim.id, kind: 'refund', amount: back, paymentId, actor, detail: { reason, discountRevoked: allBack ? item.discount : 0 } },
		})
	}
}
