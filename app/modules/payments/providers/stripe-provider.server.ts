import Stripe from 'stripe'
import { createStripeClient, type StripeConfig } from '../stripe'
import { GatewayRefusedError, GatewayUnavailableError, type PaymentProvider } from './payment-provider'

function translate(error: unknown): never {
	if (
		error instanceof Stripe.errors.StripeConnectionError ||
		error instanceof Stripe.errors.StripeAPIError ||
		error instanceof Stripe.errors.StripeRateLimitError
	) {
		throw new GatewayUnavailableError(error.message, { cause: error })
	}
	if (error instanceof Stripe.errors.StripeError) throw new GatewayRefusedError(error.message, { cause: error })
	throw new GatewayUnavailableError(error instanceof Error ? error.message : String(error), { cause: error })
}

/** Stripe Checkout through the official SDK: one Checkout Session per payment, in CZK haléře. */
export function createStripeProvider(config: StripeConfig, client: Stripe = createStripeClient(config)): PaymentProvider {
	return {
		name: 'stripe',
		async startPayment(input) {
			const session = await client.checkout.sessions
				.create(
					{
						mode: 'payment',
						line_items: input.items.map((item) => ({
							quantity: 1,
							price_data: { currency: 'czk', unit_amount: item.amount, product_data: { name: item.name.slice(0, 250) } },
						})),
						metadata: { tenant: input.townSlug, paymentId: input.paymentId },
						payment_intent_data: { metadata: { tenant: input.townSlug, paymentId: input.paymentId } },
						client_reference_id: input.paymentId,
						// Stripe closes the session itself before our mop-up gives up on it (90 min).
						expires_at: Math.floor(Date.now() / 1000) + 60 * 60,
						success_url: `${input.returnUrl}${input.returnUrl.includes('?') ? '&' : '?'}session={CHECKOUT_SESSION_ID}`,
						cancel_url: input.cancelUrl,
						locale: input.locale === 'uk' ? 'auto' : input.locale,
						...(input.email ? { customer_email: input.email } : {}),
					},
					// A retried start never creates a second session for the same payment.
					{ idempotencyKey: `portal-payment-${input.paymentId}` },
				)
				.catch(translate)
			if (!session.url) throw new GatewayRefusedError('Stripe created the session without a URL')
			return { providerPaymentId: session.id, redirectUrl: session.url }
		},
		async fetchStatus(sessionId) {
			const session = await client.checkout.sessions.retrieve(sessionId).catch(translate)
			if (session.payment_status === 'paid') return { state: 'paid', amount: session.amount_total ?? 0, raw: `${session.status}/${session.payment_status}` }
			if (session.status === 'expired') return { state: 'expired', amount: 0, raw: 'expired' }
			return { state: 'pending', amount: 0, raw: `${session.status}/${session.payment_status}` }
		},
		async refund({ providerPaymentId, amount, refundKey }) {
			const session = await client.checkout.sessions.retrieve(providerPaymentId).catch(translate)
			const paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id
			if (!paymentIntent) throw new GatewayRefusedError('The Stripe session has no payment to refund')
			const refund = await client.refunds
				.create({ payment_intent: paymentIntent, amount, reason: 'requested_by_customer' }, { idempotencyKey: `portal-refund-${refundKey}` })
				.catch(translate)
			return { providerRefundId: refund.id, finished: refund.status === 'succeeded' }
		},
	}
}
