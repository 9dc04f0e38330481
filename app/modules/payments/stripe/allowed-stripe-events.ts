/**
 * Event types the portal acts on. Anything else is answered 200 and ignored, so Stripe stops retrying.
 * Each one is only a hint: the handler re-fetches the session or refund before changing a payment.
 */
export const ALLOWED_STRIPE_EVENTS = [
	'checkout.session.completed',
	'checkout.session.async_payment_succeeded',
	'checkout.session.async_payment_failed',
	'checkout.session.expired',
	'charge.refunded',
	'refund.updated',
] as const

export type AllowedStripeEvent = (typeof ALLOWED_STRIPE_EVENTS)[number]

export function isAllowedStripeEvent(type: string): type is AllowedStripeEvent {
	return (ALLOWED_STRIPE_EVENTS as readonly string[]).includes(type)
}
