import { cancelStripePayment } from '../cancel-card-payment.server'
import { receiveStripeWebhook } from '../receive-stripe-webhook.server'
import type { GatewayDescriptor } from './gateway'
import { stripeClient } from './stripe-client.server'

/**
 * Stripe: a signed POST webhook (verified with THIS town's signing secret, over the raw bytes:
 * Express parses no bodies, server/create-app.ts), and Checkout's return with ?session=<id> after
 * paying or ?payment=<our id>&cancel=1 after Cancel. Either way the session is fetched from Stripe.
 */
export const stripeGateway: GatewayDescriptor<Parameters<typeof stripeClient.maskedHint>[0], Parameters<typeof stripeClient.createProvider>[0]> = {
	...stripeClient,
	notification: { segment: 'webhook', method: 'POST' },
	async handleNotification({ request, db, town }) {
		const rawBody = Buffer.from(await request.arrayBuffer())
		if (rawBody.length > 512 * 1024) return { status: 413, body: { error: 'too large' } }
		const result = await receiveStripeWebhook({ db, rawBody, signature: request.headers.get('stripe-signature') ?? undefined, town })
		return { status: result.status, body: result.body }
	},
	readReturn(url) {
		const sessionId = (url.searchParams.get('session') ?? '').slice(0, 200)
		if (sessionId) return { providerPaymentId: sessionId }
		const paymentId = url.searchParams.get('payment')
		return paymentId ? { paymentId, cancelled: url.searchParams.has('cancel') } : null
	},
	cancelPayment: ({ db, providerPaymentId, town }) => cancelStripePayment({ db, providerPaymentId, town }),
}
