import Stripe from 'stripe'
import { AppError } from '../../errors/app-error'

/** Stripe's own default: a signed event older than five minutes is treated as a replay. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300

export type StripeWebhookFailure = 'signature_missing' | 'signature_invalid' | 'payload_invalid'

export class StripeWebhookError extends AppError {
	readonly reason: StripeWebhookFailure
	constructor(reason: StripeWebhookFailure, message: string) {
		super('stripe_webhook_invalid', message)
		this.name = 'StripeWebhookError'
		this.reason = reason
	}
}

/**
 * Checks the Stripe-Signature header against the raw body with the town's whsec_ secret (the SDK's
 * constructEvent: HMAC-SHA256, constant-time compare, timestamp tolerance) and returns the event.
 * The body must be the bytes as received: a re-serialised JSON object no longer matches.
 */
export function verifyStripeWebhook(input: {
	rawBody: Buffer | string
	signature: string | undefined
	webhookSecret: string
	toleranceSeconds?: number
}): Stripe.Event {
	if (!input.signature) throw new StripeWebhookError('signature_missing', 'The webhook has no Stripe-Signature header.')
	try {
		return Stripe.webhooks.constructEvent(input.rawBody, input.signature, input.webhookSecret, input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS)
	} catch (error) {
		if (error instanceof Stripe.errors.StripeSignatureVerificationError)
			throw new StripeWebhookError('signature_invalid', `The webhook signature was refused: ${error.message.split('\n')[0]}`)
		throw new StripeWebhookError('payload_invalid', 'The webhook body is not a Stripe event.')
	}
}
