import Stripe from 'stripe'
import { assertAllowedGatewayApiUrl } from '../gateway-api-url.server'
import type { StripeConfig } from './stripe-config'

/** A citizen waits on the redirect to Checkout: better a clear failure after 20 s than Stripe's default 80 s. */
const TIMEOUT_MS = 20_000

/**
 * The official SDK for one town's account. With apiUrl (the simulator) the SDK's host/port/protocol options
 * point it there; everything else (form encoding, idempotency keys on retries, error classes) stays the SDK's.
 */
export function createStripeClient(config: StripeConfig): Stripe {
	// Again here, not only when saving: the secret key goes to this address.
	assertAllowedGatewayApiUrl('stripe', config.apiUrl)
	const target = config.apiUrl ? new URL(config.apiUrl) : undefined
	const protocol = target?.protocol === 'http:' ? 'http' : 'https'
	return new Stripe(config.secretKey, {
		timeout: TIMEOUT_MS,
		// POSTs are retried with the same Idempotency-Key the SDK generates, so a retry never pays twice.
		maxNetworkRetries: 2,
		telemetry: false,
		appInfo: { name: 'portal-obcana' },
		...(target ? { host: target.hostname, port: target.port || (protocol === 'http' ? 80 : 443), protocol } : {}),
	})
}
