import type Stripe from 'stripe'
import type { TenantDb } from '../db/tenant-db.server'
import { applyProviderStatus } from './apply-provider-status.server'
import { loadGatewayConfig } from './gateway-credentials.server'
import { GatewayUnavailableError } from './providers/payment-provider'
import { createStripeProvider } from './providers/stripe-provider.server'
import type { TownRef } from './send-payment-receipt.server'
import { isAllowedStripeEvent, StripeWebhookError, verifyStripeWebhook } from './stripe'

export type StripeWebhookAnswer = { status: number; body: { received: boolean; outcome: string }; paymentId?: string | null }

const SESSION_EVENTS = new Set([
	'checkout.session.completed',
	'checkout.session.async_payment_succeeded',
	'checkout.session.async_payment_failed',
	'checkout.session.expired',
])

/**
 * A Stripe webhook for this town: the signature is checked with THIS town's signing secret (another
 * town's, a changed body or an old timestamp are refused), only allow-listed events are acted on,
 * the event id is the inbox key (a replay or duplicate changes nothing), and the session is fetched
 * again from Stripe: the event body is a hint, never the truth.
 */
export async function receiveStripeWebhook({
	db,
	rawBody,
	signature,
	toleranceSeconds,
	town,
}: {
	db: TenantDb
	rawBody: Buffer | string
	signature: string | undefined
	toleranceSeconds?: number
	town?: TownRef
}): Promise<StripeWebhookAnswer> {
	const config = await loadGatewayConfig(db, 'stripe')
	if (!config) return { status: 404, body: { received: false, outcome: 'stripe_off' } }
	let event: Stripe.Event
	try {
		event = verifyStripeWebhook({ rawBody, signature, webhookSecret: config.webhookSecret, ...(toleranceSeconds ? { toleranceSeconds } : {}) })
	} catch (error) {
		if (error instanceof StripeWebhookError) return { status: 400, body: { received: false, outcome: error.reason } }
		throw error
	}
	if (!isAllowedStripeEvent(event.type) || !SESSION_EVENTS.has(event.type)) {
		// Refund events: refunds are made from the portal and recorded there; answer 200 so Stripe stops.
		await db.gatewayNotification.createMany({
			data: [{ provider: 'stripe', eventKey: event.id, payload: { type: event.type }, processedAt: new Date(), outcome: 'ignored' }],
			skipDuplicates: true,
		})
		return { status: 200, body: { received: true, outcome: 'ignored' } }
	}
	const sessionId = (event.data.object as { id?: unknown }).id
	if (typeof sessionId !== 'string') return { status: 400, body: { received: false, outcome: 'payload_invalid' } }
	const already = await db.gatewayNotification.findUnique({ where: { provider_eventKey: { provider: 'stripe', eventKey: event.id } }, select: { id: true } })
	if (already) return { status: 200, body: { received: true, outcome: 'duplicate' } }
	let status
	try {
		status = await createStripeProvider(config).fetchStatus(sessionId)
	} catch (error) {
		// Stripe retries a non-2xx webhook; the mop-up job is the second net.
		if (error instanceof GatewayUnavailableError) return { status: 503, body: { received: false, outcome: 'gateway_unavailable' } }
		return { status: 200, body: { received: true, outcome: 'unknown_session' } }
	}
	const result = await applyProviderStatus({
		db,
		provider: 'stripe',
		providerPaymentId: sessionId,
		status,
		source: 'webhook',
		eventKey: event.id,
		payload: { type: event.type, session: sessionId },
		town,
	})
	return { status: 200, body: { received: true, outcome: result.outcome }, paymentId: result.paymentId }
}
