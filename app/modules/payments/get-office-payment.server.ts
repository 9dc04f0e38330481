// One payment for the office's payment page (/urad/platby/:id): payer, claims, state log, refunds and
// the accounts it came from, with what can still be refunded (refundable.ts).
import type { TenantDb } from '../db/tenant-db.server'
import { canStartRefund, overpaymentToRefund, refundableAmount } from './refundable'
import type { RefundState } from './refund-states'

export async function getOfficePayment({ db, id }: { db: TenantDb; id: string }) {
	const payment = await db.payment.findUnique({
		where: { id },
		include: {
			person: true,
			items: { include: { claim: true } },
			transitions: { orderBy: { at: 'asc' } },
			refunds: { orderBy: { createdAt: 'asc' } },
			movements: { where: { kind: 'credit' }, select: { counterAccount: true, bookingDate: true } },
		},
	})
	if (!payment) return null
	const underWay = payment.refunds.filter((r) => r.state === ('requested' satisfies RefundState)).reduce((sum, r) => sum + r.amount, 0)
	return {
		payment,
		refunds: {
			/** What a clerk may still refund (never below zero on the page). */
			refundable: Math.max(0, refundableAmount(payment, underWay)),
			/** Overpayment waiting in the refund queue. */
			toRefund: overpaymentToRefund(payment, underWay),
			canStart: canStartRefund(payment, underWay),
		},
		counterAccounts: [...new Set(payment.movements.map((m) => m.counterAccount).filter((a): a is string => Boolean(a)))],
	}
}
