// What a payment can still give back: the one rule for refunds (refund-payment.server.ts checks a
// clerk's refund with it; the office payment page shows it). Amounts in haléře.
import { isCardProvider } from './providers/payment-provider'

type Money = { paidAmount: number; refundedAmount: number; overpaidAmount: number }
type Refundable = { method: string; state: string; providerPaymentId: string | null; paidAmount: number; refundedAmount: number }

/** Only a paid (or partly refunded) payment gives money back. */
export function isRefundableState(state: string) {
	return state === 'paid' || state === 'partially_refunded'
}

/** Paid, less what was refunded and what refunds under way (state requested) have reserved. */
export function refundableAmount(payment: Pick<Money, 'paidAmount' | 'refundedAmount'>, underWay: number) {
	return payment.paidAmount - payment.refundedAmount - underWay
}

/** The refund queue (decision 012): money above what the claims needed, not yet returned or reserved. */
export function overpaymentToRefund(payment: Money, underWay: number) {
	return Math.max(0, payment.overpaidAmount - payment.refundedAmount - underWay)
}

/** A card payment is refunded through its gateway, which needs the gateway's payment id. */
export function refundNeedsMissingGatewayId(payment: Pick<Refundable, 'method' | 'providerPaymentId'>) {
	return isCardProvider(payment.method) && !payment.providerPaymentId
}

/** Whether a refund of some amount can be started now (the permission is checked apart). */
export function canStartRefund(payment: Refundable, underWay: number) {
	return !refundNeedsMissingGatewayId(payment) && isRefundableState(payment.state) && refundableAmount(payment, underWay) > 0
}
