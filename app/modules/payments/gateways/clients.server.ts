// Every card gateway's client part (gateway.ts), by provider id: what the credential store, payment
// start, settling and the mop-up need. The route-facing descriptors are in registry.server.ts.
import type { CardProvider } from '../providers/payment-provider'
import type { GatewayClient } from './gateway'
import { goPayClient } from './gopay-client.server'
import { stripeClient } from './stripe-client.server'

export const GATEWAY_CLIENTS = { gopay: goPayClient, stripe: stripeClient } as const satisfies Record<CardProvider, { id: CardProvider }>

export type GatewayConfigOf<P extends CardProvider> = ReturnType<(typeof GATEWAY_CLIENTS)[P]['toConfig']>

/**
 * A provider's client for code that handles every provider alike (it only passes a credential from
 * the schema to the same client's hint, config and factory, so the erased types cannot mix).
 */
export function getGatewayClient(id: CardProvider): GatewayClient {
	return GATEWAY_CLIENTS[id] as unknown as GatewayClient
}
