// Refunds against a PaymentIntent's charge: full by default, partial with amount, never more than what is
// left (Stripe answers 400 and changes nothing). Each refund sends charge.refunded and refund.updated.
import { invalid, missing, StripeApiError } from './api-error'
import { emitEvent } from './webhooks'
import { find, newId, nowSeconds, store, type Account, type SimulatorState } from './state'
import type { StripeObject } from './types'

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer']

export function createRefund(state: SimulatorState, account: Account, body: Record<string, unknown>): StripeObject {
	const paymentIntentId = typeof body.payment_intent === 'string' ? body.payment_intent : undefined
	const chargeId = typeof body.charge === 'string' ? body.charge : undefined
	if (!paymentIntentId && !chargeId)
		throw invalid('One of the following params should be provided for this request: payment_intent or charge.', 'payment_intent')
	let charge: StripeObject | undefined
	if (paymentIntentId) {
		const paymentIntent = find(state, account, paymentIntentId, 'payment_intent')
		if (!paymentIntent) throw missing(paymentIntentId, 'payment_intent')
		charge = typeof paymentIntent.latest_charge === 'string' ? find(state, account, paymentIntent.latest_charge, 'charge') : undefined
		if (!charge) throw invalid(`This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`, 'payment_intent')
	} else {
		charge = find(state, account, chargeId!, 'charge')
		if (!charge) throw missing(chargeId!, 'charge')
	}
	const refundable = Number(charge.amount) - Number(charge.amount_refunded)
	if (refundable <= 0)
		throw new StripeApiError(400, 'invalid_request_error', `Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' })
	let amount = refundable
	if (body.amount !== undefined) {
		if (typeof body.amount !== 'string' || !/^\d+$/.test(body.amount) || Number(body.amount) < 1)
			throw invalid(`Invalid positive integer: ${String(body.amount)}`, 'amount')
		amount = Number(body.amount)
		if (amount > refundable) {
			const czk = (value: number) => `${String(charge.currency).toUpperCase()} ${(value / 100).toFixed(2)}`
			throw invalid(`Refund amount (${czk(amount)}) is greater than unrefunded amount on charge (${czk(refundable)})`, 'amount')
		}
	}
	if (body.reason !== undefined && !REASONS.includes(String(body.reason))) throw invalid(`Invalid reason: must be one of ${REASONS.join(', ')}`, 'reason')
	const metadataInput = body.metadata && typeof body.metadata === 'object' ? (body.metadata as Record<string, string>) : {}
	const refund = store(state, account, {
		id: newId('re'),
		object: 'refund',
		amount,
		charge: charge.id,
		created: nowSeconds(),
		currency: charge.currency,
		metadata: { ...metadataInput },
		payment_intent: charge.payment_intent,
		reason: body.reason ?? null,
		status: 'succeeded',
	})
	const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded }
	charge.amount_refunded = Number(charge.amount_refunded) + amount
	charge.refunded = charge.amount_refunded === charge.amount
	emitEvent(state, account, 'charge.refunded', charge, previous)
	emitEvent(state, account, 'refund.updated', refund)
	return refund
}
